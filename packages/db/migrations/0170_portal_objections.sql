-- Objections (bezwaar, Awb 6:4) and requests for review that a citizen lodges in the portal
-- against a decision (beschikking). Each starts its own case (the werkwijze's objection case
-- type); this row keeps what the citizen sent and the objection term as it stood. Owner: @kern/portal.
create table portal_objections (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  decision_id uuid not null,
  original_case_id uuid not null,
  objection_case_id uuid not null,
  subject_bsn char(9) not null,
  -- The portal actor who lodged it: the citizen or their representative.
  lodged_by text not null,
  kind text not null check (kind in ('objection', 'review')),
  grounds text not null check (length(grounds) between 10 and 10000),
  lodged_on date not null,
  objection_until date not null,
  -- Awb 6:11: a late objection is still received; the municipality decides whether the delay is excusable.
  late boolean not null,
  late_reason text,
  attachment_name text,
  attachment_media_type text check (attachment_media_type in ('application/pdf', 'image/jpeg', 'image/png')),
  attachment_size_bytes integer check (attachment_size_bytes > 0),
  attachment_sha256 text,
  attachment_content bytea,
  created_at timestamptz not null,
  check ((attachment_content is null) = (attachment_name is null))
);
create index portal_objections_subject on portal_objections (municipality_code, subject_bsn, created_at desc);
create index portal_objections_decision on portal_objections (decision_id);

grant select, insert on portal_objections to kern_app;

alter table portal_objections enable row level security;
create policy tenant_isolation on portal_objections
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
