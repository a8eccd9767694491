-- A team's worklist is ordered by the nearest statutory deadline. Keeping that date on the open
-- task itself (maintained whenever a term starts or is met) lets the worklist be a single
-- ordered index scan instead of a lookup per open task (bench: npm run bench -- worklist).
alter table case_tasks add column due_date date;
alter table case_tasks add column term_id text;
create index case_tasks_team_worklist on case_tasks (municipality_code, team_id, due_date, created_at) where status = 'open';
create index case_tasks_account_worklist on case_tasks (municipality_code, account_id, due_date, created_at) where status = 'open';
drop index case_tasks_team_open;
drop index case_tasks_account_open;
