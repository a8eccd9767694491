import { sql, type TableRow, type Tx } from '@kern/db';
import type { VtlbNormTable } from './vtlb-norms';
import type { VtlbInput, VtlbResult } from './vtlb';

// SQL only: norm tables, VTLB calculations, solutions and offers.

const day = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null);

export async function findNormTables(tx: Tx): Promise<VtlbNormTable[]> {
  const rows = await tx.selectFrom('debt_norm_tables').select('document').orderBy('valid_from').$narrowType<{ document: VtlbNormTable }>().execute();
  return rows.map((x) => x.document);
}

export async function insertNormTable(tx: Tx, municipalityCode: string, t: VtlbNormTable, by: string, at: Date): Promise<void> {
  await tx
    .insertInto('debt_norm_tables')
    .values({
      municipality_code: municipalityCode, valid_from: t.validFrom, valid_until: t.validUntil, document: sql`${JSON.stringify(t)}::jsonb`,
      created_by: by, created_at: at.toISOString(),
    })
    .execute();
}

export async function overlappingNormTables(tx: Tx, from: string, until: string): Promise<string[]> {
  const rows = await tx.selectFrom('debt_norm_tables').select('valid_from').where('valid_from', '<=', until).where('valid_until', '>=', from).execute();
  return rows.map((x) => day(x.valid_from) ?? '');
}

export interface VtlbRow { id: string; referenceDate: string; input: VtlbInput; result: VtlbResult; vtlbCents: number; capacityCents: number; calculatedAt: string }

export async function insertVtlb(tx: Tx, v: { id: string; municipalityCode: string; debtFileId: string; referenceDate: string; normValidFrom: string; input: unknown; result: VtlbResult; at: Date; by: string }): Promise<void> {
  await tx
    .insertInto('debt_vtlb_calculations')
    .values({
      id: v.id, municipality_code: v.municipalityCode, debt_file_id: v.debtFileId, reference_date: v.referenceDate, norm_valid_from: v.normValidFrom,
      input: sql`${JSON.stringify(v.input)}::jsonb`, result: sql`${JSON.stringify(v.result)}::jsonb`, vtlb_cents: v.result.vtlbCents,
      capacity_cents: v.result.capacityCents, calculated_at: v.at.toISOString(), calculated_by: v.by,
    })
    .execute();
}

export async function latestVtlb(tx: Tx, debtFileId: string): Promise<VtlbRow | undefined> {
  const x = await tx
    .selectFrom('debt_vtlb_calculations')
    .select(['id', 'reference_date', 'input', 'result', 'vtlb_cents', 'capacity_cents', 'calculated_at'])
    .where('debt_file_id', '=', debtFileId)
    .orderBy('calculated_at', 'desc')
    .orderBy('id')
    .limit(1)
    .$narrowType<{ input: VtlbInput; result: VtlbResult }>()
    .executeTakeFirst();
  return x ? { id: x.id, referenceDate: day(x.reference_date) ?? '', input: x.input, result: x.result, vtlbCents: Number(x.vtlb_cents), capacityCents: Number(x.capacity_cents), calculatedAt: new Date(x.calculated_at).toISOString() } : undefined;
}

export type SolutionKind = 'payment-arrangement' | 'debt-mediation' | 'sanitation-credit' | 'zero-offer';
export interface SolutionRow {
  id: string; debtFileId: string; kind: SolutionKind; status: 'proposed' | 'agreed' | 'rejected' | 'withdrawn'; vtlbCalculationId: string; termMonths: number;
  capacityCents: number; totalClaimsCents: number; availableCents: number; payoutBasisPoints: number; lender: string | null; proposedOn: string; agreedOn: string | null;
}
export interface OfferRow { id: string; solutionId: string; debtId: string; creditorId: string; creditorName: string; category: string; claimCents: number; offeredCents: number; status: 'sent' | 'accepted' | 'rejected'; respondedOn: string | null }

export async function insertSolution(tx: Tx, municipalityCode: string, s: Omit<SolutionRow, 'status' | 'agreedOn'>, by: string): Promise<void> {
  await tx
    .insertInto('debt_solutions')
    .values({
      id: s.id, municipality_code: municipalityCode, debt_file_id: s.debtFileId, kind: s.kind, status: 'proposed', vtlb_calculation_id: s.vtlbCalculationId,
      term_months: s.termMonths, capacity_cents: s.capacityCents, total_claims_cents: s.totalClaimsCents, available_cents: s.availableCents,
      payout_basis_points: s.payoutBasisPoints, lender: s.lender, proposed_on: s.proposedOn, proposed_by: by,
    })
    .execute();
}

export async function insertOffers(tx: Tx, municipalityCode: string, offers: { id: string; solutionId: string; debtId: string; claimCents: number; offeredCents: number }[]): Promise<void> {
  for (const o of offers) {
    await tx
      .insertInto('debt_offers')
      .values({ id: o.id, municipality_code: municipalityCode, solution_id: o.solutionId, debt_id: o.debtId, claim_cents: o.claimCents, offered_cents: o.offeredCents, status: 'sent' })
      .execute();
  }
}

type SolDb = TableRow<
  'debt_solutions',
  'id' | 'debt_file_id' | 'vtlb_calculation_id' | 'term_months' | 'capacity_cents' | 'total_claims_cents' | 'available_cents' | 'payout_basis_points' | 'lender' | 'proposed_on' | 'agreed_on'
> & { kind: SolutionKind; status: SolutionRow['status'] };
const toSolution = (x: SolDb): SolutionRow => ({
  id: x.id, debtFileId: x.debt_file_id, kind: x.kind, status: x.status, vtlbCalculationId: x.vtlb_calculation_id, termMonths: x.term_months, capacityCents: Number(x.capacity_cents),
  totalClaimsCents: Number(x.total_claims_cents), availableCents: Number(x.available_cents), payoutBasisPoints: x.payout_basis_points, lender: x.lender, proposedOn: day(x.proposed_on) ?? '', agreedOn: day(x.agreed_on),
});

export async function findLiveSolution(tx: Tx, debtFileId: string): Promise<SolutionRow | undefined> {
  const x = await tx
    .selectFrom('debt_solutions')
    .selectAll()
    .where('debt_file_id', '=', debtFileId)
    .where('status', 'in', ['proposed', 'agreed'])
    .$narrowType<{ kind: SolutionKind; status: SolutionRow['status'] }>()
    .executeTakeFirst();
  return x ? toSolution(x) : undefined;
}

export async function findOffers(tx: Tx, solutionId: string): Promise<OfferRow[]> {
  const r = await sql<
    TableRow<'debt_offers', 'id' | 'solution_id' | 'debt_id' | 'claim_cents' | 'offered_cents' | 'responded_on'> & TableRow<'debts', 'creditor_id' | 'category'> &
      TableRow<'debt_creditors', 'name'> & { status: OfferRow['status'] }
  >`
    select o.id, o.solution_id, o.debt_id, d.creditor_id, c.name, d.category, o.claim_cents, o.offered_cents, o.status, o.responded_on
    from debt_offers o join debts d on d.id = o.debt_id join debt_creditors c on c.id = d.creditor_id
    where o.solution_id = ${solutionId}::uuid order by c.name, o.id`.execute(tx);
  return r.rows.map((x) => ({ id: x.id, solutionId: x.solution_id, debtId: x.debt_id, creditorId: x.creditor_id, creditorName: x.name, category: x.category, claimCents: Number(x.claim_cents), offeredCents: Number(x.offered_cents), status: x.status, respondedOn: day(x.responded_on) }));
}

export async function setOfferResponse(tx: Tx, offerId: string, status: 'accepted' | 'rejected', on: string): Promise<void> {
  await tx.updateTable('debt_offers').set({ status, responded_on: on }).where('id', '=', offerId).execute();
}

export async function setSolutionStatus(tx: Tx, id: string, status: SolutionRow['status'], agreedOn: string | null): Promise<void> {
  await tx.updateTable('debt_solutions').set({ status, agreed_on: agreedOn }).where('id', '=', id).execute();
}
