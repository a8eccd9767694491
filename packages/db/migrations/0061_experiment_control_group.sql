-- Experiments (insight): an optional control group, a team of the same municipality that does
-- not receive the intervention. Evaluation then compares the experiment group with the control
-- group over the same period, and the change of both against their own baseline
-- (difference in differences), besides the before/after comparison of the group itself.
alter table insight_experiments add column control_team_id uuid references teams (id);
alter table insight_experiments add constraint insight_experiments_control_differs
  check (control_team_id is null or (team_id is not null and control_team_id <> team_id));
