-- Consent (toestemming) as a basis for sharing beyond what a law allows on its own.
-- A privacy notice, versioned per municipality, bounds what a consent may cover: the purposes,
-- the recipients and the data categories. A consent is recorded per person, purpose and
-- recipient and is never edited: withdrawing it writes a new record that points at it. Both
-- tables are append-only in the database itself, like the audit log (migration 0003).
create table privacy_notices (
  municipality_code char(4) not null references municipalities (code),
  version integer not null check (version > 0),
  title text not null,
  body_nl text not null,
  body_en text not null,
  purposes text[] not null check (cardinality(purposes) > 0),
  recipients text[] not null check (cardinality(recipients) > 0),
  data_categories text[] not null check (cardinality(data_categories) > 0),
  published_at timestamptz not null,
  published_by text not null,
  primary key (municipality_code, version)
);

create table consents (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  subject_bsn char(9) not null,
  action text not null check (action in ('given', 'withdrawn')),
  purpose text not null check (purpose in ('wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal')),
  recipient text not null,
  data_categories text[] not null check (cardinality(data_categories) > 0),
  -- 0 = the notice Kern ships, used while the municipality has not published its own.
  notice_version integer not null check (notice_version >= 0),
  -- A withdrawal points at the consent it ends; a consent can be withdrawn once.
  withdraws uuid references consents (id),
  recorded_at timestamptz not null,
  recorded_by_kind text not null check (recorded_by_kind in ('staff', 'citizen', 'system')),
  recorded_by text not null,
  note text,
  check ((action = 'withdrawn') = (withdraws is not null))
);
create unique index consents_one_withdrawal on consents (withdraws) where withdraws is not null;
create index consents_subject on consents (municipality_code, subject_bsn);

create function kern_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end
$$;
create trigger privacy_notices_append_only before update or delete on privacy_notices
  for each row execute function kern_append_only();
create trigger consents_append_only before update or delete on consents
  for each row execute function kern_append_only();

grant select, insert on privacy_notices to kern_app;
grant select, insert on consents to kern_app;

alter table privacy_notices enable row level security;
alter table consents enable row level security;
create policy tenant_isolation on privacy_notices
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on consents
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
