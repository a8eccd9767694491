-- The iStandaarden exchange, invoices (323 in, 325 out): the messages received, the prestaties
-- they carried with Kern's verdict, and the payment batches made of approved lines. A 323 carries
-- no medical data and Kern stores none: a line holds its keys, period, volume, tariff, amount and
-- verdict. The client is only a pseudonym here (subject_pseudonyms.ref); the BSNs of rejected
-- clients exist only inside the stored 325, which is the answer the provider already received.
--
-- Booking is staged per message: lines are written per batch and count (for later verification
-- and payment) only once their message is answered, which is one row's status changing in one
-- transaction, however many lines the message has. A crash leaves staged lines of a message still
-- 'receiving' that processing the file again finds and skips; a refusal deletes them. So nothing is
-- ever half-booked.
create table exchange_messages (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  standard text not null check (standard in ('iwmo', 'ijw')),
  message_type char(3) not null check (message_type ~ '^[0-9]{3}$'),
  -- Afzender: the provider's AGB code (8 digits) for a 323.
  sender text not null check (length(sender) between 1 and 8),
  receiver text not null,
  -- BerichtIdentificatie: Identificatie + Dagtekening; (sender, type, identificatie) is the message identity (TR056).
  identification text not null check (length(identification) between 1 and 40),
  message_date date not null,
  declaratie_nummer text,
  period_begin date,
  period_end date,
  status text not null check (status in ('receiving', 'answered', 'refused')),
  refusal_code text,
  refusal_reason text check (refusal_reason is null or length(refusal_reason) <= 2000),
  -- The 325 as sent: a repeated message gets exactly this again (empty when over 64 MB).
  answer text,
  clients integer not null default 0,
  lines integer not null default 0,
  approved_lines integer not null default 0,
  rejected_lines integer not null default 0,
  submitted_cents bigint not null default 0,
  approved_cents bigint not null default 0,
  rejected_cents bigint not null default 0,
  received_at timestamptz not null,
  received_by text not null,
  -- Set when receiving starts and at every staged batch: while it is recent, another message of the
  -- same sender waits (its facts would not see these lines yet); a crashed message stops beating.
  heartbeat_at timestamptz,
  answered_at timestamptz,
  unique (municipality_code, sender, message_type, identification)
);
create index exchange_messages_inbox on exchange_messages (municipality_code, received_at desc);
create index exchange_messages_sender on exchange_messages (municipality_code, sender, message_type, declaratie_nummer);

create table exchange_invoice_lines (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  message_id uuid not null references exchange_messages (id),
  standard text not null check (standard in ('iwmo', 'ijw')),
  provider_agb text not null,
  -- Position of the Client in the file (0-based) and its pseudonym: no BSN in this table.
  client_index integer not null check (client_index >= 0),
  subject_ref uuid not null,
  referentie_nummer text not null,
  vorig_referentie_nummer text,
  toewijzing_nummer text not null,
  product_category char(2) not null,
  product_code varchar(5),
  begin_date date not null,
  end_date date not null,
  volume integer not null,
  unit char(2) not null,
  tariff_cents bigint not null,
  amount_cents bigint not null check (amount_cents >= 0),
  debit_credit char(1) not null check (debit_credit in ('D', 'C')),
  approved boolean not null,
  return_codes text[] not null default '{}',
  -- Approved on the first submission: no earlier rejected debit for the same allocation, product and period.
  first_submission boolean not null,
  unique (message_id, referentie_nummer),
  check (approved = (cardinality(return_codes) = 0))
);
-- Facts for verification: a provider's lines by allocation and by reference (those of answered messages count).
create index exchange_lines_allocation on exchange_invoice_lines (municipality_code, provider_agb, toewijzing_nummer);
create index exchange_lines_reference on exchange_invoice_lines (municipality_code, provider_agb, referentie_nummer);
-- The inbox: lines of a message by verdict (a return-code filter runs on the message's lines; a GIN
-- index on return_codes would slow booking, which rewrites every line once).
create index exchange_lines_message on exchange_invoice_lines (message_id, approved, client_index);

create table exchange_payment_batches (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  reference text not null check (length(reference) between 1 and 40),
  message_id uuid not null references exchange_messages (id),
  provider_agb text not null,
  lines integer not null check (lines >= 0),
  total_cents bigint not null,
  created_at timestamptz not null,
  created_by text not null,
  unique (municipality_code, reference)
);
create index exchange_payment_batches_message on exchange_payment_batches (message_id);

-- A line is paid once: line_id is unique over all batches.
create table exchange_payment_batch_lines (
  batch_id uuid not null references exchange_payment_batches (id),
  line_id uuid not null references exchange_invoice_lines (id),
  municipality_code char(4) not null references municipalities (code),
  amount_cents bigint not null,
  primary key (batch_id, line_id),
  unique (line_id)
);

grant select, insert, update, delete on exchange_messages, exchange_invoice_lines to kern_app;
grant select, insert on exchange_payment_batches, exchange_payment_batch_lines to kern_app;
alter table exchange_messages enable row level security;
alter table exchange_invoice_lines enable row level security;
alter table exchange_payment_batches enable row level security;
alter table exchange_payment_batch_lines enable row level security;
create policy tenant_isolation on exchange_messages
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on exchange_invoice_lines
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on exchange_payment_batches
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on exchange_payment_batch_lines
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
