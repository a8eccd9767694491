-- Werkwijzen: each stored version is immutable; a municipality activates one version per
-- werkwijze at a time. Importing a changed file makes a new version, never an edit.
create table werkwijze_versions (
  municipality_code char(4) not null references municipalities (code),
  werkwijze_id text not null check (werkwijze_id ~ '^[a-z0-9-]{2,64}$'),
  version integer not null check (version > 0),
  name text not null,
  source_yaml text not null,
  definition jsonb not null,
  status text not null check (status in ('available', 'active', 'retired')),
  imported_from text,
  created_by uuid,
  created_at timestamptz not null,
  activated_at timestamptz,
  primary key (municipality_code, werkwijze_id, version)
);
create unique index werkwijze_one_active on werkwijze_versions (municipality_code, werkwijze_id) where status = 'active';

create function kern_werkwijze_immutable() returns trigger language plpgsql as $$
begin
  if new.source_yaml <> old.source_yaml or new.definition <> old.definition or new.version <> old.version
     or new.werkwijze_id <> old.werkwijze_id or new.municipality_code <> old.municipality_code then
    raise exception 'a stored werkwijze version is immutable; import a new version instead';
  end if;
  return new;
end
$$;
create trigger werkwijze_versions_immutable before update on werkwijze_versions
  for each row execute function kern_werkwijze_immutable();

-- Cases: melding -> ... -> afsluiting on the werkwijze version the case started on.
create table cases (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  reference text not null,
  werkwijze_id text not null,
  werkwijze_version integer not null,
  case_type_id text not null,
  purpose text not null check (purpose in ('wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal')),
  subject_bsn char(9) not null,
  household_bsns text[] not null default '{}',
  team_id uuid references teams (id),
  coordinator_id uuid references staff_accounts (id),
  step_id text not null,
  phase text not null,
  fields jsonb not null default '{}'::jsonb,
  status text not null check (status in ('open', 'closed')),
  melding_date date not null,
  opened_at timestamptz not null,
  opened_by uuid not null,
  closed_at timestamptz,
  parent_case_id uuid references cases (id),
  unique (municipality_code, reference),
  foreign key (municipality_code, werkwijze_id, werkwijze_version) references werkwijze_versions (municipality_code, werkwijze_id, version)
);
create index cases_subject on cases (municipality_code, subject_bsn);

create table case_tasks (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  case_id uuid not null references cases (id),
  step_id text not null,
  phase text not null,
  title text not null,
  roles text[] not null,
  team_id uuid references teams (id),
  account_id uuid references staff_accounts (id),
  status text not null check (status in ('open', 'done', 'cancelled')),
  created_at timestamptz not null,
  done_at timestamptz,
  done_by uuid
);
create index case_tasks_team_open on case_tasks (municipality_code, team_id) where status = 'open';
create index case_tasks_account_open on case_tasks (municipality_code, account_id) where status = 'open';
create index case_tasks_case on case_tasks (case_id);

create table case_deadlines (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  case_id uuid not null references cases (id),
  term_id text not null,
  start_date date not null,
  due_date date not null,
  met_date date,
  suspended_days integer not null default 0,
  explanation jsonb not null default '[]'::jsonb
);
create index case_deadlines_open on case_deadlines (case_id, due_date) where met_date is null;

-- The case history: every step, with who and why. Append-only like the audit log.
create table case_events (
  municipality_code char(4) not null references municipalities (code),
  case_id uuid not null references cases (id),
  seq integer not null,
  at timestamptz not null,
  actor_id uuid not null,
  kind text not null,
  from_step text,
  to_step text,
  detail jsonb not null default '{}'::jsonb,
  primary key (case_id, seq)
);
create trigger case_events_append_only before update or delete on case_events
  for each row execute function kern_audit_append_only();

alter table involvements add column case_id uuid references cases (id);

grant select, insert, update on werkwijze_versions, cases, case_tasks, case_deadlines to kern_app;
grant select, insert on case_events to kern_app;

alter table werkwijze_versions enable row level security;
alter table cases enable row level security;
alter table case_tasks enable row level security;
alter table case_deadlines enable row level security;
alter table case_events enable row level security;
create policy tenant_isolation on werkwijze_versions
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on cases
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on case_tasks
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on case_deadlines
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on case_events
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
