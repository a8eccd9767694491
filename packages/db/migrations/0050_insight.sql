-- Steering and learning (insight). Indicator values are computed from domain_events (which hold
-- no personal data) by background jobs; a municipality reads only its own values (row-level
-- security); the benchmark reads only benchmark_aggregates, which holds suppressed aggregates of
-- municipalities that opted in, and nothing else.

-- Residents per municipality and year: the denominator of "clients per 1,000 residents".
-- Reference data like municipalities (CBS StatLine publishes it), so no tenant scoping.
-- Keyed `code` like municipalities itself: it is reference data, not a tenant-owned table.
create table insight_population (
  code char(4) not null references municipalities (code),
  year integer not null check (year between 1900 and 2200),
  residents integer not null check (residents >= 0),
  primary key (code, year)
);
grant select on insight_population to kern_app;

-- A pseudonym per resident and municipality, so indicators that follow one client over cases
-- (return within 12 months) can do so without a BSN in domain_events. Random, not derived
-- from the BSN (a hash of a nine-digit number is trivially reversible).
create table subject_pseudonyms (
  municipality_code char(4) not null references municipalities (code),
  subject_bsn char(9) not null,
  ref uuid not null,
  primary key (municipality_code, subject_bsn)
);
grant select, insert on subject_pseudonyms to kern_app;
alter table subject_pseudonyms enable row level security;
create policy tenant_isolation on subject_pseudonyms
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));

-- Municipal (local) indicators: validated definitions in the same format as the core set.
create table insight_local_indicators (
  municipality_code char(4) not null references municipalities (code),
  indicator_id text not null check (indicator_id ~ '^local-[a-z0-9-]{2,60}$'),
  version integer not null check (version > 0),
  definition jsonb not null,
  created_by uuid,
  created_at timestamptz not null,
  primary key (municipality_code, indicator_id)
);
grant select, insert, update on insight_local_indicators to kern_app;
alter table insight_local_indicators enable row level security;
create policy tenant_isolation on insight_local_indicators
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));

-- One computed figure: indicator x municipality x quarter x law ('*' = all) x team ('*' = all),
-- with what it was computed from (counts of events, definition version) so it can be traced.
create table indicator_values (
  municipality_code char(4) not null references municipalities (code),
  indicator_id text not null,
  period text not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
  law text not null,
  team text not null,
  numerator numeric not null,
  denominator numeric,
  value numeric,
  input_events bigint not null,
  definition_version integer not null,
  computed_at timestamptz not null,
  primary key (municipality_code, indicator_id, period, law, team)
);
grant select on indicator_values to kern_app;
alter table indicator_values enable row level security;
create policy tenant_isolation on indicator_values
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));

-- Refresh jobs, picked up by any instance (for update skip locked). The high-water mark is the
-- last domain_events.id folded into indicator_values.
create table insight_jobs (
  id bigserial primary key,
  kind text not null check (kind in ('full', 'incremental', 'publish')),
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  requested_by text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  from_event_id bigint,
  to_event_id bigint,
  cells integer,
  error text
);
create index insight_jobs_queued on insight_jobs (id) where status = 'queued';
-- A staff request queues a job (no tenant data in it); running it is the worker's, as the owner.
grant select, insert on insight_jobs to kern_app;
grant usage on sequence insight_jobs_id_seq to kern_app;
create table insight_high_water (
  singleton boolean primary key default true check (singleton),
  last_event_id bigint not null
);
insert into insight_high_water (last_event_id) values (0);

-- Opt-in to the benchmark, per municipality.
create table benchmark_participation (
  municipality_code char(4) primary key references municipalities (code),
  opted_in boolean not null,
  changed_by uuid,
  changed_at timestamptz not null
);
grant select, insert, update on benchmark_participation to kern_app;
alter table benchmark_participation enable row level security;
create policy tenant_isolation on benchmark_participation
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));

-- Published aggregates: the only cross-tenant table. No row-level security on purpose: it
-- holds nothing but suppressed figures of opted-in municipalities (written by the publish job),
-- readable by every tenant, never writable by the application role.
-- The publishing municipality is `publisher_code`, not municipality_code: every table with a
-- municipality_code is tenant-owned and under row-level security; this one is public by design.
create table benchmark_aggregates (
  publisher_code char(4) not null references municipalities (code),
  indicator_id text not null,
  period text not null,
  law text not null,
  size_class text not null,
  numerator numeric,
  denominator numeric,
  value numeric,
  suppressed boolean not null,
  definition_version integer not null,
  published_at timestamptz not null,
  primary key (publisher_code, indicator_id, period, law)
);
create index benchmark_aggregates_by_indicator on benchmark_aggregates (indicator_id, period, law);
grant select on benchmark_aggregates to kern_app;

-- Experiments: a hypothesis tested on an experiment group (a team) against its baseline.
create table insight_experiments (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  title text not null,
  hypothesis text not null,
  intervention text not null,
  target_group text not null,
  indicator_id text not null,
  team_id uuid,
  baseline_from date not null,
  baseline_to date not null,
  period_from date not null,
  period_to date not null,
  write_up text,
  result jsonb,
  created_by uuid not null,
  created_at timestamptz not null
);
grant select, insert, update on insight_experiments to kern_app;
alter table insight_experiments enable row level security;
create policy tenant_isolation on insight_experiments
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));

-- Follows a client over cases: case.closed and case.started events carry the same pseudonym.
create index domain_events_client on domain_events (municipality_code, (data ->> 'client'), occurred_on)
  where type in ('case.started', 'case.closed');
-- Pairs a client's first score with a later one (score-change indicators): per subject, not a
-- scan of all the municipality's scores per client.
create index domain_events_scores on domain_events (municipality_code, subject_ref, occurred_on)
  where type = 'assessment.scored';
