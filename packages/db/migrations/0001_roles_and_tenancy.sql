-- The unprivileged role every tenant transaction runs as (see src/tenant.ts). Row-level
-- security does not bind the table owner or a superuser, so the application must not act as one.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'kern_app') then
    create role kern_app nologin;
  end if;
exception when duplicate_object or unique_violation then
  null; -- another database in the same cluster created it concurrently
end
$$;

do $$
begin
  execute format('grant kern_app to %I', current_user);
exception when others then
  null; -- superusers need no membership; a non-superuser owner must be granted it by the DBA
end
$$;

grant usage on schema public to kern_app;

-- Reference data: the 342 municipalities (CBS codes) and the regions they cooperate in.
create table municipalities (
  code char(4) primary key check (code ~ '^[0-9]{4}$'),
  name text not null,
  province text not null
);

create table regions (
  id text primary key check (id ~ '^[a-z0-9-]{2,64}$'),
  name text not null,
  kind text not null check (kind in ('inkoopregio', 'jeugdregio', 'arbeidsmarktregio', 'samenwerking'))
);

create table region_members (
  region_id text not null references regions (id) on delete cascade,
  municipality_code char(4) not null references municipalities (code),
  primary key (region_id, municipality_code)
);

grant select on municipalities, regions, region_members to kern_app;

-- Per-municipality settings: tenant-owned, so guarded by row-level security.
create table municipality_settings (
  municipality_code char(4) primary key references municipalities (code),
  active boolean not null default true,
  display_name text not null,
  settings jsonb not null default '{}'::jsonb,
  updated_at timestamptz not null default now()
);

grant select, insert, update on municipality_settings to kern_app;
alter table municipality_settings enable row level security;
create policy tenant_isolation on municipality_settings
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
