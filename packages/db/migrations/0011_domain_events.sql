-- Domain events: what happened in the social domain, written by every module in the same
-- transaction as the change itself, read by insight to compute indicators incrementally.
-- No personal data: the subject is a pseudonymous reference (a case, plan or household id),
-- never a BSN, name or free text, so an indicator can be traced to its inputs without exposing
-- who they are about.
create table domain_events (
  id bigserial primary key,
  municipality_code char(4) not null references municipalities (code),
  type text not null check (type ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
  occurred_on date not null,
  subject_ref text not null,
  law text check (law in ('wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal')),
  team_id uuid,
  data jsonb not null default '{}'::jsonb,
  recorded_at timestamptz not null default now()
);
create index domain_events_by_type on domain_events (municipality_code, type, occurred_on);
create index domain_events_by_id on domain_events (id);
grant select, insert on domain_events to kern_app;
grant usage on sequence domain_events_id_seq to kern_app;
alter table domain_events enable row level security;
create policy tenant_isolation on domain_events
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
