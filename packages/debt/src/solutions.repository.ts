import { sql, type Tx } from '@kern/db';
import type { VtlbNormTable } from './vtlb-norms';
import type { VtlbInput, VtlbResult } from './vtlb';

// SQL only: norm tables, VTLB calculations, solutions and offers.

const day = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null);

export async function findNormTables(tx: Tx): Promise<VtlbNormTable[]> {
  const r = await sql<{ document: VtlbNormTable }>`select document from debt_norm_tables order by valid_from`.execute(tx);
  return r.rows.map((x) => x.document);
}

export async function insertNormTable(tx: Tx, municipalityCode: string, t: VtlbNormTable, by: string, at: Date): Promise<void> {
  await sql`insert into debt_norm_tables (municipality_code, valid_from, valid_until, document, created_by, created_at)
    values (${municipalityCode}, ${t.validFrom}, ${t.validUntil}, ${JSON.stringify(t)}::jsonb, ${by}, ${at.toISOString()})`.execute(tx);
}

export async function overlappingNormTables(tx: Tx, from: string, until: string): Promise<string[]> {
  const r = await sql<{ valid_from: unknown }>`select valid_from from debt_norm_tables where valid_from <= ${until}::date and valid_until >= ${from}::date`.execute(tx);
  return r.rows.map((x) => day(x.valid_from) ?? '');
}

export interface VtlbRow { id: string; referenceDate: string; input: VtlbInput; result: VtlbResult; vtlbCents: number; capacityCents: number; calculatedAt: string }

export async function insertVtlb(tx: Tx, v: { id: string; municipalityCode: string; debtFileId: string; referenceDate: string; normValidFrom: string; input: unknown; result: VtlbResult; at: Date; by: string }): Promise<void> {
  await sql`insert into debt_vtlb_calculations (id, municipality_code, debt_file_id, reference_date, norm_valid_from, input, result, vtlb_cents, capacity_cents, calculated_at, calculated_by)
    values (${v.id}, ${v.municipalityCode}, ${v.debtFileId}, ${v.referenceDate}, ${v.normValidFrom}, ${JSON.stringify(v.input)}::jsonb, ${JSON.stringify(v.result)}::jsonb,
      ${v.result.vtlbCents}, ${v.result.capacityCents}, ${v.at.toISOString()}, ${v.by})`.execute(tx);
}

export async function latestVtlb(tx: Tx, debtFileId: string): Promise<VtlbRow | undefined> {
  const r = await sql<{ id: string; reference_date: unknown; input: VtlbInput; result: VtlbResult; vtlb_cents: string | number; capacity_cents: string | number; calculated_at: Date | string }>`
    select id, reference_date, input, result, vtlb_cents, capacity_cents, calculated_at from debt_vtlb_calculations
    where debt_file_id = ${debtFileId}::uuid order by calculated_at desc, id limit 1`.execute(tx);
  const x = r.rows[0];
  return x ? { id: x.id, referenceDate: day(x.reference_date) ?? '', input: x.input, result: x.result, vtlbCents: Number(x.vtlb_cents), capacityCents: Number(x.capacity_cents), calculatedAt: new Date(x.calculated_at).toISOString() } : undefined;
}

export type SolutionKind = 'payment-arrangement' | 'debt-mediation' | 'sanitation-credit' | 'zero-offer';
export interface SolutionRow {
  id: string; debtFileId: string; kind: SolutionKind; status: 'proposed' | 'agreed' | 'rejected' | 'withdrawn'; vtlbCalculationId: string; termMonths: number;
  capacityCents: number; totalClaimsCents: number; availableCents: number; payoutBasisPoints: number; lender: string | null; proposedOn: string; agreedOn: string | null;
}
export interface OfferRow { id: string; solutionId: string; debtId: string; creditorId: string; creditorName: string; category: string; claimCents: number; offeredCents: number; status: 'sent' | 'accepted' | 'rejected'; respondedOn: string | null }

export async function insertSolution(tx: Tx, municipalityCode: string, s: Omit<SolutionRow, 'status' | 'agreedOn'>, by: string): Promise<void> {
  await sql`insert into debt_solutions (id, municipality_code, debt_file_id, kind, status, vtlb_calculation_id, term_months, capacity_cents, total_claims_cents, available_cents,
      payout_basis_points, lender, proposed_on, proposed_by)
    values (${s.id}, ${municipalityCode}, ${s.debtFileId}, ${s.kind}, 'proposed', ${s.vtlbCalculationId}, ${s.termMonths}, ${s.capacityCents}, ${s.totalClaimsCents},
      ${s.availableCents}, ${s.payoutBasisPoints}, ${s.lender}, ${s.proposedOn}, ${by})`.execute(tx);
}

export async function insertOffers(tx: Tx, municipalityCode: string, offers: { id: string; solutionId: string; debtId: string; claimCents: number; offeredCents: number }[]): Promise<void> {
  for (const o of offers) {
    await sql`insert into debt_offers (id, municipality_code, solution_id, debt_id, claim_cents, offered_cents, status)
      values (${o.id}, ${municipalityCode}, ${o.solutionId}, ${o.debtId}, ${o.claimCents}, ${o.offeredCents}, 'sent')`.execute(tx);
  }
}

interface SolDb { id: string; debt_file_id: string; kind: SolutionKind; status: SolutionRow['status']; vtlb_calculation_id: string; term_months: number; capacity_cents: string | number; total_claims_cents: string | number; available_cents: string | number; payout_basis_points: number; lender: string | null; proposed_on: unknown; agreed_on: unknown }
const toSolution = (x: SolDb): SolutionRow => ({
  id: x.id, debtFileId: x.debt_file_id, kind: x.kind, status: x.status, vtlbCalculationId: x.vtlb_calculation_id, termMonths: x.term_months, capacityCents: Number(x.capacity_cents),
  totalClaimsCents: Number(x.total_claims_cents), availableCents: Number(x.available_cents), payoutBasisPoints: x.payout_basis_points, lender: x.lender, proposedOn: day(x.proposed_on) ?? '', agreedOn: day(x.agreed_on),
});

export async function findLiveSolution(tx: Tx, debtFileId: string): Promise<SolutionRow | undefined> {
  const r = await sql<SolDb>`select * from debt_solutions where debt_file_id = ${debtFileId}::uuid and status in ('proposed', 'agreed')`.execute(tx);
  return r.rows[0] ? toSolution(r.rows[0]) : undefined;
}

export async function findOffers(tx: Tx, solutionId: string): Promise<OfferRow[]> {
  const r = await sql<{ id: string; solution_id: string; debt_id: string; creditor_id: string; name: string; category: string; claim_cents: string | number; offered_cents: string | number; status: OfferRow['status']; responded_on: unknown }>`
    select o.id, o.solution_id, o.debt_id, d.creditor_id, c.name, d.category, o.claim_cents, o.offered_cents, o.status, o.responded_on
    from debt_offers o join debts d on d.id = o.debt_id join debt_creditors c on c.id = d.creditor_id
    where o.solution_id = ${solutionId}::uuid order by c.name, o.id`.execute(tx);
  return r.rows.map((x) => ({ id: x.id, solutionId: x.solution_id, debtId: x.debt_id, creditorId: x.creditor_id, creditorName: x.name, category: x.category, claimCents: Number(x.claim_cents), offeredCents: Number(x.offered_cents), status: x.status, respondedOn: day(x.responded_on) }));
}

export async function setOfferResponse(tx: Tx, offerId: string, status: 'accepted' | 'rejected', on: string): Promise<void> {
  await sql`update debt_offers set status = ${status}, responded_on = ${on}::date where id = ${offerId}::uuid`.execute(tx);
}

export async function setSolutionStatus(tx: Tx, id: string, status: SolutionRow['status'], agreedOn: string | null): Promise<void> {
  await sql`update debt_solutions set status = ${status}, agreed_on = ${agreedOn}::date where id = ${id}::uuid`.execute(tx);
}
