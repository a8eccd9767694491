/** SQL only: the invoice inbox (messages, lines with verdicts) and payment batches. */
import { sql, type Tx } from '@kern/db';
import type { InvoiceLinesQuery, InvoiceMessagesQuery } from '../contract/invoice-inbox.schema';

export interface MessageRow {
  id: string;
  standard: 'iwmo' | 'ijw';
  sender: string;
  identification: string;
  message_date: string;
  declaratie_nummer: string | null;
  period_begin: string | null;
  period_end: string | null;
  status: 'receiving' | 'answered' | 'refused' | 'failed';
  refusal_code: string | null;
  refusal_reason: string | null;
  failure_reason: string | null;
  failed_at: Date | string | null;
  received_at: Date | string;
  clients: number;
  lines: number;
  approved_lines: number;
  rejected_lines: number;
  submitted_cents: string | number;
  approved_cents: string | number;
  rejected_cents: string | number;
  payment_batch_id: string | null;
}

const messageColumns = sql`m.id, m.standard, m.sender, m.identification, m.message_date::text as message_date, m.declaratie_nummer,
  m.period_begin::text as period_begin, m.period_end::text as period_end, m.status, m.refusal_code, m.refusal_reason, m.failure_reason, m.failed_at, m.received_at,
  m.clients, m.lines, m.approved_lines, m.rejected_lines, m.submitted_cents, m.approved_cents, m.rejected_cents,
  (select b.id from exchange_payment_batches b where b.message_id = m.id order by b.created_at desc limit 1) as payment_batch_id`;

export async function findMessages(tx: Tx, municipalityCode: string, standard: 'iwmo' | 'ijw', q: InvoiceMessagesQuery): Promise<MessageRow[]> {
  const monthStart = q.period ? `${q.period}-01` : null;
  const r = await sql<MessageRow>`
    select ${messageColumns} from exchange_messages m
    where m.municipality_code = ${municipalityCode} and m.standard = ${standard} and m.message_type = '323'
      and (${q.provider ?? null}::text is null or m.sender = ${q.provider ?? null})
      and (${q.status ?? null}::text is null or m.status = ${q.status ?? null})
      and (${monthStart}::date is null or (m.period_begin <= (${monthStart}::date + interval '1 month' - interval '1 day')::date and m.period_end >= ${monthStart}::date))
    order by m.received_at desc, m.id
    limit ${q.limit}`.execute(tx);
  return r.rows;
}

export async function findMessageById(tx: Tx, municipalityCode: string, id: string): Promise<MessageRow | undefined> {
  const r = await sql<MessageRow>`select ${messageColumns} from exchange_messages m where m.municipality_code = ${municipalityCode} and m.id = ${id}`.execute(tx);
  return r.rows[0];
}

export interface LineRow {
  id: string;
  client_index: number;
  referentie_nummer: string;
  vorig_referentie_nummer: string | null;
  toewijzing_nummer: string;
  product_category: string;
  product_code: string | null;
  begin_date: string;
  end_date: string;
  volume: number;
  unit: string;
  tariff_cents: string | number;
  amount_cents: string | number;
  debit_credit: 'D' | 'C';
  approved: boolean;
  first_submission: boolean;
  return_codes: string[];
  paid: boolean;
}

const lineFilter = (messageId: string, q: InvoiceLinesQuery) => sql`l.message_id = ${messageId}
  and (${q.verdict ?? null}::text is null or l.approved = (${q.verdict ?? null}::text = 'approved'))
  and (${q.returnCode ?? null}::text is null or l.return_codes @> array[${q.returnCode ?? ''}]::text[])`;

export async function findLines(tx: Tx, messageId: string, q: InvoiceLinesQuery): Promise<{ rows: LineRow[]; total: number }> {
  const r = await sql<LineRow>`
    select l.id, l.client_index, l.referentie_nummer, l.vorig_referentie_nummer, l.toewijzing_nummer, l.product_category, l.product_code,
      l.begin_date::text as begin_date, l.end_date::text as end_date, l.volume, l.unit, l.tariff_cents, l.amount_cents, l.debit_credit, l.approved,
      l.first_submission, l.return_codes, exists (select 1 from exchange_payment_batch_lines p where p.line_id = l.id) as paid
    from exchange_invoice_lines l
    where ${lineFilter(messageId, q)}
    order by l.client_index, l.referentie_nummer
    limit ${q.limit} offset ${q.offset}`.execute(tx);
  const c = await sql<{ n: number }>`select count(*)::int as n from exchange_invoice_lines l where ${lineFilter(messageId, q)}`.execute(tx);
  return { rows: r.rows, total: Number(c.rows[0]?.n ?? 0) };
}

export interface BatchRow {
  id: string;
  reference: string;
  message_id: string;
  provider_agb: string;
  lines: number;
  total_cents: string | number;
  created_at: Date | string;
}

/**
 * A payment batch of the message's approved, booked lines not paid before, in one statement each
 * (the unique line_id makes a second batch of the same line impossible). Undefined when there is
 * nothing left to pay.
 */
export async function insertPaymentBatch(tx: Tx, municipalityCode: string, batchId: string, reference: string, messageId: string, at: Date, by: string): Promise<BatchRow | undefined> {
  // Two approvals of the same message at once: the second waits here and then finds nothing left to pay.
  await sql`select id from exchange_messages where id = ${messageId} for update`.execute(tx);
  const header = await sql<BatchRow>`
    insert into exchange_payment_batches (id, municipality_code, reference, message_id, provider_agb, lines, total_cents, created_at, created_by)
    select ${batchId}::uuid, ${municipalityCode}, ${reference}, ${messageId}::uuid, m.sender, count(l.id)::int,
      coalesce(sum(case when l.debit_credit = 'D' then l.amount_cents else -l.amount_cents end), 0), ${at.toISOString()}::timestamptz, ${by}
    from exchange_messages m
    join exchange_invoice_lines l on l.message_id = m.id and l.approved
      and not exists (select 1 from exchange_payment_batch_lines p where p.line_id = l.id)
    where m.id = ${messageId} and m.municipality_code = ${municipalityCode} and m.status = 'answered'
    group by m.sender
    having count(l.id) > 0
    returning id, reference, message_id, provider_agb, lines, total_cents, created_at`.execute(tx);
  const row = header.rows[0];
  if (!row) return undefined;
  await sql`
    insert into exchange_payment_batch_lines (batch_id, line_id, municipality_code, amount_cents)
    select ${batchId}::uuid, l.id, l.municipality_code, case when l.debit_credit = 'D' then l.amount_cents else -l.amount_cents end
    from exchange_invoice_lines l
    where l.message_id = ${messageId} and l.approved
      and not exists (select 1 from exchange_payment_batch_lines p where p.line_id = l.id)`.execute(tx);
  return row;
}

export async function findBatch(tx: Tx, municipalityCode: string, id: string): Promise<(BatchRow & { standard: 'iwmo' | 'ijw'; declaratie_nummer: string | null }) | undefined> {
  const r = await sql<BatchRow & { standard: 'iwmo' | 'ijw'; declaratie_nummer: string | null }>`
    select b.id, b.reference, b.message_id, b.provider_agb, b.lines, b.total_cents, b.created_at, m.standard, m.declaratie_nummer
    from exchange_payment_batches b join exchange_messages m on m.id = b.message_id
    where b.municipality_code = ${municipalityCode} and b.id = ${id}`.execute(tx);
  return r.rows[0];
}

export interface BatchLineRow {
  referentie_nummer: string;
  toewijzing_nummer: string;
  product_category: string;
  product_code: string | null;
  begin_date: string;
  end_date: string;
  volume: number;
  unit: string;
  tariff_cents: string | number;
  amount_cents: string | number;
}

export async function findBatchLines(tx: Tx, batchId: string): Promise<BatchLineRow[]> {
  const r = await sql<BatchLineRow>`
    select l.referentie_nummer, l.toewijzing_nummer, l.product_category, l.product_code, l.begin_date::text as begin_date, l.end_date::text as end_date,
      l.volume, l.unit, l.tariff_cents, p.amount_cents
    from exchange_payment_batch_lines p join exchange_invoice_lines l on l.id = p.line_id
    where p.batch_id = ${batchId}
    order by l.client_index, l.referentie_nummer`.execute(tx);
  return r.rows;
}
