-- The iStandaarden exchange apart from invoices (323/325 live in 0056): allocation messages out
-- (301, answered by the provider's 302), start and stop of care delivery in (305/307, answered
-- with 306/308), requests for an allocation or a change in (315/317, answered with 316/318) and
-- the municipality's answer to them (319, answered by the provider's 320).
--
-- exchange_message_log holds every such message in or out with its answer, so a message received
-- again gets the same answer and has no second effect (TR056: sender + message type +
-- Identificatie is the identity). Hostile or broken input (not well-formed, DOCTYPE/ENTITY, wrong
-- namespace or version, XSD-invalid) is refused before anything is written, so it is not here.
create table exchange_message_log (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  standard text not null check (standard in ('iwmo', 'ijw')),
  message_type char(3) not null check (message_type in ('301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320')),
  direction text not null check (direction in ('in', 'out')),
  -- The care provider's AGB code for every message (the other party is always this municipality).
  provider_agb char(8) not null check (provider_agb ~ '^[0-9]{8}$'),
  -- BerichtIdentificatie of the message (IdentificatieRetour for a 302/320).
  identification text not null check (length(identification) between 1 and 12),
  message_date date not null,
  subject_bsn char(9),
  -- 'answered' / 'refused' (in, with a retour), 'recorded' (a 302/320 in), 'sent' (out).
  status text not null check (status in ('answered', 'refused', 'recorded', 'sent')),
  -- Header return codes of the answer (or of the received 302/320).
  header_codes text[] not null default '{}',
  -- What the rules found, so a message received again is answered exactly as the first time:
  -- [{"element": "StartProduct", "ref": "<ToewijzingNummer>", "rule": "TR019", "code": "9019"}].
  findings jsonb not null default '[]'::jsonb,
  content_sha256 char(64) not null,
  content text not null check (length(content) <= 1048576),
  -- The retour as sent for a message in; null for a message out and for a 302/320 in.
  answer text check (answer is null or length(answer) <= 1048576),
  -- A 302/320 in: the 301/319 out it answers.
  answers_message_id uuid references exchange_message_log (id),
  at timestamptz not null,
  by_actor text not null,
  unique (municipality_code, direction, provider_agb, message_type, identification)
);
create index exchange_message_log_recent on exchange_message_log (municipality_code, at desc);
create index exchange_message_log_subject on exchange_message_log (municipality_code, subject_bsn);

-- A 301 sent: one row per allocation it carried, in the state it was sent (allocated_at is the
-- allocation's ToewijzingDatumTijd then). The provider's 302 acknowledges or returns codes.
create table exchange_allocation_messages (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  message_id uuid not null references exchange_message_log (id),
  allocation_id uuid not null references allocations (id),
  toewijzing_nummer text not null,
  allocated_at timestamptz not null,
  -- ReferentieAanbieder of the 315/317 this allocation honours (TR379), the first time only.
  referentie_aanbieder text,
  status text not null check (status in ('sent', 'acknowledged', 'returned')),
  return_codes text[] not null default '{}',
  retour_message_id uuid references exchange_message_log (id),
  unique (message_id, allocation_id)
);
create index exchange_allocation_messages_allocation on exchange_allocation_messages (municipality_code, allocation_id, allocated_at desc);

-- Start and stop of care delivery (305/307), one row per start (key: ToewijzingNummer + Begindatum,
-- for the client of that allocation), with its current stop if any.
create table exchange_care_deliveries (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  allocation_id uuid not null references allocations (id),
  toewijzing_nummer text not null,
  subject_bsn char(9) not null,
  provider_agb char(8) not null,
  begin_date date not null,
  end_date date,
  ending_reason char(2),
  -- 'started'; 'stopped' once a stop is recorded; 'removed' when the start was withdrawn (StatusAanlevering 3).
  status text not null check (status in ('started', 'stopped', 'removed')),
  start_message_id uuid not null references exchange_message_log (id),
  stop_message_id uuid references exchange_message_log (id),
  check (end_date is null or end_date >= begin_date),
  check ((status = 'stopped') = (end_date is not null))
);
-- One live start per key; a removed start frees the key for a new first delivery.
create unique index exchange_care_deliveries_key on exchange_care_deliveries (municipality_code, toewijzing_nummer, begin_date) where status <> 'removed';
create index exchange_care_deliveries_allocation on exchange_care_deliveries (municipality_code, allocation_id);

-- Requests from providers: a 315 (one row per AangevraagdProduct, each with its own
-- ReferentieAanbieder) or a 317 (one row per Verzoek). The inbox a staff member answers.
create table exchange_requests (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  message_id uuid not null references exchange_message_log (id),
  kind char(3) not null check (kind in ('315', '317')),
  standard text not null check (standard in ('iwmo', 'ijw')),
  provider_agb char(8) not null,
  subject_bsn char(9) not null,
  referentie_aanbieder text not null check (length(referentie_aanbieder) between 1 and 36),
  -- What is asked, in Kern's own words (product, period, size; for a 317 the products to keep,
  -- change and add): codes, dates and numbers only, never free text from the provider.
  details jsonb not null,
  -- 'open' until answered; 'in-onderzoek' after a 319 with VerzoekAntwoord 2; 'refused' after a 319
  -- with 1; 'granted' once an allocation (301) honours it.
  status text not null check (status in ('open', 'in-onderzoek', 'refused', 'granted')),
  received_at timestamptz not null,
  -- TR347: ReferentieAanbieder is unique for the provider within the law.
  unique (municipality_code, standard, provider_agb, referentie_aanbieder)
);
create index exchange_requests_inbox on exchange_requests (municipality_code, status, received_at);
create index exchange_requests_subject on exchange_requests (municipality_code, provider_agb, subject_bsn, status);

-- The answers given to a request: a 319 (refused or in onderzoek) or a grant honoured by a 301.
create table exchange_request_answers (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  request_id uuid not null references exchange_requests (id),
  -- WJ760 VerzoekAntwoord for a 319 ('1' refused, '2' in onderzoek); 'granted' for a 301.
  answer text not null check (answer in ('1', '2', 'granted')),
  -- WJ759 RedenAfwijzingVerzoek with a refusal.
  refusal_reason char(1) check (refusal_reason ~ '^[1-9]$'),
  message_id uuid not null references exchange_message_log (id),
  toewijzing_nummers text[] not null default '{}',
  -- The provider's 320 on the 319: its return codes.
  retour_codes text[] not null default '{}',
  answered_at timestamptz not null,
  answered_by text not null,
  check ((answer = '1') = (refusal_reason is not null))
);
create index exchange_request_answers_request on exchange_request_answers (request_id, answered_at);
create index exchange_request_answers_message on exchange_request_answers (message_id);

grant select, insert, update on exchange_message_log, exchange_allocation_messages, exchange_care_deliveries, exchange_requests, exchange_request_answers to kern_app;
alter table exchange_message_log enable row level security;
alter table exchange_allocation_messages enable row level security;
alter table exchange_care_deliveries enable row level security;
alter table exchange_requests enable row level security;
alter table exchange_request_answers enable row level security;
create policy tenant_isolation on exchange_message_log
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on exchange_allocation_messages
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on exchange_care_deliveries
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on exchange_requests
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on exchange_request_answers
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
