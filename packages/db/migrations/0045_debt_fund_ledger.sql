-- The municipal debt fund (NIHS model): it takes over a resident's verified debts at agreed sector
-- percentages, the resident repays the fund income-dependently for at most 180 months, and parts
-- are forgiven as a reward (milestones) and the rest at the end of the term.
-- Money is integer eurocents. The ledger is double-entry: every entry's postings sum to zero
-- (debit positive, credit negative), checked by the database at the end of every statement.

-- The fund's terms per municipality, versioned and dated: sector percentages, the longest term and
-- the forgiveness rules (validated in code, see fund.schema.ts).
create table fund_terms (
  municipality_code char(4) not null references municipalities (code),
  version integer not null check (version > 0),
  valid_from date not null,
  document jsonb not null,
  created_at timestamptz not null,
  created_by text not null,
  primary key (municipality_code, version)
);

-- One participation per debt file: the resident's account with the fund.
create table fund_participations (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  debt_file_id uuid not null unique references debt_files (id),
  team_id uuid not null references teams (id),
  terms_version integer not null,
  decision_on date not null,
  take_over_due date not null,
  taken_over_on date not null,
  cohort char(7) not null check (cohort ~ '^\d{4}-\d{2}$'),
  monthly_cents bigint not null check (monthly_cents >= 0 and monthly_cents <= 10000000),
  term_months integer not null check (term_months between 1 and 180),
  first_period char(7) not null check (first_period ~ '^\d{4}-\d{2}$'),
  last_period char(7) not null check (last_period ~ '^\d{4}-\d{2}$' and last_period >= first_period),
  taken_over_cents bigint not null check (taken_over_cents > 0),
  -- A projection of the ledger, kept in the same statements that post to it (tests check both agree).
  balance_cents bigint not null check (balance_cents >= 0),
  repaid_cents bigint not null default 0 check (repaid_cents >= 0),
  forgiven_cents bigint not null default 0 check (forgiven_cents >= 0),
  status text not null check (status in ('repaying', 'completed')),
  check (balance_cents + repaid_cents + forgiven_cents = taken_over_cents)
) with (fillfactor = 80); -- room for the monthly balance update to stay HOT (no indexed column changes)
create index fund_participations_run on fund_participations (municipality_code, id) where status = 'repaying';

-- Each debt the fund took over; a debt can be taken over once only.
create table fund_debts (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  participation_id uuid not null references fund_participations (id),
  debt_id uuid not null unique references debts (id),
  creditor_id uuid not null references debt_creditors (id),
  sector text not null,
  claim_cents bigint not null check (claim_cents > 0),
  rate_basis_points integer not null check (rate_basis_points between 0 and 10000),
  settlement_cents bigint not null check (settlement_cents >= 0 and settlement_cents <= claim_cents)
);
create index fund_debts_participation on fund_debts (participation_id);

-- Milestones reached (plan goals marked as a milestone); one forgiveness per goal.
create table fund_milestones (
  municipality_code char(4) not null references municipalities (code),
  participation_id uuid not null references fund_participations (id),
  goal_ref text not null check (length(goal_ref) between 1 and 100),
  reached_on date not null,
  forgiven_cents bigint not null check (forgiven_cents >= 0),
  primary key (participation_id, goal_ref)
);

-- The ledger. An entry is the postings sharing an entry_id. Unlike the other tenant tables, the
-- ledger has no foreign keys: a monthly run writes hundreds of thousands of postings, and each key
-- check locks the referenced row (FOR KEY SHARE): the one municipality row, and the participation
-- the same statement updates (a multixact each). Together that was 70% of the run. The tenant
-- policy's WITH CHECK pins municipality_code; participation and creditor ids are only ever taken
-- from rows read in the same statement (fund.repository.ts), and the integration tests check that
-- every posting's participation exists and that the participations' balances agree with the ledger.
create table fund_postings (
  entry_id uuid not null,
  municipality_code char(4) not null check (municipality_code ~ '^\d{4}$'),
  kind text not null check (kind in ('take-over', 'repayment', 'forgiveness', 'payout')),
  booked_on date not null,
  period char(7) check (period ~ '^\d{4}-\d{2}$'),
  account text not null check (account in ('cash', 'receivable', 'payable', 'forgiveness')),
  participation_id uuid,
  creditor_id uuid,
  amount_cents bigint not null check (amount_cents <> 0 and abs(amount_cents) <= 100000000000),
  check (account <> 'receivable' or participation_id is not null),
  check (account <> 'payable' or (participation_id is not null and creditor_id is not null))
);
create index fund_postings_entry on fund_postings (entry_id);
create index fund_postings_participation on fund_postings (participation_id, account);
-- The same month is booked once per resident, whatever reruns or crashes happen.
create unique index fund_postings_one_repayment on fund_postings (participation_id, period) where kind = 'repayment' and account = 'receivable';

-- Double entry, enforced: after every statement that adds postings, each entry it touched sums to
-- zero. Every entry already stored balances (this trigger saw it), so an entry stays balanced
-- exactly when the postings a statement adds to it sum to zero: checking those suffices.
create function kern_fund_entries_balance() returns trigger language plpgsql as $$
declare
  unbalanced uuid;
begin
  select n.entry_id into unbalanced
  from new_postings n
  group by n.entry_id
  having sum(n.amount_cents) <> 0
  limit 1;
  if unbalanced is not null then
    raise exception 'fund ledger entry % does not balance', unbalanced using errcode = 'check_violation';
  end if;
  return null;
end
$$;
create trigger fund_postings_balance after insert on fund_postings
  referencing new table as new_postings
  for each statement execute function kern_fund_entries_balance();
create trigger fund_postings_append_only before update or delete on fund_postings
  for each row execute function kern_audit_append_only();

-- Monthly runs: which month was run when, and what it booked (chunks add up).
create table fund_month_runs (
  municipality_code char(4) not null references municipalities (code),
  period char(7) not null check (period ~ '^\d{4}-\d{2}$'),
  started_at timestamptz not null,
  completed_at timestamptz,
  booked_count integer not null default 0,
  booked_cents bigint not null default 0,
  forgiven_count integer not null default 0,
  forgiven_cents bigint not null default 0,
  primary key (municipality_code, period)
);

grant select, insert on fund_terms, fund_debts, fund_milestones, fund_postings to kern_app;
grant select, insert, update on fund_participations, fund_month_runs to kern_app;
alter table fund_terms enable row level security;
alter table fund_participations enable row level security;
alter table fund_debts enable row level security;
alter table fund_milestones enable row level security;
alter table fund_postings enable row level security;
alter table fund_month_runs enable row level security;
create policy tenant_isolation on fund_terms
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on fund_participations
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on fund_debts
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on fund_milestones
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on fund_postings
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on fund_month_runs
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
