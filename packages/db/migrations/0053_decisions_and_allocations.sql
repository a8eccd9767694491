-- Decisions (beschikkingen) and allocations (toewijzingen). A decision is taken on a case at the
-- werkwijze's besluit step and grants (or refuses) provisions, each in kind (zorg in natura, ZIN)
-- or as a personal budget (pgb). A ZIN provision is allocated to a contracted provider: the
-- allocation is what the 301 carries and what invoices (323) are verified against. An allocation
-- keeps its ToewijzingNummer for life; a change or an ending writes a row in allocation_changes
-- (with RedenWijziging WMO002/JZ002 or RedenBeeindiging WMO588/JZ588) and updates the current state.
create table decisions (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  case_id uuid not null references cases (id),
  reference text not null,
  subject_bsn char(9) not null,
  law text not null check (law in ('wmo', 'jeugdwet')),
  outcome text not null check (outcome in ('granted', 'partly-granted', 'refused')),
  -- The reasons as the citizen reads them (also in the portal), B1 language.
  reasons text not null check (length(reasons) between 1 and 20000),
  decided_on date not null,
  decided_by uuid not null,
  -- Awb art. 6:7: six weeks to object, counted from the day after the decision was sent.
  objection_until date not null,
  created_at timestamptz not null,
  unique (municipality_code, reference),
  check (objection_until > decided_on)
);
create index decisions_case on decisions (case_id);
create index decisions_subject on decisions (municipality_code, subject_bsn);

create table granted_provisions (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  decision_id uuid not null references decisions (id),
  standard text not null check (standard in ('iwmo', 'ijw')),
  category char(2) not null,
  product_code varchar(5),
  form text not null check (form in ('zin', 'pgb')),
  -- Allocation variant per Toewijzingsvarianten: volume x unit x frequency, a budget, or neither (aspecifiek).
  volume integer check (volume is null or volume between 1 and 99999999),
  unit char(2) check (unit ~ '^[0-9]{2}$'),
  frequency char(1) check (frequency in ('1', '2', '4', '6')),
  budget_cents bigint check (budget_cents is null or budget_cents between 0 and 99999999),
  -- Pgb: the budget paid to the citizen (through the SVB); no allocation to a provider.
  pgb_amount_cents bigint check (pgb_amount_cents is null or pgb_amount_cents >= 0),
  valid_from date not null,
  valid_to date,
  foreign key (standard, category) references product_categories (standard, code),
  check (valid_to is null or valid_to >= valid_from),
  check ((volume is null) = (unit is null) and (volume is null) = (frequency is null)),
  check (form = 'zin' or pgb_amount_cents is not null)
);
create index granted_provisions_decision on granted_provisions (decision_id);

-- ToewijzingNummer: per municipality, never reused.
create table allocation_numbers (
  municipality_code char(4) primary key references municipalities (code),
  last_number integer not null check (last_number between 0 and 999999999)
);

create table allocations (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  granted_provision_id uuid not null references granted_provisions (id),
  toewijzing_nummer text not null check (toewijzing_nummer ~ '^[0-9]{1,9}$'),
  subject_bsn char(9) not null,
  provider_id uuid not null references care_providers (id),
  provider_agb char(8) not null,
  contract_id uuid references contracts (id),
  standard text not null check (standard in ('iwmo', 'ijw')),
  category char(2) not null,
  product_code varchar(5),
  start_date date not null,
  end_date date,
  volume integer check (volume is null or volume between 1 and 99999999),
  unit char(2) check (unit ~ '^[0-9]{2}$'),
  frequency char(1) check (frequency in ('1', '2', '4', '6')),
  budget_cents bigint check (budget_cents is null or budget_cents between 0 and 99999999),
  -- Latest RedenWijziging (WMO002/JZ002) or RedenBeeindiging (WMO588/JZ588), null when unchanged.
  change_reason char(2),
  ending_reason char(2),
  -- 'active', 'ended' (einddatum set by an ending) or 'withdrawn' (RedenWijziging 13: removed).
  status text not null check (status in ('active', 'ended', 'withdrawn')),
  -- ToewijzingDatumTijd of the latest state, as sent in the 301.
  allocated_at timestamptz not null,
  -- When the provider's 302 (retour) acknowledged the latest 301 carrying this allocation.
  acknowledged_at timestamptz,
  created_by uuid not null,
  unique (municipality_code, toewijzing_nummer),
  foreign key (standard, category) references product_categories (standard, code),
  check (end_date is null or end_date >= start_date),
  check ((volume is null) = (unit is null) and (volume is null) = (frequency is null))
);
create index allocations_subject on allocations (municipality_code, subject_bsn);
create index allocations_provider on allocations (municipality_code, provider_id, status);

create table allocation_changes (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  allocation_id uuid not null references allocations (id),
  kind text not null check (kind in ('created', 'changed', 'ended', 'withdrawn')),
  reason char(2),
  -- The allocation's state after the change, for the history and a later 301.
  state jsonb not null,
  changed_at timestamptz not null,
  changed_by uuid not null
);
create index allocation_changes_allocation on allocation_changes (allocation_id, changed_at);

grant select, insert, update on decisions, granted_provisions, allocation_numbers, allocations, allocation_changes to kern_app;
alter table decisions enable row level security;
alter table granted_provisions enable row level security;
alter table allocation_numbers enable row level security;
alter table allocations enable row level security;
alter table allocation_changes enable row level security;
create policy tenant_isolation on decisions
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on granted_provisions
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on allocation_numbers
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on allocations
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on allocation_changes
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
