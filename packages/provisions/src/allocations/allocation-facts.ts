import { isoDay, sql, type Tx } from '@kern/db';

/**
 * Allocation facts for the exchange (invoices checked against allocations, the regie messages),
 * so that it does not read the allocations table. Each runs in the caller's transaction under
 * the caller's municipality (row-level security): the exchange has checked the message and its
 * sender before it asks.
 */
export interface AllocationFacts {
  id: string;
  toewijzingNummer: string;
  subjectBsn: string;
  providerAgb: string;
  standard: 'iwmo' | 'ijw';
  category: string;
  productCode: string | null;
  startDate: string;
  endDate: string | null;
  volume: number | null;
  unit: string | null;
  frequency: string | null;
  budgetCents: number | null;
  changeReason: string | null;
  /** 'ended': an einddatum was set by an ending; 'withdrawn': removed (RedenWijziging 13) */
  status: 'active' | 'ended' | 'withdrawn';
  allocatedAt: Date;
}

interface RawAllocation {
  id: string; toewijzing_nummer: string; subject_bsn: string; provider_agb: string; standard: 'iwmo' | 'ijw'; category: string; product_code: string | null;
  start_date: string | Date; end_date: string | Date | null; volume: number | null; unit: string | null; frequency: string | null; budget_cents: string | number | null;
  change_reason: string | null; status: AllocationFacts['status']; allocated_at: Date | string;
}

const columns = sql`id, toewijzing_nummer, subject_bsn, provider_agb, standard, category, product_code, start_date, end_date, volume, unit, frequency,
  budget_cents, change_reason, status, allocated_at`;

const toFacts = (a: RawAllocation): AllocationFacts => ({
  id: a.id,
  toewijzingNummer: a.toewijzing_nummer,
  subjectBsn: a.subject_bsn,
  providerAgb: a.provider_agb,
  standard: a.standard,
  category: a.category,
  productCode: a.product_code,
  startDate: isoDay(a.start_date),
  endDate: a.end_date === null ? null : isoDay(a.end_date),
  volume: a.volume === null ? null : Number(a.volume),
  unit: a.unit,
  frequency: a.frequency,
  budgetCents: a.budget_cents === null ? null : Number(a.budget_cents),
  changeReason: a.change_reason,
  status: a.status,
  allocatedAt: new Date(a.allocated_at),
});

/**
 * The allocations with these numbers (any client: TR304 must see a mismatch), of one
 * municipality and one provider where given; otherwise row-level security alone scopes them.
 */
export async function allocationFactsByNumbers(tx: Tx, q: { municipalityCode?: string | undefined; providerAgb?: string | undefined; numbers: readonly string[] }): Promise<AllocationFacts[]> {
  if (q.numbers.length === 0) return [];
  const r = await sql<RawAllocation>`select ${columns} from allocations
    where toewijzing_nummer = any(${[...q.numbers]}::text[])
      ${q.municipalityCode === undefined ? sql`` : sql`and municipality_code = ${q.municipalityCode}`}
      ${q.providerAgb === undefined ? sql`` : sql`and provider_agb = ${q.providerAgb}`}
    order by toewijzing_nummer`.execute(tx);
  return r.rows.map(toFacts);
}

export async function allocationFactsByIds(tx: Tx, ids: readonly string[]): Promise<AllocationFacts[]> {
  if (ids.length === 0) return [];
  const r = await sql<RawAllocation>`select ${columns} from allocations where id = any(${[...ids]}::uuid[]) order by toewijzing_nummer`.execute(tx);
  return r.rows.map(toFacts);
}

/** OP087 / TR349: the client's allocations at the provider under the standard that are not withdrawn and not ended before a date. */
export async function currentAllocationFacts(tx: Tx, q: { bsn: string; providerAgb: string; standard: 'iwmo' | 'ijw'; on: string }): Promise<AllocationFacts[]> {
  const r = await sql<RawAllocation>`select ${columns} from allocations
    where subject_bsn = ${q.bsn} and provider_agb = ${q.providerAgb} and standard = ${q.standard} and status <> 'withdrawn'
      and (end_date is null or end_date >= ${q.on}::date) order by toewijzing_nummer`.execute(tx);
  return r.rows.map(toFacts);
}
