-- Debt help (Wgs): VTLB norm tables as dated data, the VTLB calculations of a file, and the
-- solution (betalingsregeling, schuldbemiddeling, saneringskrediet, 0%-aanbod) with one offer per
-- debt and the creditor's answer. Amounts are integer eurocents.
create table debt_norm_tables (
  municipality_code char(4) not null references municipalities (code),
  valid_from date not null,
  valid_until date not null,
  document jsonb not null,
  created_by text not null,
  created_at timestamptz not null,
  primary key (municipality_code, valid_from),
  check (valid_until > valid_from)
);

create table debt_vtlb_calculations (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  debt_file_id uuid not null references debt_files (id),
  reference_date date not null,
  norm_valid_from date not null,
  input jsonb not null,
  result jsonb not null,
  vtlb_cents bigint not null check (vtlb_cents >= 0),
  capacity_cents bigint not null check (capacity_cents >= 0),
  calculated_at timestamptz not null,
  calculated_by text not null
);
create index debt_vtlb_file on debt_vtlb_calculations (debt_file_id, calculated_at);

create table debt_solutions (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  debt_file_id uuid not null references debt_files (id),
  kind text not null check (kind in ('payment-arrangement', 'debt-mediation', 'sanitation-credit', 'zero-offer')),
  status text not null check (status in ('proposed', 'agreed', 'rejected', 'withdrawn')),
  vtlb_calculation_id uuid not null references debt_vtlb_calculations (id),
  term_months integer not null check (term_months between 1 and 180),
  capacity_cents bigint not null check (capacity_cents >= 0),
  total_claims_cents bigint not null check (total_claims_cents >= 0),
  available_cents bigint not null check (available_cents >= 0 and available_cents <= total_claims_cents),
  payout_basis_points integer not null check (payout_basis_points between 0 and 10000),
  lender text,
  proposed_on date not null,
  agreed_on date,
  proposed_by text not null
);
create index debt_solutions_file on debt_solutions (debt_file_id);
create unique index debt_solutions_one_live on debt_solutions (debt_file_id) where status in ('proposed', 'agreed');

create table debt_offers (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  solution_id uuid not null references debt_solutions (id),
  debt_id uuid not null references debts (id),
  claim_cents bigint not null check (claim_cents > 0),
  offered_cents bigint not null check (offered_cents >= 0 and offered_cents <= claim_cents),
  status text not null check (status in ('sent', 'accepted', 'rejected')),
  responded_on date,
  unique (solution_id, debt_id)
);

grant select, insert, update on debt_norm_tables, debt_vtlb_calculations, debt_solutions, debt_offers to kern_app;
alter table debt_norm_tables enable row level security;
alter table debt_vtlb_calculations enable row level security;
alter table debt_solutions enable row level security;
alter table debt_offers enable row level security;
create policy tenant_isolation on debt_norm_tables
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on debt_vtlb_calculations
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on debt_solutions
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on debt_offers
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
