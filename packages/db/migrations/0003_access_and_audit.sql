-- The access policy is data per municipality; each change is a new version (the old ones stay).
create table access_policies (
  municipality_code char(4) not null references municipalities (code),
  version integer not null check (version > 0),
  document jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (municipality_code, version)
);

-- The relation between staff and a resident that the policy reasons about: involved in a case
-- under a law, or coordinator of the household. The cases module writes these; closing a case
-- closes the involvement.
create table involvements (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  subject_bsn char(9) not null,
  purpose text not null check (purpose in ('wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal')),
  kind text not null check (kind in ('case', 'coordinator')),
  account_id uuid references staff_accounts (id),
  team_id uuid references teams (id),
  reason text not null,
  opened_at timestamptz not null,
  closed_at timestamptz,
  check (account_id is not null or team_id is not null)
);
create index involvements_subject on involvements (municipality_code, subject_bsn) where closed_at is null;

create table break_glass_grants (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  account_id uuid not null references staff_accounts (id),
  subject_bsn char(9) not null,
  purpose text not null,
  reason text not null check (length(reason) >= 20),
  granted_at timestamptz not null,
  expires_at timestamptz not null,
  reviewed_by uuid references staff_accounts (id),
  reviewed_at timestamptz,
  review_verdict text check (review_verdict in ('justified', 'unjustified')),
  review_note text
);
create index break_glass_active on break_glass_grants (municipality_code, account_id, subject_bsn, expires_at);

-- The audit log: append-only and hash-chained per municipality. Each record's hash covers the
-- previous record's hash and its own canonical payload, so removing or editing a record breaks
-- the chain from that point on (see packages/access/src/audit-chain.ts).
create table audit_chain_heads (
  municipality_code char(4) primary key references municipalities (code),
  seq bigint not null,
  last_hash text not null
);

create table audit_log (
  municipality_code char(4) not null references municipalities (code),
  seq bigint not null,
  at timestamptz not null,
  actor_id text not null,
  actor_kind text not null check (actor_kind in ('staff', 'citizen', 'system')),
  actor_roles text[] not null,
  actor_teams text[] not null,
  purpose text,
  action text not null,
  resource text not null,
  subject_bsn char(9),
  outcome text not null check (outcome in ('allowed', 'denied')),
  reason text not null,
  legal_basis text,
  break_glass boolean not null default false,
  request_id text,
  prev_hash text not null,
  hash text not null,
  payload text not null,
  primary key (municipality_code, seq)
);
create index audit_log_subject on audit_log (municipality_code, subject_bsn, at);
create index audit_log_actor on audit_log (municipality_code, actor_id, at);

create function kern_audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function kern_audit_append_only();

grant select, insert on access_policies to kern_app;
grant select, insert, update on involvements to kern_app;
grant select, insert, update on break_glass_grants to kern_app;
grant select, insert, update on audit_chain_heads to kern_app;
grant select, insert on audit_log to kern_app;

alter table access_policies enable row level security;
alter table involvements enable row level security;
alter table break_glass_grants enable row level security;
alter table audit_chain_heads enable row level security;
alter table audit_log enable row level security;
create policy tenant_isolation on access_policies
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on involvements
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on break_glass_grants
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on audit_chain_heads
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on audit_log
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
