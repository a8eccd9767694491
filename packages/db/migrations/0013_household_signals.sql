-- Education and housing signals about a household member, recorded by staff: compulsory
-- education (leerplicht), appropriate education (passend onderwijs), rent arrears, threatened
-- eviction, a property valuation question. Kern has no school or housing register; these are what
-- the wijkteam hears and writes down, so that the household view can show them to those whose
-- purpose allows it.
create table household_signals (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  subject_bsn char(9) not null,
  category text not null check (category in ('education', 'housing')),
  kind text not null check (kind in ('leerplicht', 'passend-onderwijs', 'huurachterstand', 'dreigende-uitzetting', 'woz-waarde')),
  summary text not null check (length(summary) between 1 and 2000),
  observed_on date not null,
  team_id uuid references teams (id),
  recorded_by uuid not null references staff_accounts (id),
  recorded_at timestamptz not null,
  closed_on date
);
create index household_signals_subject on household_signals (municipality_code, subject_bsn);
grant select, insert, update on household_signals to kern_app;
alter table household_signals enable row level security;
create policy tenant_isolation on household_signals
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
