-- The portal reads "my cases" for a resident who is the subject of a case or a member of its
-- household. The household side had no index, so every such read scanned all cases of the
-- municipality (found by the portal benchmark). A GIN index serves `household_bsns @> array[bsn]`.
create index cases_household_bsns on cases using gin (household_bsns);

-- A case's deadlines (all of them, met or not) and a plan's change requests are read per case and
-- per plan on every portal home page; the existing deadline index covers only open deadlines.
create index case_deadlines_case on case_deadlines (case_id);
create index plan_change_requests_plan on plan_change_requests (plan_id);
