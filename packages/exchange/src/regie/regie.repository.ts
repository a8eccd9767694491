import { isoDay, sql, type Tx } from '@kern/db';
import { allocationFactsByIds, allocationFactsByNumbers, currentAllocationFacts } from '@kern/provisions';
import type { MessageNumber, Standard } from '../messages';
import type { AllocationFact, DeliveryFact } from '../care-delivery/start-stop-rules';
import type { CurrentAllocation } from '../requests/request-rules';

// SQL only: the regie message tables of migration 0062; allocations are facts of @kern/provisions
// (allocation-facts.ts), read through its functions, never its table.

export interface LogRow {
  id: string;
  standard: Standard;
  messageType: MessageNumber;
  direction: 'in' | 'out';
  providerAgb: string;
  identification: string;
  messageDate: string;
  subjectBsn: string | null;
  status: 'answered' | 'refused' | 'recorded' | 'sent';
  headerCodes: string[];
  findings: RegieFinding[];
  contentSha256: string;
  content: string;
  answer: string | null;
  answersMessageId: string | null;
  at: string;
}

/** A rule's finding on one element of a message: the WJ001 return code and the rule that gave it. */
export interface RegieFinding {
  /** The message class it is on: Header, Client, StartProduct, AangevraagdProduct, Verzoek, ... */
  element: string;
  /** ToewijzingNummer or ReferentieAanbieder of that class, when it has one. */
  ref: string | null;
  rule: string;
  code: string;
}

interface RawLog {
  id: string; standard: Standard; message_type: MessageNumber; direction: 'in' | 'out'; provider_agb: string; identification: string;
  message_date: string | Date; subject_bsn: string | null; status: LogRow['status']; header_codes: string[]; findings: RegieFinding[] | string; content_sha256: string;
  content: string; answer: string | null; answers_message_id: string | null; at: Date | string;
}
const toLog = (r: RawLog): LogRow => ({
  id: r.id,
  standard: r.standard,
  messageType: r.message_type,
  direction: r.direction,
  providerAgb: r.provider_agb,
  identification: r.identification,
  messageDate: isoDay(r.message_date),
  subjectBsn: r.subject_bsn,
  status: r.status,
  headerCodes: r.header_codes,
  findings: typeof r.findings === 'string' ? (JSON.parse(r.findings) as RegieFinding[]) : r.findings,
  contentSha256: r.content_sha256,
  content: r.content,
  answer: r.answer,
  answersMessageId: r.answers_message_id,
  at: new Date(r.at).toISOString(),
});

/** TR056: a message's identity is its direction, the kind of message (standard and number), the provider and the Identificatie. */
export async function findLogged(tx: Tx, m: { direction: 'in' | 'out'; standard: Standard; providerAgb: string; messageType: MessageNumber; identification: string }): Promise<LogRow | undefined> {
  const r = await sql<RawLog>`select * from exchange_message_log where direction = ${m.direction} and standard = ${m.standard} and provider_agb = ${m.providerAgb}
    and message_type = ${m.messageType} and identification = ${m.identification}`.execute(tx);
  const row = r.rows[0];
  return row ? toLog(row) : undefined;
}

export interface NewLog {
  id: string;
  municipalityCode: string;
  standard: Standard;
  messageType: MessageNumber;
  direction: 'in' | 'out';
  providerAgb: string;
  identification: string;
  messageDate: string;
  subjectBsn: string | null;
  status: LogRow['status'];
  headerCodes: string[];
  findings: RegieFinding[];
  contentSha256: string;
  content: string;
  answer: string | null;
  answersMessageId: string | null;
  at: Date;
  byActor: string;
}

export async function insertLog(tx: Tx, l: NewLog): Promise<void> {
  await sql`insert into exchange_message_log (id, municipality_code, standard, message_type, direction, provider_agb, identification, message_date,
      subject_bsn, status, header_codes, findings, content_sha256, content, answer, answers_message_id, at, by_actor)
    values (${l.id}, ${l.municipalityCode}, ${l.standard}, ${l.messageType}, ${l.direction}, ${l.providerAgb}, ${l.identification}, ${l.messageDate}::date,
      ${l.subjectBsn}, ${l.status}, ${l.headerCodes}::text[], ${JSON.stringify(l.findings)}::jsonb, ${l.contentSha256}, ${l.content}, ${l.answer}, ${l.answersMessageId}, ${l.at.toISOString()}::timestamptz, ${l.byActor})`.execute(tx);
}

export async function setLogAnswer(tx: Tx, id: string, a: { status: LogRow['status']; headerCodes: string[]; findings: RegieFinding[]; answer: string | null }): Promise<void> {
  await sql`update exchange_message_log set status = ${a.status}, header_codes = ${a.headerCodes}::text[], findings = ${JSON.stringify(a.findings)}::jsonb,
    answer = ${a.answer} where id = ${id}`.execute(tx);
}

/** The identification of the next message Kern sends to a provider: a per-municipality counter in the log itself. */
export async function nextOutIdentification(tx: Tx, providerAgb: string, messageType: MessageNumber): Promise<string> {
  const r = await sql<{ n: number }>`select count(*)::int as n from exchange_message_log where direction = 'out' and provider_agb = ${providerAgb} and message_type = ${messageType}`.execute(tx);
  return `K${messageType}${String((r.rows[0]?.n ?? 0) + 1).padStart(8, '0')}`;
}

export async function logForSubject(tx: Tx, bsn: string, limit = 200): Promise<LogRow[]> {
  const r = await sql<RawLog>`select * from exchange_message_log where subject_bsn = ${bsn} order by at desc, id limit ${limit}`.execute(tx);
  return r.rows.map(toLog);
}

// --- allocations: facts of @kern/provisions, read only ------------------------------------------

export async function findAllocationByNumber(tx: Tx, toewijzingNummer: string): Promise<AllocationFact | undefined> {
  const a = (await allocationFactsByNumbers(tx, { numbers: [toewijzingNummer] }))[0];
  return a ? { id: a.id, toewijzingNummer: a.toewijzingNummer, subjectBsn: a.subjectBsn, providerAgb: a.providerAgb, standard: a.standard, status: a.status } : undefined;
}

/** OP087 / TR349: the client's allocations at the provider under the standard that are current on a date. */
export async function currentAllocations(tx: Tx, q: { bsn: string; providerAgb: string; standard: Standard; on: string }): Promise<CurrentAllocation[]> {
  const facts = await currentAllocationFacts(tx, q);
  return facts.map((a) => ({ toewijzingNummer: a.toewijzingNummer, startDate: a.startDate, endDate: a.endDate }));
}

export interface AllocationRow {
  id: string;
  toewijzingNummer: string;
  subjectBsn: string;
  providerAgb: string;
  standard: Standard;
  category: string;
  productCode: string | null;
  startDate: string;
  endDate: string | null;
  volume: number | null;
  unit: string | null;
  frequency: string | null;
  budgetCents: number | null;
  changeReason: string | null;
  status: AllocationFact['status'];
  allocatedAt: Date;
}

export async function findAllocationsByIds(tx: Tx, ids: string[]): Promise<AllocationRow[]> {
  return allocationFactsByIds(tx, ids);
}

// --- care delivery (305/307) -------------------------------------------------------------------

export async function liveDeliveries(tx: Tx, toewijzingNummer: string): Promise<DeliveryFact[]> {
  const r = await sql<{ id: string; begin_date: string | Date; end_date: string | Date | null; ending_reason: string | null }>`select id, begin_date, end_date, ending_reason
    from exchange_care_deliveries where toewijzing_nummer = ${toewijzingNummer} and status <> 'removed' order by begin_date`.execute(tx);
  return r.rows.map((d) => ({ id: d.id, begindatum: isoDay(d.begin_date), einddatum: d.end_date === null ? null : isoDay(d.end_date), redenBeeindiging: d.ending_reason }));
}

export async function insertDelivery(tx: Tx, d: { id: string; municipalityCode: string; allocationId: string; toewijzingNummer: string; subjectBsn: string; providerAgb: string; beginDate: string; startMessageId: string }): Promise<void> {
  await sql`insert into exchange_care_deliveries (id, municipality_code, allocation_id, toewijzing_nummer, subject_bsn, provider_agb, begin_date, status, start_message_id)
    values (${d.id}, ${d.municipalityCode}, ${d.allocationId}, ${d.toewijzingNummer}, ${d.subjectBsn}, ${d.providerAgb}, ${d.beginDate}::date, 'started', ${d.startMessageId})`.execute(tx);
}

export async function removeDelivery(tx: Tx, id: string): Promise<void> {
  await sql`update exchange_care_deliveries set status = 'removed' where id = ${id}`.execute(tx);
}

export async function stopDelivery(tx: Tx, id: string, stop: { endDate: string; reason: string | null; messageId: string } | null): Promise<void> {
  if (stop) {
    await sql`update exchange_care_deliveries set status = 'stopped', end_date = ${stop.endDate}::date, ending_reason = ${stop.reason}, stop_message_id = ${stop.messageId} where id = ${id}`.execute(tx);
  } else {
    await sql`update exchange_care_deliveries set status = 'started', end_date = null, ending_reason = null, stop_message_id = null where id = ${id}`.execute(tx);
  }
}

export interface DeliveryRow {
  id: string;
  toewijzingNummer: string;
  providerAgb: string;
  beginDate: string;
  endDate: string | null;
  endingReason: string | null;
  status: 'started' | 'stopped' | 'removed';
}

export async function deliveriesForSubject(tx: Tx, bsn: string, standard: Standard): Promise<DeliveryRow[]> {
  const r = await sql<{ id: string; allocation_id: string; toewijzing_nummer: string; provider_agb: string; begin_date: string | Date; end_date: string | Date | null; ending_reason: string | null; status: DeliveryRow['status'] }>`
    select d.id, d.allocation_id, d.toewijzing_nummer, d.provider_agb, d.begin_date, d.end_date, d.ending_reason, d.status from exchange_care_deliveries d
    where d.subject_bsn = ${bsn}
    order by d.toewijzing_nummer, d.begin_date`.execute(tx);
  // The standard is the allocation's (a fact of @kern/provisions).
  const ofStandard = new Set((await allocationFactsByIds(tx, [...new Set(r.rows.map((d) => d.allocation_id))])).filter((a) => a.standard === standard).map((a) => a.id));
  return r.rows
    .filter((d) => ofStandard.has(d.allocation_id))
    .map((d) => ({ id: d.id, toewijzingNummer: d.toewijzing_nummer, providerAgb: d.provider_agb, beginDate: isoDay(d.begin_date), endDate: d.end_date === null ? null : isoDay(d.end_date), endingReason: d.ending_reason, status: d.status }));
}

// --- requests (315/317) and answers (319/320) ---------------------------------------------------

export async function referenceUsed(tx: Tx, q: { standard: Standard; providerAgb: string; ref: string }): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from exchange_requests where standard = ${q.standard} and provider_agb = ${q.providerAgb} and referentie_aanbieder = ${q.ref}`.execute(tx);
  return (r.rows[0]?.n ?? 0) > 0;
}

/** TR374: a request of the provider for the client not yet answered with a refusal or an allocation. */
export async function openRequestExists(tx: Tx, q: { standard: Standard; providerAgb: string; bsn: string }): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from exchange_requests where standard = ${q.standard} and provider_agb = ${q.providerAgb}
    and subject_bsn = ${q.bsn} and status in ('open', 'in-onderzoek')`.execute(tx);
  return (r.rows[0]?.n ?? 0) > 0;
}

export interface RequestRow {
  id: string;
  messageId: string;
  kind: '315' | '317';
  standard: Standard;
  providerAgb: string;
  subjectBsn: string;
  referentieAanbieder: string;
  details: Record<string, unknown>;
  status: 'open' | 'in-onderzoek' | 'refused' | 'granted';
  receivedAt: string;
}

interface RawRequest {
  id: string; message_id: string; kind: '315' | '317'; standard: Standard; provider_agb: string; subject_bsn: string; referentie_aanbieder: string;
  details: Record<string, unknown> | string; status: RequestRow['status']; received_at: Date | string;
}
const toRequest = (r: RawRequest): RequestRow => ({
  id: r.id,
  messageId: r.message_id,
  kind: r.kind,
  standard: r.standard,
  providerAgb: r.provider_agb,
  subjectBsn: r.subject_bsn,
  referentieAanbieder: r.referentie_aanbieder,
  details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
  status: r.status,
  receivedAt: new Date(r.received_at).toISOString(),
});

export async function insertRequest(tx: Tx, r: Omit<RequestRow, 'receivedAt' | 'status'> & { municipalityCode: string; receivedAt: Date }): Promise<void> {
  await sql`insert into exchange_requests (id, municipality_code, message_id, kind, standard, provider_agb, subject_bsn, referentie_aanbieder, details, status, received_at)
    values (${r.id}, ${r.municipalityCode}, ${r.messageId}, ${r.kind}, ${r.standard}, ${r.providerAgb}, ${r.subjectBsn}, ${r.referentieAanbieder},
      ${JSON.stringify(r.details)}::jsonb, 'open', ${r.receivedAt.toISOString()}::timestamptz)`.execute(tx);
}

export async function findRequest(tx: Tx, id: string): Promise<RequestRow | undefined> {
  const r = await sql<RawRequest>`select * from exchange_requests where id = ${id}::uuid`.execute(tx);
  const row = r.rows[0];
  return row ? toRequest(row) : undefined;
}

export async function listRequests(tx: Tx, q: { standard: Standard; statuses: RequestRow['status'][]; limit: number }): Promise<RequestRow[]> {
  const r = await sql<RawRequest>`select * from exchange_requests where standard = ${q.standard} and status in (${sql.join(q.statuses)})
    order by received_at, id limit ${q.limit}`.execute(tx);
  return r.rows.map(toRequest);
}

export async function setRequestStatus(tx: Tx, id: string, status: RequestRow['status']): Promise<void> {
  await sql`update exchange_requests set status = ${status} where id = ${id}`.execute(tx);
}

export async function insertRequestAnswer(tx: Tx, a: { id: string; municipalityCode: string; requestId: string; answer: '1' | '2'; refusalReason: string | null; messageId: string; at: Date; by: string }): Promise<void> {
  await sql`insert into exchange_request_answers (id, municipality_code, request_id, answer, refusal_reason, message_id, answered_at, answered_by)
    values (${a.id}, ${a.municipalityCode}, ${a.requestId}, ${a.answer}, ${a.refusalReason}, ${a.messageId}, ${a.at.toISOString()}::timestamptz, ${a.by})`.execute(tx);
}

export async function recordAnswerRetour(tx: Tx, messageId: string, codes: string[]): Promise<number> {
  const r = await sql`update exchange_request_answers set retour_codes = ${sql.val(codes)}::text[] where message_id = ${messageId}`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

// --- allocation messages (301/302) -------------------------------------------------------------

export async function insertAllocationMessage(tx: Tx, m: { id: string; municipalityCode: string; messageId: string; allocationId: string; toewijzingNummer: string; allocatedAt: Date; referentieAanbieder: string | null }): Promise<void> {
  await sql`insert into exchange_allocation_messages (id, municipality_code, message_id, allocation_id, toewijzing_nummer, allocated_at, referentie_aanbieder, status)
    values (${m.id}, ${m.municipalityCode}, ${m.messageId}, ${m.allocationId}, ${m.toewijzingNummer}, ${m.allocatedAt.toISOString()}::timestamptz, ${m.referentieAanbieder}, 'sent')`.execute(tx);
}

export async function recordAllocationRetour(tx: Tx, q: { messageId: string; toewijzingNummer: string; codes: string[]; retourMessageId: string }): Promise<{ allocationId: string; allocatedAt: string } | undefined> {
  const acknowledged = q.codes.every((c) => c === '0200');
  const r = await sql<{ allocation_id: string; allocated_at: Date | string }>`update exchange_allocation_messages set status = ${acknowledged ? 'acknowledged' : 'returned'}, return_codes = ${sql.val(q.codes)}::text[],
      retour_message_id = ${q.retourMessageId} where message_id = ${q.messageId} and toewijzing_nummer = ${q.toewijzingNummer} returning allocation_id, allocated_at`.execute(tx);
  const row = r.rows[0];
  return row ? { allocationId: row.allocation_id, allocatedAt: new Date(row.allocated_at).toISOString() } : undefined;
}

export async function markRequestGranted(tx: Tx, q: { standard: Standard; providerAgb: string; ref: string }): Promise<void> {
  await sql`update exchange_requests set status = 'granted' where standard = ${q.standard} and provider_agb = ${q.providerAgb} and referentie_aanbieder = ${q.ref}`.execute(tx);
}

/**
 * The identification of a retour or a 325 Kern sends (IV028, IV087): the next number of one
 * sequence, in base 36 after a letter, so it is unique for the municipality and never derived
 * from the identification of the message it answers.
 */
export async function nextRetourIdentification(tx: Tx, letter: 'R' | 'K'): Promise<string> {
  const r = await sql<{ n: string }>`select nextval('exchange_retour_identification')::text as n`.execute(tx);
  return `${letter}${BigInt(r.rows[0]?.n ?? '0').toString(36).toUpperCase().padStart(6, '0')}`;
}
