import { sql, type TableRow, type Tx } from '@kern/db';
import type { SignalKind } from './contract/signal.schema';

// SQL only. Signal rows hold the signal and nothing else (Wgs art. 8b).

export interface SignalRow {
  id: string;
  subjectBsn: string;
  creditorId: string;
  creditorName: string;
  sector: string;
  kind: SignalKind;
  arrearsCents: number;
  monthsInArrears: number | null;
  firstSignalOn: string;
  lastSignalOn: string;
  timesReceived: number;
  offerStatus: 'new' | 'offered' | 'accepted' | 'declined' | 'no-response';
  offeredOn: string | null;
  respondedOn: string | null;
  debtFileId: string | null;
}

type Db = TableRow<
  'debt_signals',
  'id' | 'subject_bsn' | 'creditor_id' | 'arrears_cents' | 'months_in_arrears' | 'first_signal_on' | 'last_signal_on' | 'times_received' | 'offered_on' | 'responded_on' | 'debt_file_id'
> & { creditor_name: string; sector: string; kind: SignalKind; offer_status: SignalRow['offerStatus'] };
const d = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null);
const toRow = (r: Db): SignalRow => ({
  id: r.id, subjectBsn: r.subject_bsn.trim(), creditorId: r.creditor_id, creditorName: r.creditor_name, sector: r.sector, kind: r.kind,
  arrearsCents: Number(r.arrears_cents), monthsInArrears: r.months_in_arrears, firstSignalOn: d(r.first_signal_on) ?? '', lastSignalOn: d(r.last_signal_on) ?? '',
  timesReceived: r.times_received, offerStatus: r.offer_status, offeredOn: d(r.offered_on), respondedOn: d(r.responded_on), debtFileId: r.debt_file_id,
});
const select = sql`select s.id, s.subject_bsn, s.creditor_id, c.name as creditor_name, c.sector, s.kind, s.arrears_cents, s.months_in_arrears, s.first_signal_on,
  s.last_signal_on, s.times_received, s.offer_status, s.offered_on, s.responded_on, s.debt_file_id
  from debt_signals s join debt_creditors c on c.id = s.creditor_id`;

export async function findOpenSignal(tx: Tx, subjectBsn: string, creditorId: string): Promise<SignalRow | undefined> {
  const r = await sql<Db>`${select} where s.subject_bsn = ${subjectBsn} and s.creditor_id = ${creditorId}::uuid and s.offer_status in ('new', 'offered')`.execute(tx);
  return r.rows[0] ? toRow(r.rows[0]) : undefined;
}

export async function findSignal(tx: Tx, id: string): Promise<SignalRow | undefined> {
  const r = await sql<Db>`${select} where s.id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toRow(r.rows[0]) : undefined;
}

export async function findSignals(tx: Tx, statuses: readonly string[], limit: number): Promise<SignalRow[]> {
  const r = await sql<Db>`${select} where s.offer_status = any(${[...statuses]}::text[])
    order by (s.kind <> 'arrears') desc, s.last_signal_on desc, s.id limit ${limit}`.execute(tx);
  return r.rows.map(toRow);
}

export async function findSignalsOfFile(tx: Tx, debtFileId: string): Promise<SignalRow[]> {
  const r = await sql<Db>`${select} where s.debt_file_id = ${debtFileId}::uuid order by s.first_signal_on`.execute(tx);
  return r.rows.map(toRow);
}

export async function insertSignal(
  tx: Tx,
  s: { id: string; municipalityCode: string; subjectBsn: string; creditorId: string; kind: SignalKind; arrearsCents: number; monthsInArrears: number | null; signalDate: string; externalReference: string | null; channel: 'file' | 'http' | 'manual'; receivedAt: Date },
): Promise<void> {
  await tx
    .insertInto('debt_signals')
    .values({
      id: s.id, municipality_code: s.municipalityCode, subject_bsn: s.subjectBsn, creditor_id: s.creditorId, kind: s.kind, arrears_cents: s.arrearsCents,
      months_in_arrears: s.monthsInArrears, first_signal_on: s.signalDate, last_signal_on: s.signalDate, external_reference: s.externalReference,
      channel: s.channel, offer_status: 'new', received_at: s.receivedAt.toISOString(),
    })
    .execute();
}

/** A repeated signal: the latest arrears and date count, a threatening kind is never downgraded to arrears. */
export async function mergeSignal(tx: Tx, id: string, s: { kind: SignalKind; arrearsCents: number; monthsInArrears: number | null; signalDate: string }): Promise<void> {
  await sql`update debt_signals set
      times_received = times_received + 1,
      kind = case when ${s.kind} = 'arrears' then kind else ${s.kind} end,
      arrears_cents = case when ${s.signalDate}::date >= last_signal_on then ${s.arrearsCents} else arrears_cents end,
      months_in_arrears = case when ${s.signalDate}::date >= last_signal_on then ${s.monthsInArrears} else months_in_arrears end,
      first_signal_on = least(first_signal_on, ${s.signalDate}::date),
      last_signal_on = greatest(last_signal_on, ${s.signalDate}::date)
    where id = ${id}::uuid`.execute(tx);
}

export async function setOfferStatus(tx: Tx, id: string, status: SignalRow['offerStatus'], on: string, debtFileId: string | null = null): Promise<void> {
  await sql`update debt_signals set offer_status = ${status},
      offered_on = case when ${status} = 'offered' then ${on}::date else offered_on end,
      responded_on = case when ${status} in ('accepted', 'declined', 'no-response') then ${on}::date else responded_on end,
      debt_file_id = coalesce(${debtFileId}::uuid, debt_file_id)
    where id = ${id}::uuid`.execute(tx);
}

/** Accepting help covers every open signal of the resident: one file, one offer accepted. */
export async function attachOpenSignalsToFile(tx: Tx, subjectBsn: string, debtFileId: string, on: string): Promise<number> {
  const r = await tx
    .updateTable('debt_signals')
    .set({ offer_status: 'accepted', responded_on: on, debt_file_id: debtFileId })
    .where('subject_bsn', '=', subjectBsn)
    .where('offer_status', 'in', ['new', 'offered'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
