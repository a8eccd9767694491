-- Assessments: a score per domain of an instrument (the instruments themselves are data in
-- @kern/assessments), per resident over time. A record is never edited: a correction is a new
-- assessment. The licensed per-level texts are loaded per municipality.
create table assessments (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  instrument_id text not null check (instrument_id ~ '^[a-z0-9-]{2,64}$'),
  subject_bsn char(9) not null,
  assessed_on date not null,
  scores jsonb not null,
  note text,
  recorded_at timestamptz not null,
  recorded_by uuid not null
);
create index assessments_subject on assessments (municipality_code, subject_bsn, instrument_id, assessed_on);
create trigger assessments_append_only before update or delete on assessments
  for each row execute function kern_audit_append_only();

create table assessment_level_texts (
  municipality_code char(4) not null references municipalities (code),
  instrument_id text not null,
  domain_key text not null,
  level integer not null,
  text text not null,
  source text not null,
  loaded_at timestamptz not null,
  loaded_by uuid,
  primary key (municipality_code, instrument_id, domain_key, level)
);

grant select, insert on assessments to kern_app;
grant select, insert, update, delete on assessment_level_texts to kern_app;
alter table assessments enable row level security;
alter table assessment_level_texts enable row level security;
create policy tenant_isolation on assessments
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on assessment_level_texts
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
