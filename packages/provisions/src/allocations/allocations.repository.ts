import { isoDay, sql, type Tx } from '@kern/db';
import type { Allocation, AllocationDetail, AllocationStatus } from '../contract/allocations.schema';

// SQL only: allocations, their history and the ToewijzingNummer counter. Tenant scoping comes
// from the transaction (RLS). The provider's name is contracting's (see provider-names.ts).

/** An allocation as its own tables hold it: everything but the provider's name. */
export type AllocationRecord = Omit<Allocation, 'providerName'>;

interface AllocationRow {
  id: string; toewijzing_nummer: string; granted_provision_id: string; subject_bsn: string; provider_id: string; provider_agb: string;
  contract_id: string | null; standard: 'iwmo' | 'ijw'; category: string; product_code: string | null; start_date: string | Date; end_date: string | Date | null;
  volume: number | null; unit: string | null; frequency: string | null; budget_cents: string | number | null; change_reason: string | null; ending_reason: string | null;
  status: AllocationStatus; allocated_at: Date | string; acknowledged_at: Date | string | null;
}

const iso = (v: Date | string): string => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

const toRecord = (r: AllocationRow): AllocationRecord => ({
  id: r.id, toewijzingNummer: r.toewijzing_nummer, grantedProvisionId: r.granted_provision_id, subjectBsn: r.subject_bsn, providerId: r.provider_id,
  providerAgb: r.provider_agb, contractId: r.contract_id, standard: r.standard, category: r.category, productCode: r.product_code,
  startDate: isoDay(r.start_date), endDate: r.end_date === null ? null : isoDay(r.end_date), volume: r.volume, unit: r.unit, frequency: r.frequency,
  budgetCents: r.budget_cents === null ? null : Number(r.budget_cents), changeReason: r.change_reason, endingReason: r.ending_reason, status: r.status,
  allocatedAt: iso(r.allocated_at), acknowledgedAt: r.acknowledged_at === null ? null : iso(r.acknowledged_at),
});

const columns = sql`a.id, a.toewijzing_nummer, a.granted_provision_id, a.subject_bsn, a.provider_id, a.provider_agb, a.contract_id, a.standard,
  a.category, a.product_code, a.start_date, a.end_date, a.volume, a.unit, a.frequency, a.budget_cents, a.change_reason, a.ending_reason, a.status, a.allocated_at, a.acknowledged_at`;

/**
 * The next ToewijzingNummer of the municipality. One upsert on the counter row: concurrent
 * allocations queue on its row lock, so no two get the same number, and the counter only grows.
 * A rolled-back allocation gives its number back with it (it was never issued).
 */
export async function nextToewijzingNummer(tx: Tx, municipalityCode: string): Promise<string> {
  const r = await sql<{ last_number: number }>`insert into allocation_numbers (municipality_code, last_number) values (${municipalityCode}, 1)
    on conflict (municipality_code) do update set last_number = allocation_numbers.last_number + 1
    returning last_number`.execute(tx);
  const n = r.rows[0]?.last_number;
  if (n === undefined) throw new Error('allocation number counter returned nothing');
  return String(n);
}

export interface AllocationState {
  startDate: string; endDate: string | null; volume: number | null; unit: string | null; frequency: string | null; budgetCents: number | null;
  changeReason: string | null; endingReason: string | null; status: AllocationStatus;
}

export interface NewAllocation extends AllocationState {
  id: string; municipalityCode: string; grantedProvisionId: string; toewijzingNummer: string; subjectBsn: string; providerId: string; providerAgb: string;
  contractId: string | null; standard: 'iwmo' | 'ijw'; category: string; productCode: string | null; allocatedAt: string; createdBy: string;
}

export async function insertAllocation(tx: Tx, a: NewAllocation): Promise<void> {
  await sql`insert into allocations (id, municipality_code, granted_provision_id, toewijzing_nummer, subject_bsn, provider_id, provider_agb, contract_id, standard, category,
      product_code, start_date, end_date, volume, unit, frequency, budget_cents, change_reason, ending_reason, status, allocated_at, created_by)
    values (${a.id}::uuid, ${a.municipalityCode}, ${a.grantedProvisionId}::uuid, ${a.toewijzingNummer}, ${a.subjectBsn}, ${a.providerId}::uuid, ${a.providerAgb},
      ${a.contractId}::uuid, ${a.standard}, ${a.category}, ${a.productCode}, ${a.startDate}::date, ${a.endDate}::date, ${a.volume}::int, ${a.unit}, ${a.frequency},
      ${a.budgetCents}::bigint, ${a.changeReason}, ${a.endingReason}, ${a.status}, ${a.allocatedAt}::timestamptz, ${a.createdBy}::uuid)`.execute(tx);
}

/** Writes the new current state; `acknowledged_at` is cleared, since the provider has not seen this state yet. */
export async function updateAllocationState(tx: Tx, id: string, s: AllocationState, allocatedAt: string): Promise<void> {
  await sql`update allocations set end_date = ${s.endDate}::date, volume = ${s.volume}::int, budget_cents = ${s.budgetCents}::bigint,
      change_reason = ${s.changeReason}, ending_reason = ${s.endingReason}, status = ${s.status}, allocated_at = ${allocatedAt}::timestamptz, acknowledged_at = null
    where id = ${id}::uuid`.execute(tx);
}

export async function insertAllocationChange(tx: Tx, c: { id: string; municipalityCode: string; allocationId: string; kind: 'created' | 'changed' | 'ended' | 'withdrawn'; reason: string | null; state: AllocationState; changedAt: string; changedBy: string }): Promise<void> {
  await sql`insert into allocation_changes (id, municipality_code, allocation_id, kind, reason, state, changed_at, changed_by)
    values (${c.id}::uuid, ${c.municipalityCode}, ${c.allocationId}::uuid, ${c.kind}, ${c.reason}, ${JSON.stringify(c.state)}::jsonb, ${c.changedAt}::timestamptz, ${c.changedBy}::uuid)`.execute(tx);
}

/** Locks the allocation's row for a change (two changes at once apply one after the other). */
export async function findAllocationByNumber(tx: Tx, nummer: string, lock = false): Promise<AllocationRecord | undefined> {
  const r = lock
    ? await sql<AllocationRow>`select ${columns} from allocations a where a.toewijzing_nummer = ${nummer} for update of a`.execute(tx)
    : await sql<AllocationRow>`select ${columns} from allocations a where a.toewijzing_nummer = ${nummer}`.execute(tx);
  const row = r.rows[0];
  return row ? toRecord(row) : undefined;
}

export async function findAllocationsOfSubjects(tx: Tx, bsns: readonly string[]): Promise<AllocationRecord[]> {
  if (bsns.length === 0) return [];
  const r = await sql<AllocationRow>`select ${columns} from allocations a
    where a.municipality_code = current_setting('app.municipality', true)::char(4) and a.subject_bsn = any(${[...bsns]}::char(9)[])
    order by a.start_date desc, a.toewijzing_nummer::bigint desc`.execute(tx);
  return r.rows.map(toRecord);
}

export async function findAllocationsOfProvision(tx: Tx, grantedProvisionId: string): Promise<AllocationRecord[]> {
  const r = await sql<AllocationRow>`select ${columns} from allocations a
    where a.granted_provision_id = ${grantedProvisionId}::uuid order by a.start_date`.execute(tx);
  return r.rows.map(toRecord);
}

export interface ProviderFilter { status?: AllocationStatus | undefined; category?: string | undefined; from?: string | undefined; to?: string | undefined; law?: 'wmo' | 'jeugdwet' | undefined; limit: number }

export async function findAllocationsOfProvider(tx: Tx, providerId: string, f: ProviderFilter): Promise<AllocationRecord[]> {
  const standard = f.law === undefined ? null : f.law === 'wmo' ? 'iwmo' : 'ijw';
  const r = await sql<AllocationRow>`select ${columns} from allocations a
    where a.municipality_code = current_setting('app.municipality', true)::char(4) and a.provider_id = ${providerId}::uuid
      and (${f.status ?? null}::text is null or a.status = ${f.status ?? null})
      and (${standard}::text is null or a.standard = ${standard})
      and (${f.category ?? null}::text is null or a.category = ${f.category ?? null})
      and (${f.to ?? null}::date is null or a.start_date <= ${f.to ?? null}::date)
      and (${f.from ?? null}::date is null or a.end_date is null or a.end_date >= ${f.from ?? null}::date)
    order by a.start_date desc, a.toewijzing_nummer::bigint desc
    limit ${f.limit}`.execute(tx);
  return r.rows.map(toRecord);
}

export async function findAllocationHistory(tx: Tx, allocationId: string): Promise<AllocationDetail['history']> {
  const r = await sql<{ kind: 'created' | 'changed' | 'ended' | 'withdrawn'; reason: string | null; changed_at: Date | string; changed_by: string; state: Record<string, unknown> | string }>`
    select kind, reason, changed_at, changed_by, state from allocation_changes where allocation_id = ${allocationId}::uuid order by changed_at, id`.execute(tx);
  return r.rows.map((c) => ({ kind: c.kind, reason: c.reason, changedAt: iso(c.changed_at), changedBy: c.changed_by, state: typeof c.state === 'string' ? (JSON.parse(c.state) as Record<string, unknown>) : c.state }));
}

/** The time of the allocation's latest change: a new change is written strictly after it, so the history keeps its order. */
export async function lastChangeAt(tx: Tx, allocationId: string): Promise<Date | null> {
  const r = await sql<{ at: Date | string | null }>`select max(changed_at) as at from allocation_changes where allocation_id = ${allocationId}::uuid`.execute(tx);
  const at = r.rows[0]?.at;
  return at ? new Date(at) : null;
}

/** Marks the state sent at `sentAt` (ToewijzingDatumTijd) as acknowledged; a later state stays unacknowledged. */
export async function setAcknowledged(tx: Tx, nummer: string, sentAt: string, at: string): Promise<boolean> {
  const r = await sql<{ id: string }>`update allocations set acknowledged_at = ${at}::timestamptz
    where toewijzing_nummer = ${nummer} and allocated_at <= ${sentAt}::timestamptz returning id`.execute(tx);
  return r.rows.length > 0;
}
