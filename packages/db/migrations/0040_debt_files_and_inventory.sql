-- Debt help (Wgs): the debt file (schuldhulptraject) per resident and household, its creditors,
-- the debt inventory with the DDAS category and status of every claim, and evidence metadata.
-- Amounts are integer eurocents. Early-warning signals (Wgs art. 3 lid 2 sub b, 8b) are kept apart
-- from the file: until the resident accepts the offer of help only the signal itself exists.
create table debt_creditors (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  name text not null check (length(name) between 1 and 200),
  sector text not null check (sector in ('housing', 'energy', 'water', 'health-insurance', 'public', 'other')),
  contact text,
  unique (municipality_code, name)
);

create table debt_files (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  reference text not null,
  subject_bsn char(9) not null,
  household_bsns text[] not null default '{}',
  team_id uuid not null references teams (id),
  contact text not null,
  origin text not null check (origin in ('request', 'signal')),
  urgent boolean not null default false,
  urgency_ground text check (urgency_ground in ('eviction', 'cut-off-energy', 'cut-off-water', 'health-insurance-termination')),
  request_date date not null,
  first_conversation_due date not null,
  first_conversation_on date,
  decision_due date,
  decision_on date,
  decision text check (decision in ('plan', 'refused')),
  refusal_ground text,
  moratorium_from date,
  moratorium_until date,
  status text not null check (status in ('intake', 'assessment', 'plan', 'refused', 'solution', 'closed')),
  opened_at timestamptz not null,
  opened_by text not null,
  closed_at timestamptz,
  unique (municipality_code, reference),
  check (urgent = (urgency_ground is not null)),
  check (moratorium_until is null or (moratorium_from is not null and moratorium_until >= moratorium_from))
);
create index debt_files_subject on debt_files (municipality_code, subject_bsn);
create unique index debt_files_one_open on debt_files (municipality_code, subject_bsn) where status <> 'closed';

create table debts (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  debt_file_id uuid not null references debt_files (id),
  creditor_id uuid not null references debt_creditors (id),
  category text not null check (category in ('zorg', 'publiek', 'nuts', 'overig')),
  creditor_reference text,
  description text,
  claimed_cents bigint not null check (claimed_cents > 0 and claimed_cents <= 100000000000),
  verified_cents bigint check (verified_cents is null or (verified_cents >= 0 and verified_cents <= claimed_cents)),
  status text not null check (status in ('claimed', 'verified', 'disputed')),
  registered_on date not null,
  verified_on date,
  check ((status = 'verified') = (verified_cents is not null))
);
create index debts_file on debts (debt_file_id);

create table debt_evidence (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  debt_id uuid not null references debts (id),
  kind text not null check (kind in ('creditor-statement', 'invoice', 'court-ruling', 'payment-proof', 'other')),
  file_name text not null check (length(file_name) between 1 and 255),
  media_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  received_on date not null,
  note text
);
create index debt_evidence_debt on debt_evidence (debt_id);

-- Early-warning signals. One open signal per resident and creditor: a repeated signal updates it.
create table debt_signals (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  subject_bsn char(9) not null,
  creditor_id uuid not null references debt_creditors (id),
  kind text not null check (kind in ('arrears', 'eviction', 'cut-off-energy', 'cut-off-water', 'health-insurance-termination')),
  arrears_cents bigint not null check (arrears_cents >= 0 and arrears_cents <= 10000000000),
  months_in_arrears integer check (months_in_arrears between 0 and 120),
  first_signal_on date not null,
  last_signal_on date not null,
  times_received integer not null default 1 check (times_received > 0),
  external_reference text,
  channel text not null check (channel in ('file', 'http', 'manual')),
  offer_status text not null check (offer_status in ('new', 'offered', 'accepted', 'declined', 'no-response')),
  offered_on date,
  responded_on date,
  debt_file_id uuid references debt_files (id),
  received_at timestamptz not null
);
create unique index debt_signals_one_open on debt_signals (municipality_code, subject_bsn, creditor_id) where offer_status in ('new', 'offered');
create index debt_signals_status on debt_signals (municipality_code, offer_status, last_signal_on);

grant select, insert, update on debt_creditors, debt_files, debts, debt_evidence, debt_signals to kern_app;
alter table debt_creditors enable row level security;
alter table debt_files enable row level security;
alter table debts enable row level security;
alter table debt_evidence enable row level security;
alter table debt_signals enable row level security;
create policy tenant_isolation on debt_creditors
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on debt_files
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on debts
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on debt_evidence
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on debt_signals
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
