-- Suspensions (opschorting) of a statutory term where the law allows it (Awb 4:15; by agreement
-- for the Wmo onderzoek). Kept with the deadline so its due date can always be recomputed.
alter table case_deadlines add column suspensions jsonb not null default '[]'::jsonb;
