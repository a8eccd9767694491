/**
 * SQL only, no rules: the exchange's own tables (0056) and what invoice verification reads from
 * the allocation and contracting tables (0052, 0053) with its own queries, so the exchange does
 * not depend on the code of the modules that write them. Every query runs inside a tenant
 * transaction (row-level security) and names the municipality as well.
 */
import { unitTariffsOf } from '@kern/contracting';
import { appendDomainEventsSelected, clientPseudonyms, sql, type Tx } from '@kern/db';
import { allocationFactsByNumbers } from '@kern/provisions';
import type { AllocationFact, BookedLine, InvoiceHeader } from '../invoice.schema';
import type { Standard } from '../messages';

/** TR056: a message's identity. The kind of message is the standard and its number (a JW323 and a WMO323 are two kinds). */
export interface MessageKey {
  municipalityCode: string;
  standard: Standard;
  sender: string;
  messageType: string;
  identification: string;
}

export interface StoredMessage {
  id: string;
  status: 'receiving' | 'answered' | 'refused' | 'failed';
  answer: string | null;
  declaratieNummer: string | null;
  /** SHA-256 of the content as received (null for a message answered before it was kept). */
  contentSha256: string | null;
}

export async function findMessage(tx: Tx, k: MessageKey): Promise<StoredMessage | undefined> {
  const r = await sql<{ id: string; status: StoredMessage['status']; answer: string | null; declaratie_nummer: string | null; content_sha256: string | null }>`
    select id, status, answer, declaratie_nummer, content_sha256 from exchange_messages
    where municipality_code = ${k.municipalityCode} and standard = ${k.standard} and sender = ${k.sender} and message_type = ${k.messageType} and identification = ${k.identification}`.execute(tx);
  const row = r.rows[0];
  return row ? { id: row.id, status: row.status, answer: row.answer, declaratieNummer: row.declaratie_nummer, contentSha256: row.content_sha256 } : undefined;
}

/** Starts (or restarts after a crash or a refusal) receiving a message; an answered one is left alone. */
export async function upsertReceivingMessage(tx: Tx, id: string, k: MessageKey, h: InvoiceHeader, at: Date, by: string): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into exchange_messages (id, municipality_code, standard, message_type, sender, receiver, identification, message_date, declaratie_nummer, period_begin, period_end, status, received_at, received_by, heartbeat_at)
    values (${id}, ${k.municipalityCode}, ${k.standard}, ${k.messageType}, ${k.sender}, ${h.ontvanger}, ${k.identification}, ${h.dagtekening}::date, ${h.declaratieNummer}, ${h.periodeBegin}::date, ${h.periodeEind}::date, 'receiving', ${at.toISOString()}::timestamptz, ${by}, ${at.toISOString()}::timestamptz)
    on conflict (municipality_code, standard, sender, message_type, identification) do update
      set status = 'receiving', refusal_code = null, refusal_reason = null, failure_reason = null, failed_at = null, received_at = excluded.received_at, received_by = excluded.received_by, heartbeat_at = excluded.heartbeat_at,
          declaratie_nummer = excluded.declaratie_nummer, period_begin = excluded.period_begin, period_end = excluded.period_end
      where exchange_messages.status <> 'answered'
    returning id`.execute(tx);
  const row = r.rows[0];
  if (row) {
    // A restart verifies every line again: lines staged by a crashed or refused run carry verdicts
    // on facts that may have changed since, and would count as earlier lines of this message.
    await sql`delete from exchange_invoice_lines where message_id = ${row.id}`.execute(tx);
    return row.id;
  }
  const existing = await findMessage(tx, k);
  if (!existing) throw new Error('exchange message vanished during upsert');
  return existing.id;
}

/**
 * One message per sender at a time: the facts of a message do not see another's staged lines, so
 * two declarations of one provider verified side by side could both approve the same hours. The
 * transaction-scoped advisory lock makes check-and-start atomic; a message whose heartbeat is older
 * than `staleAfterMs` crashed and no longer blocks.
 */
export async function otherMessageInProgress(tx: Tx, k: MessageKey, at: Date, staleAfterMs: number): Promise<boolean> {
  await sql`select pg_advisory_xact_lock(hashtext(${`exchange:${k.municipalityCode}:${k.sender}`}))`.execute(tx);
  // A message of this sender that stopped beating belongs to a process that died: it is failed
  // now, so the inbox says so and it can be delivered again (its staged lines never counted).
  await sql`
    update exchange_messages set status = 'failed', failed_at = ${at.toISOString()}::timestamptz, heartbeat_at = null,
      failure_reason = ${`processing stopped: no heartbeat for ${Math.round(staleAfterMs / 1000)} s (the process ended); deliver the message again`}
    where municipality_code = ${k.municipalityCode} and sender = ${k.sender} and message_type = ${k.messageType} and not (standard = ${k.standard} and identification = ${k.identification})
      and status = 'receiving' and (heartbeat_at is null or heartbeat_at <= ${new Date(at.getTime() - staleAfterMs).toISOString()}::timestamptz)`.execute(tx);
  const r = await sql<{ n: number }>`
    select count(*)::int as n from exchange_messages
    where municipality_code = ${k.municipalityCode} and sender = ${k.sender} and message_type = ${k.messageType} and not (standard = ${k.standard} and identification = ${k.identification})
      and status = 'receiving' and heartbeat_at > ${new Date(at.getTime() - staleAfterMs).toISOString()}::timestamptz`.execute(tx);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

export async function beat(tx: Tx, messageId: string, at: Date): Promise<void> {
  await sql`update exchange_messages set heartbeat_at = ${at.toISOString()}::timestamptz where id = ${messageId} and status = 'receiving'`.execute(tx);
}

/** TR333: another answered message of this sender already carried this DeclaratieNummer. */
export async function declaratieNummerUsedElsewhere(tx: Tx, k: MessageKey, declaratieNummer: string): Promise<boolean> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from exchange_messages
    where municipality_code = ${k.municipalityCode} and standard = ${k.standard} and sender = ${k.sender} and message_type = ${k.messageType}
      and declaratie_nummer = ${declaratieNummer} and status = 'answered' and identification <> ${k.identification}`.execute(tx);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/** The provider's allocations with these numbers (any client: TR304 must see a mismatch): facts of @kern/provisions. */
export async function allocationsByNumber(tx: Tx, municipalityCode: string, providerAgb: string, numbers: readonly string[]): Promise<AllocationFact[]> {
  const facts = await allocationFactsByNumbers(tx, { municipalityCode, providerAgb, numbers });
  return facts.map((a) => ({
    toewijzingNummer: a.toewijzingNummer,
    bsn: a.subjectBsn,
    providerAgb: a.providerAgb,
    productCategorie: a.category,
    productCode: a.productCode,
    ingangsdatum: a.startDate,
    einddatum: a.endDate,
    eenheid: a.unit,
    volume: a.volume,
    frequentie: a.frequency,
    budget: a.budgetCents,
    removed: a.status === 'withdrawn',
  }));
}

/**
 * Booked lines of the provider on these allocations or with these references, and the lines the
 * earlier batches of the message being received (`currentMessageId`) staged: a client block
 * repeated after a batch boundary is then a duplicate like one inside a batch. Staged lines of
 * other unanswered messages never count.
 */
export async function bookedLines(tx: Tx, municipalityCode: string, standard: Standard, providerAgb: string, numbers: readonly string[], references: readonly string[], currentMessageId: string | null = null): Promise<BookedLine[]> {
  if (numbers.length === 0 && references.length === 0) return [];
  const r = await sql<{
    referentie_nummer: string; vorig_referentie_nummer: string | null; toewijzing_nummer: string; product_category: string; product_code: string | null;
    begin_date: string; end_date: string; volume: number; amount_cents: string | number; debit_credit: 'D' | 'C'; approved: boolean;
  }>`
    select l.referentie_nummer, l.vorig_referentie_nummer, l.toewijzing_nummer, l.product_category, l.product_code, l.begin_date::text as begin_date, l.end_date::text as end_date,
      l.volume, l.amount_cents, l.debit_credit, l.approved
    from exchange_invoice_lines l
    join exchange_messages m on m.id = l.message_id and (m.status = 'answered' or m.id = ${currentMessageId}::uuid)
    where l.municipality_code = ${municipalityCode} and l.standard = ${standard} and l.provider_agb = ${providerAgb}
      and (l.toewijzing_nummer = any(${[...numbers]}::text[]) or l.referentie_nummer = any(${[...references]}::text[]))`.execute(tx);
  return r.rows.map((l) => ({
    referentieNummer: l.referentie_nummer,
    vorigReferentieNummer: l.vorig_referentie_nummer,
    toewijzingNummer: l.toewijzing_nummer,
    productCategorie: l.product_category,
    productCode: l.product_code,
    begindatum: l.begin_date,
    einddatum: l.end_date,
    geleverdVolume: Number(l.volume),
    bedrag: Number(l.amount_cents),
    debetCredit: l.debit_credit,
    approved: l.approved,
  }));
}

export interface TariffRow {
  productCategorie: string;
  productCode: string | null;
  cents: number;
  /** The intersection of the contract's and the contracted product's validity. */
  from: string;
  to: string | null;
}

/**
 * The provider's contracted tariffs in these categories (care_providers.agb_code = the 323's
 * Afzender), in the order @kern/contracting's contractedTariff chooses: the municipality's own
 * contract before a regional one, then the latest start (tariffOn then takes a named product
 * before a whole category). A taakgericht contract pays a budget, not per unit: its lines have no
 * tariff to match, so they are refused (0611) rather than priced per unit.
 */
export async function contractTariffs(tx: Tx, municipalityCode: string, providerAgb: string, standard: Standard, categories: readonly string[]): Promise<TariffRow[]> {
  const tariffs = await unitTariffsOf(tx, { municipalityCode, providerAgb, standard, categories });
  return tariffs.map((t) => ({ productCategorie: t.category, productCode: t.productCode, cents: t.cents, from: t.from, to: t.to }));
}

/** Pseudonyms for these BSNs, created where missing (@kern/db's clientPseudonyms). */
export const pseudonymsFor = clientPseudonyms;

export interface StagedLine {
  id: string;
  clientIndex: number;
  subjectRef: string;
  referentieNummer: string;
  vorigReferentieNummer: string | null;
  toewijzingNummer: string;
  productCategorie: string;
  productCode: string | null;
  begindatum: string;
  einddatum: string;
  volume: number;
  eenheid: string;
  tariffCents: number;
  amountCents: number;
  debetCredit: 'D' | 'C';
  approved: boolean;
  codes: string[];
  /** Approved debit with no earlier booked, rejected debit of the same allocation, product and overlapping period. */
  firstSubmission: boolean;
}

/** Stages a batch of judged lines; a line already staged (resume after a crash) is skipped. Returns how many were new. */
export async function stageLines(tx: Tx, municipalityCode: string, messageId: string, standard: Standard, providerAgb: string, lines: readonly StagedLine[]): Promise<number> {
  if (lines.length === 0) return 0;
  const col = <T>(f: (l: StagedLine) => T): T[] => lines.map(f);
  const r = await sql`
    insert into exchange_invoice_lines (id, municipality_code, message_id, standard, provider_agb, client_index, subject_ref, referentie_nummer, vorig_referentie_nummer,
      toewijzing_nummer, product_category, product_code, begin_date, end_date, volume, unit, tariff_cents, amount_cents, debit_credit, approved, return_codes, first_submission)
    select u.id, ${municipalityCode}, ${messageId}::uuid, ${standard}, ${providerAgb}, u.client_index, u.subject_ref, u.ref, u.prev_ref,
      u.alloc, u.cat, u.code, u.begin_date, u.end_date, u.volume, u.unit, u.tariff, u.amount, u.dc, u.approved,
      case when u.codes = '' then '{}'::text[] else string_to_array(u.codes, ',') end, u.first
    from unnest(${col((l) => l.id)}::uuid[], ${col((l) => l.clientIndex)}::int[], ${col((l) => l.subjectRef)}::uuid[], ${col((l) => l.referentieNummer)}::text[],
      ${col((l) => l.vorigReferentieNummer)}::text[], ${col((l) => l.toewijzingNummer)}::text[], ${col((l) => l.productCategorie)}::text[], ${col((l) => l.productCode)}::text[],
      ${col((l) => l.begindatum)}::date[], ${col((l) => l.einddatum)}::date[], ${col((l) => l.volume)}::int[], ${col((l) => l.eenheid)}::text[], ${col((l) => l.tariffCents)}::bigint[],
      ${col((l) => l.amountCents)}::bigint[], ${col((l) => l.debetCredit)}::text[], ${col((l) => l.approved)}::boolean[], ${col((l) => l.codes.join(','))}::text[],
      ${col((l) => l.firstSubmission)}::boolean[])
      as u(id, client_index, subject_ref, ref, prev_ref, alloc, cat, code, begin_date, end_date, volume, unit, tariff, amount, dc, approved, codes, first)
    on conflict (message_id, referentie_nummer) do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * The message is answered: its staged lines count from now on (the status is what books them, so
 * booking rewrites no line). The totals are summed from the lines and the answer stored.
 * Returns false when it was already answered (a second finish changes nothing).
 */
export async function bookMessage(tx: Tx, messageId: string, answer: string, at: Date, contentSha256: string | null = null): Promise<boolean> {
  const r = await sql<{ id: string }>`
    update exchange_messages m set status = 'answered', answer = ${answer}, content_sha256 = ${contentSha256}, answered_at = ${at.toISOString()}::timestamptz, heartbeat_at = null,
      clients = t.clients, lines = t.lines, approved_lines = t.approved_lines, rejected_lines = t.rejected_lines,
      submitted_cents = t.submitted, approved_cents = t.approved, rejected_cents = t.rejected
    from (
      select count(distinct client_index)::int as clients, count(*)::int as lines,
        count(*) filter (where approved)::int as approved_lines, count(*) filter (where not approved)::int as rejected_lines,
        coalesce(sum(case when debit_credit = 'D' then amount_cents else -amount_cents end), 0) as submitted,
        coalesce(sum(case when debit_credit = 'D' then amount_cents else -amount_cents end) filter (where approved), 0) as approved,
        coalesce(sum(case when debit_credit = 'D' then amount_cents else -amount_cents end) filter (where not approved), 0) as rejected
      from exchange_invoice_lines where message_id = ${messageId}
    ) t
    where m.id = ${messageId} and m.status = 'receiving' returning m.id`.execute(tx);
  if (r.rows.length === 0) return false;
  return true;
}

/** Facts for insight, set-based from the message's lines (no BSN: the subject is the pseudonym). */
export async function appendLineEvents(tx: Tx, messageId: string, occurredOn: string): Promise<void> {
  await appendDomainEventsSelected(tx, sql`
    select municipality_code,
      case when not approved then 'exchange.invoice-line-rejected' when debit_credit = 'D' then 'exchange.invoice-line-approved' else 'exchange.invoice-line-credited' end,
      ${occurredOn}::date, subject_ref::text, case when standard = 'iwmo' then 'wmo' else 'jeugdwet' end, null::uuid,
      case when not approved then jsonb_build_object('amountCents', amount_cents, 'category', product_category, 'returnCodes', array_to_string(return_codes, ','))
        else jsonb_build_object('amountCents', amount_cents, 'category', product_category, 'firstSubmission', first_submission) end
    from exchange_invoice_lines where message_id = ${messageId}`);
}

/** A refused message: what was staged is dropped; the message stays, refused, for the inbox. */
export async function refuseMessage(tx: Tx, messageId: string): Promise<void> {
  const r = await sql<{ id: string }>`select id from exchange_messages where id = ${messageId} and status = 'receiving' for update`.execute(tx);
  if (r.rows.length === 0) return;
  await sql`delete from exchange_invoice_lines where message_id = ${messageId}`.execute(tx);
  await sql`update exchange_messages set status = 'refused', refusal_code = '0001', heartbeat_at = null where id = ${messageId} and status = 'receiving'`.execute(tx);
}

/**
 * Processing failed inside Kern (not a refusal of the file): the message is failed with the
 * reason, stops holding up its sender, and can be delivered again. Its staged lines stay (they
 * never count: only an answered message's lines do) and are replaced when it is delivered again.
 */
export async function failMessage(tx: Tx, messageId: string, reason: string, at: Date): Promise<void> {
  await sql`update exchange_messages set status = 'failed', failure_reason = ${reason.slice(0, 2000)}, failed_at = ${at.toISOString()}::timestamptz, heartbeat_at = null
    where id = ${messageId} and status = 'receiving'`.execute(tx);
}

/** Why a refused message was refused (return code and the finding), as the inbox shows it. */
export async function noteRefusal(tx: Tx, messageId: string, code: string, reason: string): Promise<void> {
  await sql`update exchange_messages set refusal_code = ${code}, refusal_reason = ${reason.slice(0, 2000)} where id = ${messageId} and status = 'refused'`.execute(tx);
}

export async function messageTotals(tx: Tx, messageId: string): Promise<Record<string, number>> {
  const r = await sql<{ lines: number; approved_lines: number; rejected_lines: number; approved_cents: string; rejected_cents: string; submitted_cents: string }>`
    select lines, approved_lines, rejected_lines, approved_cents, rejected_cents, submitted_cents from exchange_messages where id = ${messageId}`.execute(tx);
  const m = r.rows[0];
  if (!m) return {};
  return {
    lines: m.lines,
    approvedLines: m.approved_lines,
    rejectedLines: m.rejected_lines,
    submittedCents: Number(m.submitted_cents),
    approvedCents: Number(m.approved_cents),
    rejectedCents: Number(m.rejected_cents),
  };
}

export async function stagedCount(tx: Tx, messageId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from exchange_invoice_lines l join exchange_messages m on m.id = l.message_id
    where l.message_id = ${messageId} and m.status = 'receiving'`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}
