create table teams (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  name text not null,
  area text,
  unique (municipality_code, name)
);

create table staff_accounts (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  username text not null unique check (username ~ '^[a-z0-9._-]{3,64}$'),
  display_name text not null,
  password_hash text not null,
  roles text[] not null,
  active boolean not null default true,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);

create table team_memberships (
  account_id uuid not null references staff_accounts (id) on delete cascade,
  team_id uuid not null references teams (id) on delete cascade,
  municipality_code char(4) not null references municipalities (code),
  primary key (account_id, team_id)
);

-- The session id is stored only as a SHA-256 hash, so a database read does not yield usable cookies.
create table staff_sessions (
  id_hash text primary key,
  account_id uuid not null references staff_accounts (id) on delete cascade,
  municipality_code char(4) not null references municipalities (code),
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_seen_at timestamptz not null
);
create index staff_sessions_account on staff_sessions (account_id);

-- Login throttling is keyed before anyone is known, so it is not tenant-owned.
create table login_attempts (
  key text not null,
  attempted_at timestamptz not null,
  succeeded boolean not null
);
create index login_attempts_key_time on login_attempts (key, attempted_at);

grant select, insert, update on teams, staff_accounts, team_memberships to kern_app;
grant select, insert, update, delete on staff_sessions to kern_app;

alter table teams enable row level security;
alter table staff_accounts enable row level security;
alter table team_memberships enable row level security;
alter table staff_sessions enable row level security;
create policy tenant_isolation on teams
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on staff_accounts
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on team_memberships
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
create policy tenant_isolation on staff_sessions
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
