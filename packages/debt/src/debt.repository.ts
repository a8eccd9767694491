import { sql, type TableRow, type Tx } from '@kern/db';
import { staffNames } from '@kern/identity';
import { newId } from '@kern/kit';
import type { CreditorSector, Debt, DebtCategory, DebtFile, DebtStatus, Evidence } from './contract/debt.schema';

// SQL only: no rules here. Tenant isolation is RLS; callers have authorised the read.

const day = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null);
const dayOf = (v: unknown): string => day(v) ?? '';

/** Creditors are kept per municipality by name; the first mention decides the sector. */
export async function upsertCreditor(tx: Tx, municipalityCode: string, name: string, sector: CreditorSector, contact: string | null = null): Promise<string> {
  const row = await tx
    .insertInto('debt_creditors')
    .values({ id: newId(), municipality_code: municipalityCode, name, sector, contact })
    .onConflict((oc) => oc.columns(['municipality_code', 'name']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
    .returning('id')
    .executeTakeFirst();
  const id = row?.id;
  if (!id) throw new Error('upsertCreditor returned no row');
  return id;
}

export interface DebtFileRow {
  id: string;
  municipalityCode: string;
  reference: string;
  subjectBsn: string;
  householdBsns: string[];
  teamId: string;
  contact: string;
  origin: 'request' | 'signal';
  urgencyGround: string | null;
  requestDate: string;
  firstConversationDue: string;
  openedAt: Date;
  openedBy: string;
}

export async function insertDebtFile(tx: Tx, f: DebtFileRow): Promise<void> {
  await tx
    .insertInto('debt_files')
    .values({
      id: f.id, municipality_code: f.municipalityCode, reference: f.reference, subject_bsn: f.subjectBsn, household_bsns: f.householdBsns,
      team_id: f.teamId, contact: f.contact, origin: f.origin, urgent: f.urgencyGround !== null, urgency_ground: f.urgencyGround,
      request_date: f.requestDate, first_conversation_due: f.firstConversationDue, status: 'intake', opened_at: f.openedAt.toISOString(), opened_by: f.openedBy,
    })
    .execute();
}

type FileDbRow = TableRow<
  'debt_files',
  | 'id' | 'reference' | 'subject_bsn' | 'household_bsns' | 'team_id' | 'contact' | 'urgent' | 'request_date' | 'first_conversation_due'
  | 'first_conversation_on' | 'decision_due' | 'decision_on' | 'refusal_ground' | 'moratorium_from' | 'moratorium_until' | 'opened_at'
> & {
  origin: DebtFile['origin']; urgency_ground: DebtFile['urgencyGround']; decision: DebtFile['decision']; status: DebtFile['status'];
};

const toFile = (r: FileDbRow, teamNames: Map<string, string>): DebtFile => ({
  id: r.id,
  reference: r.reference,
  subjectBsn: r.subject_bsn.trim(),
  householdBsns: r.household_bsns,
  teamId: r.team_id,
  teamName: teamNames.get(r.team_id) ?? '',
  contact: r.contact,
  origin: r.origin,
  urgent: r.urgent,
  urgencyGround: r.urgency_ground,
  requestDate: dayOf(r.request_date),
  firstConversationDue: dayOf(r.first_conversation_due),
  firstConversationOn: day(r.first_conversation_on),
  decisionDue: day(r.decision_due),
  decisionOn: day(r.decision_on),
  decision: r.decision,
  refusalGround: r.refusal_ground,
  moratoriumFrom: day(r.moratorium_from),
  moratoriumUntil: day(r.moratorium_until),
  status: r.status,
  openedAt: new Date(r.opened_at).toISOString(),
});

const fileSelect = sql`select f.id, f.reference, f.subject_bsn, f.household_bsns, f.team_id, f.contact, f.origin, f.urgent,
  f.urgency_ground, f.request_date, f.first_conversation_due, f.first_conversation_on, f.decision_due, f.decision_on, f.decision,
  f.refusal_ground, f.moratorium_from, f.moratorium_until, f.status, f.opened_at
  from debt_files f`;

/** Files with their team's name, from identity's staff directory (every file has a team: team_id references teams). */
async function toFiles(tx: Tx, rows: readonly FileDbRow[]): Promise<DebtFile[]> {
  const names = (await staffNames(tx, { teams: rows.map((r) => r.team_id) })).teams;
  return rows.map((r) => toFile(r, names));
}

export async function findDebtFile(tx: Tx, id: string): Promise<DebtFile | undefined> {
  const r = await sql<FileDbRow>`${fileSelect} where f.id = ${id}::uuid`.execute(tx);
  return (await toFiles(tx, r.rows))[0];
}

export async function findOpenDebtFileFor(tx: Tx, subjectBsn: string): Promise<DebtFile | undefined> {
  const r = await sql<FileDbRow>`${fileSelect} where f.subject_bsn = ${subjectBsn} and f.status <> 'closed'`.execute(tx);
  return (await toFiles(tx, r.rows))[0];
}

/** Files in which any of the given residents is the subject or a household member (newest first). */
export async function findDebtFilesForMembers(tx: Tx, bsns: readonly string[]): Promise<DebtFile[]> {
  if (bsns.length === 0) return [];
  const r = await sql<FileDbRow>`${fileSelect}
    where f.subject_bsn = any(${[...bsns]}::char(9)[]) or f.household_bsns && ${[...bsns]}::text[]
    order by f.opened_at desc`.execute(tx);
  return toFiles(tx, r.rows);
}

export async function findDebtFilesOfTeams(tx: Tx, teamIds: readonly string[]): Promise<DebtFile[]> {
  if (teamIds.length === 0) return [];
  const r = await sql<FileDbRow>`${fileSelect} where f.team_id = any(${[...teamIds]}::uuid[]) order by f.opened_at desc limit 500`.execute(tx);
  return toFiles(tx, r.rows);
}

export async function countDebtFilesInYear(tx: Tx, municipalityCode: string, year: number): Promise<number> {
  const row = await tx
    .selectFrom('debt_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_code', '=', municipalityCode)
    .where('reference', 'like', `S-${year}-%`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function updateDebtFileProcess(
  tx: Tx,
  id: string,
  changes: Partial<{
    firstConversationOn: string; decisionDue: string; decisionOn: string; decision: 'plan' | 'refused'; refusalGround: string | null;
    moratoriumFrom: string; moratoriumUntil: string; status: DebtFile['status']; closedAt: Date;
  }>,
): Promise<void> {
  const c = changes;
  await sql`update debt_files set
      first_conversation_on = coalesce(${c.firstConversationOn ?? null}::date, first_conversation_on),
      decision_due = coalesce(${c.decisionDue ?? null}::date, decision_due),
      decision_on = coalesce(${c.decisionOn ?? null}::date, decision_on),
      decision = coalesce(${c.decision ?? null}, decision),
      refusal_ground = coalesce(${c.refusalGround ?? null}, refusal_ground),
      moratorium_from = coalesce(${c.moratoriumFrom ?? null}::date, moratorium_from),
      moratorium_until = coalesce(${c.moratoriumUntil ?? null}::date, moratorium_until),
      status = coalesce(${c.status ?? null}, status),
      closed_at = coalesce(${c.closedAt?.toISOString() ?? null}::timestamptz, closed_at)
    where id = ${id}::uuid`.execute(tx);
}

export interface NewDebt {
  id: string; municipalityCode: string; debtFileId: string; creditorId: string; category: DebtCategory;
  creditorReference: string | null; description: string | null; claimedCents: number; registeredOn: string;
}

export async function insertDebt(tx: Tx, d: NewDebt): Promise<void> {
  await tx
    .insertInto('debts')
    .values({
      id: d.id, municipality_code: d.municipalityCode, debt_file_id: d.debtFileId, creditor_id: d.creditorId, category: d.category,
      creditor_reference: d.creditorReference, description: d.description, claimed_cents: d.claimedCents, status: 'claimed', registered_on: d.registeredOn,
    })
    .execute();
}

export async function setDebtStatus(tx: Tx, debtId: string, status: DebtStatus, verifiedCents: number | null, verifiedOn: string | null): Promise<void> {
  await tx.updateTable('debts').set({ status, verified_cents: verifiedCents, verified_on: verifiedOn }).where('id', '=', debtId).execute();
}

export async function insertEvidence(tx: Tx, municipalityCode: string, debtId: string, e: Omit<Evidence, 'id'>): Promise<string> {
  const id = newId();
  await tx
    .insertInto('debt_evidence')
    .values({
      id, municipality_code: municipalityCode, debt_id: debtId, kind: e.kind, file_name: e.fileName, media_type: e.mediaType,
      size_bytes: e.sizeBytes, received_on: e.receivedOn, note: e.note,
    })
    .execute();
  return id;
}

type DebtDbRow = TableRow<'debts', 'id' | 'debt_file_id' | 'creditor_id' | 'creditor_reference' | 'description' | 'claimed_cents' | 'verified_cents' | 'registered_on' | 'verified_on'> & {
  creditor_name: string; sector: CreditorSector; creditor_contact: string | null; category: DebtCategory; status: DebtStatus;
};

export async function findDebts(tx: Tx, debtFileId: string): Promise<Debt[]> {
  const r = await sql<DebtDbRow>`select d.id, d.debt_file_id, d.creditor_id, c.name as creditor_name, c.sector, c.contact as creditor_contact, d.category,
      d.creditor_reference, d.description, d.claimed_cents, d.verified_cents, d.status, d.registered_on, d.verified_on
    from debts d join debt_creditors c on c.id = d.creditor_id
    where d.debt_file_id = ${debtFileId}::uuid order by c.name, d.registered_on, d.id`.execute(tx);
  const ev = await sql<TableRow<'debt_evidence', 'id' | 'debt_id' | 'file_name' | 'media_type' | 'size_bytes' | 'received_on' | 'note'> & { kind: Evidence['kind'] }>`
    select e.id, e.debt_id, e.kind, e.file_name, e.media_type, e.size_bytes, e.received_on, e.note
    from debt_evidence e join debts d on d.id = e.debt_id where d.debt_file_id = ${debtFileId}::uuid order by e.received_on, e.id`.execute(tx);
  return r.rows.map((d) => ({
    id: d.id,
    debtFileId: d.debt_file_id,
    creditor: { id: d.creditor_id, name: d.creditor_name, sector: d.sector, contact: d.creditor_contact },
    category: d.category,
    creditorReference: d.creditor_reference,
    description: d.description,
    claimedCents: Number(d.claimed_cents),
    verifiedCents: d.verified_cents === null ? null : Number(d.verified_cents),
    status: d.status,
    registeredOn: dayOf(d.registered_on),
    verifiedOn: day(d.verified_on),
    evidence: ev.rows
      .filter((e) => e.debt_id === d.id)
      .map((e) => ({ id: e.id, kind: e.kind, fileName: e.file_name, mediaType: e.media_type, sizeBytes: Number(e.size_bytes), receivedOn: dayOf(e.received_on), note: e.note })),
  }));
}

export async function findDebt(tx: Tx, debtId: string): Promise<{ id: string; debtFileId: string; claimedCents: number; status: DebtStatus } | undefined> {
  const d = await tx
    .selectFrom('debts')
    .select(['id', 'debt_file_id', 'claimed_cents', 'status'])
    .where('id', '=', debtId)
    .$narrowType<{ status: DebtStatus }>()
    .executeTakeFirst();
  return d ? { id: d.id, debtFileId: d.debt_file_id, claimedCents: Number(d.claimed_cents), status: d.status } : undefined;
}

/** A verified debt as the debt fund takes it over: the verified amount is the claim. */
export interface VerifiedDebt {
  debtId: string;
  creditorId: string;
  creditorName: string;
  sector: CreditorSector;
  category: DebtCategory;
  verifiedCents: number;
}

/**
 * The verified debts of a file, for the debt fund's take-over. Repository read: the caller has
 * authorised access to the debt file (e.g. through readDebtInventory or its own `debt-file` check).
 */
export async function findVerifiedDebts(tx: Tx, debtFileId: string): Promise<VerifiedDebt[]> {
  const r = await sql<TableRow<'debts', 'id' | 'creditor_id'> & TableRow<'debt_creditors', 'name'> & { sector: CreditorSector; category: DebtCategory; verified_cents: number }>`
    select d.id, d.creditor_id, c.name, c.sector, d.category, d.verified_cents
    from debts d join debt_creditors c on c.id = d.creditor_id
    where d.debt_file_id = ${debtFileId}::uuid and d.status = 'verified' and d.verified_cents > 0
    order by c.name, d.id`.execute(tx);
  return r.rows.map((d) => ({ debtId: d.id, creditorId: d.creditor_id, creditorName: d.name, sector: d.sector, category: d.category, verifiedCents: Number(d.verified_cents) }));
}
