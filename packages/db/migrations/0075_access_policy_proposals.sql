-- Four eyes on the access policy. A version is first proposed; it takes effect (becomes a row of
-- access_policies) only when a second authorised person approves it, never its proposer. Each
-- proposal keeps the full difference against the version it was proposed on, so the approver
-- approves what changes and the auditor can read it afterwards (it is also in the audit record).
create table access_policy_proposals (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  -- the version in force when proposed (0 = the shipped default); approval needs it still in force
  base_version integer not null check (base_version >= 0),
  document jsonb not null,
  diff jsonb not null,
  reason text not null,
  proposed_by uuid not null,
  proposed_at timestamptz not null,
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  -- the version it became when approved
  version integer,
  check (decided_by is null or decided_by <> proposed_by),
  check ((status = 'proposed') = (decided_by is null))
);
create index access_policy_proposals_open on access_policy_proposals (municipality_code, proposed_at) where status = 'proposed';

-- Who approved a version and from which proposal; older versions (published in one step) have none.
alter table access_policies add column approved_by uuid;
alter table access_policies add column proposal_id uuid references access_policy_proposals (id);
alter table access_policies add constraint access_policies_four_eyes check (approved_by is null or approved_by <> created_by);

grant select, insert, update on access_policy_proposals to kern_app;
alter table access_policy_proposals enable row level security;
create policy tenant_isolation on access_policy_proposals
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
