-- The citizen portal: citizen sessions (apart from staff sessions), recorded authorisations to act
-- for someone else, front-door requests (drafts kept server-side), their documents, the message
-- thread with the coordinator, and the mail outbox (a notification without content).

-- Sessions are looked up by cookie before the tenant is known, like staff sessions. The session id
-- is stored only as a SHA-256 hash.
create table citizen_sessions (
  id_hash text primary key,
  municipality_code char(4) not null references municipalities (code),
  citizen_id uuid not null,
  bsn char(9) not null,
  display_name text not null,
  csrf_token text not null,
  assurance text not null check (assurance in ('low', 'substantial', 'high')),
  provider text not null,
  -- Who the citizen may act for, fixed at login: themself, minors under their authority (BRP),
  -- recorded authorisations. [{ref, bsn, name, relation}]
  people jsonb not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_seen_at timestamptz not null
);
create index citizen_sessions_citizen on citizen_sessions (citizen_id);

-- A recorded authorisation: curatele or a written machtiging, checked by staff. Parental authority
-- (gezag) over a minor child comes from the BRP and is not stored here.
create table portal_representations (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  representative_bsn char(9) not null,
  represented_bsn char(9) not null,
  kind text not null check (kind in ('curatele', 'mentorschap', 'bewindvoering', 'machtiging')),
  valid_from date not null,
  valid_until date,
  recorded_by text not null,
  recorded_at timestamptz not null,
  check (representative_bsn <> represented_bsn)
);
create index portal_representations_by_representative on portal_representations (municipality_code, representative_bsn);

-- One front door: a request is a draft until submitted; then it names the case it became.
create table portal_requests (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  citizen_id uuid not null,
  subject_bsn char(9) not null,
  status text not null check (status in ('draft', 'submitted')),
  topic text check (topic in ('care', 'youth', 'work-income', 'debts', 'housing', 'other')),
  urgent_situations text[] not null default '{}',
  description text not null default '',
  phone text,
  email text,
  case_ids uuid[] not null default '{}',
  case_references text[] not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  submitted_at timestamptz
);
create index portal_requests_subject on portal_requests (municipality_code, subject_bsn, updated_at desc);

create table portal_documents (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  request_id uuid not null references portal_requests (id),
  file_name text not null,
  media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  content bytea not null,
  uploaded_at timestamptz not null
);
create index portal_documents_request on portal_documents (request_id);

-- The secure thread between a resident and their coordinator (or the team on their case).
create table portal_messages (
  id uuid primary key,
  -- The order of the thread, also for messages written in the same instant.
  seq bigint generated always as identity,
  municipality_code char(4) not null references municipalities (code),
  subject_bsn char(9) not null,
  author_kind text not null check (author_kind in ('citizen', 'staff')),
  author_id text not null,
  author_role text,
  author_team_id uuid,
  body text not null check (length(body) between 1 and 5000),
  sent_at timestamptz not null,
  read_by_citizen_at timestamptz,
  read_by_staff_at timestamptz
);
create index portal_messages_thread on portal_messages (municipality_code, subject_bsn, seq desc);

-- Where the resident wants a notification; the mail itself never carries content.
create table portal_contacts (
  municipality_code char(4) not null references municipalities (code),
  bsn char(9) not null,
  email text,
  updated_at timestamptz not null,
  primary key (municipality_code, bsn)
);

create table portal_outbox (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  to_address text not null,
  template text not null check (template in ('message-waiting')),
  created_at timestamptz not null,
  sent_at timestamptz,
  attempts integer not null default 0
);
create index portal_outbox_unsent on portal_outbox (created_at) where sent_at is null;

grant select, insert, update, delete on citizen_sessions to kern_app;
grant select, insert, update on portal_representations, portal_requests, portal_messages, portal_contacts, portal_outbox to kern_app;
grant select, insert on portal_documents to kern_app;

alter table citizen_sessions enable row level security;
alter table portal_representations enable row level security;
alter table portal_requests enable row level security;
alter table portal_documents enable row level security;
alter table portal_messages enable row level security;
alter table portal_contacts enable row level security;
alter table portal_outbox enable row level security;
create policy tenant_isolation on citizen_sessions
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on portal_representations
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on portal_requests
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on portal_documents
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on portal_messages
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on portal_contacts
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on portal_outbox
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
