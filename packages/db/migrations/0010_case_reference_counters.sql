-- Case references (Z-2026-000123) numbered per municipality and year by an atomic counter, so
-- two cases started at the same moment on different server instances never get the same one.
create table case_reference_counters (
  municipality_code char(4) not null references municipalities (code),
  year integer not null,
  last integer not null,
  primary key (municipality_code, year)
);
insert into case_reference_counters (municipality_code, year, last)
  select municipality_code, split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int)
  from cases where reference ~ '^Z-[0-9]{4}-[0-9]+$'
  group by municipality_code, split_part(reference, '-', 2)::int;
grant select, insert, update on case_reference_counters to kern_app;
alter table case_reference_counters enable row level security;
create policy tenant_isolation on case_reference_counters
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
