-- The Royal decrees equating days with holidays (Algemene termijnenwet art. 3 lid 3) that the
-- operator added as data: the next decree after the ones Kern ships (packages/workflows
-- deadlines/decrees.ts). Owner: @kern/workflows.
--
-- National law, one calendar for every municipality: the table has no municipality_code, like the
-- national product codes. Who added a decree, from which municipality's session (null from the
-- console), is recorded on the row and, for the admin page, in that municipality's audit log.
-- Rows are never updated or deleted: a wrong decree is corrected by the next migration, so that a
-- term computed yesterday can be explained today.
create table statutory_decrees (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{2,63}$'),
  title text not null check (length(title) between 5 and 300),
  published_on date,
  publication text check (publication is null or length(publication) between 3 and 100),
  source_note text check (source_note is null or length(source_note) <= 500),
  covers_from date not null,
  covers_until date not null,
  days date[] not null check (cardinality(days) between 1 and 20),
  added_at timestamptz not null,
  added_by text not null,
  added_in char(4) references municipalities (code),
  check (covers_until >= covers_from)
);
create index statutory_decrees_period on statutory_decrees (covers_from);

grant select, insert on statutory_decrees to kern_app;
