-- Relations come from the work (issue 22): every involvement records what made it and who, and a
-- relation someone asks for themself is a request that a different person with authority decides.
-- Until it is approved it is no involvement at all, so kern_best_relation cannot find it.
alter table involvements add column source text;
alter table involvements add column created_by text;
alter table involvements add column request_id uuid;

-- What the existing rows came from, as far as the data says: a case names itself; a debt file's
-- relation names the file in its reason; everything else was opened by hand through the old
-- button and is marked so the auditor can find it.
update involvements set source = 'case' where case_id is not null;
update involvements set source = 'case' where source is null and reason like 'schuldhulpdossier %';
update involvements set source = 'self-opened-legacy' where source is null;
alter table involvements alter column source set not null;
alter table involvements add constraint involvements_source_known check (source in (
  'case', 'allocation', 'referral', 'coordinator-assignment', 'werkwijze-rule', 'granted', 'approved-request', 'self-opened-legacy'
));
create index involvements_opened on involvements (municipality_code, opened_at desc);

create table involvement_requests (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  subject_bsn char(9) not null,
  purpose text not null check (purpose in ('wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal')),
  kind text not null check (kind in ('case', 'coordinator')),
  requested_by uuid not null references staff_accounts (id),
  -- The requester's teams when they asked: the team lead of one of these decides.
  requester_teams uuid[] not null default '{}',
  -- The relation would go to this team instead of the requester personally.
  team_id uuid references teams (id),
  reason text not null,
  requested_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_by uuid references staff_accounts (id),
  decided_at timestamptz,
  decision_note text,
  involvement_id uuid references involvements (id),
  -- Four eyes, held by the database too: nobody decides their own request.
  check (decided_by is null or decided_by <> requested_by),
  check ((status = 'pending') = (decided_by is null))
);
create index involvement_requests_open on involvement_requests (municipality_code, status, requested_at desc);
alter table involvements add constraint involvements_request foreign key (request_id) references involvement_requests (id);

grant select, insert, update on involvement_requests to kern_app;
alter table involvement_requests enable row level security;
create policy tenant_isolation on involvement_requests
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
