-- One household, one plan, one coordinator. The plan's content lives in versions: a version the
-- citizen agreed to is frozen (the trigger below refuses any change to it), a change makes the
-- next version. The agreement itself is its own append-only record: who agreed, when, to which
-- version, and who recorded it.
create table plans (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  -- The household is named by the resident it was opened for; members are in plan_members.
  anchor_bsn char(9) not null,
  coordinator_id uuid not null,
  team_id uuid references teams (id),
  status text not null check (status in ('open', 'closed')),
  created_at timestamptz not null,
  created_by uuid not null,
  closed_at timestamptz
);
create index plans_coordinator on plans (municipality_code, coordinator_id) where status = 'open';

create table plan_members (
  municipality_code char(4) not null references municipalities (code),
  plan_id uuid not null references plans (id),
  bsn char(9) not null,
  -- The name as the plan speaks to the member (from the BRP when the plan was opened).
  name text not null,
  active boolean not null default true,
  primary key (plan_id, bsn)
);
-- One household, one plan: a resident belongs to at most one open plan in a municipality.
create unique index plan_members_one_plan on plan_members (municipality_code, bsn) where active;

create table plan_versions (
  municipality_code char(4) not null references municipalities (code),
  plan_id uuid not null references plans (id),
  version integer not null check (version > 0),
  content jsonb not null,
  change_note text,
  created_at timestamptz not null,
  created_by uuid not null,
  agreed_at timestamptz,
  primary key (plan_id, version)
);

create function kern_plan_version_frozen() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.agreed_at is not null then
      raise exception 'plan % version % was agreed to by the citizen and cannot be deleted', old.plan_id, old.version
        using errcode = 'check_violation';
    end if;
    return old;
  end if;
  if old.agreed_at is not null then
    raise exception 'plan % version % was agreed to by the citizen and cannot be changed; draft a new version', old.plan_id, old.version
      using errcode = 'check_violation';
  end if;
  if new.plan_id <> old.plan_id or new.version <> old.version or new.municipality_code <> old.municipality_code then
    raise exception 'a plan version keeps its plan and number';
  end if;
  return new;
end
$$;
create trigger plan_versions_frozen before update or delete on plan_versions
  for each row execute function kern_plan_version_frozen();

create table plan_agreements (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  plan_id uuid not null references plans (id),
  version integer not null,
  agreed_at timestamptz not null,
  party_bsn char(9) not null,
  party_name text not null,
  party_role text not null check (party_role in ('citizen', 'representative')),
  method text not null check (method in ('portal', 'in-person', 'signed-paper')),
  recorded_by_kind text not null,
  recorded_by_id text not null,
  foreign key (plan_id, version) references plan_versions (plan_id, version)
);
create index plan_agreements_plan on plan_agreements (plan_id, version);
create trigger plan_agreements_append_only before update or delete on plan_agreements
  for each row execute function kern_audit_append_only();

-- A citizen's request to change an agreed plan: the coordinator answers it with a new version.
create table plan_change_requests (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  plan_id uuid not null references plans (id),
  based_on_version integer not null,
  requested_at timestamptz not null,
  requested_by_bsn char(9) not null,
  request text not null check (length(request) between 1 and 2000),
  answered_version integer
);

grant select, insert, update on plans, plan_members, plan_versions, plan_change_requests to kern_app;
grant delete on plan_versions to kern_app;
grant select, insert on plan_agreements to kern_app;

alter table plans enable row level security;
alter table plan_members enable row level security;
alter table plan_versions enable row level security;
alter table plan_agreements enable row level security;
alter table plan_change_requests enable row level security;
create policy tenant_isolation on plans
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on plan_members
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on plan_versions
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on plan_agreements
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on plan_change_requests
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
