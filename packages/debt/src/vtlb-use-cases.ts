import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { conflict, invalidInput, newId } from '@kern/kit';
import { loadDebtFileFor } from './debt-file-access';
import { findNormTables, insertNormTable, insertVtlb, latestVtlb, overlappingNormTables, type VtlbRow } from './solutions.repository';
import { computeVtlb, vtlbInputSchema, type VtlbInput, type VtlbResult } from './vtlb';
import { normTableOn, shippedNormTables, vtlbNormTableSchema, type VtlbNormTable, type VtlbNormTableInput } from './vtlb-norms';

export { calculateVtlbInputSchema, vtlbLineSchema } from './contract/vtlb.schema';

/** The norm tables in force for the municipality: its own stored ones, then the shipped ones for periods it has not stored. */
export async function listNormTables(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<{ own: VtlbNormTable[]; shipped: readonly VtlbNormTable[] }> {
  await authorize(services, tx, ctx, { resource: 'debt-norms', action: 'read' });
  return { own: await findNormTables(tx), shipped: shippedNormTables };
}

/** An administrator stores the next half year's norms; periods never overlap, a stored table never changes. */
export async function storeNormTable(services: AccessServices, tx: Tx, ctx: AccessContext, raw: VtlbNormTableInput | Record<string, unknown>): Promise<VtlbNormTable> {
  await authorize(services, tx, ctx, { resource: 'debt-norms', action: 'create', detail: `norm table from ${String((raw as { validFrom?: unknown }).validFrom)}` });
  const parsed = vtlbNormTableSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalidInput({ nl: 'De normtabel is niet geldig.', en: 'The norm table is not valid.' }, parsed.error.issues.map((i) => ({ name: i.path.join('.') || 'table', reason: i.message })));
  }
  const t = parsed.data;
  const overlap = await overlappingNormTables(tx, t.validFrom, t.validUntil);
  if (overlap.length > 0) throw conflict({ nl: `Er is al een normtabel voor deze periode (vanaf ${overlap.join(', ')}).`, en: `A norm table already covers this period (from ${overlap.join(', ')}).` });
  await insertNormTable(tx, ctx.actor.municipalityCode, t, ctx.actor.id, services.clock.now());
  return t;
}


/** Computes and stores the VTLB and repayment capacity of a file with the norms valid on the reference date. */
export async function calculateVtlb(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, raw: Omit<VtlbInput, 'referenceDate'> & { referenceDate?: string }): Promise<{ calculationId: string; result: VtlbResult }> {
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'update', 'VTLB');
  const now = services.clock.now();
  const input = { ...raw, referenceDate: raw.referenceDate ?? isoDay(now) };
  const parsed = vtlbInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput({ nl: 'Het VTLB kan niet worden berekend: controleer de invoer.', en: 'The VTLB cannot be computed: check the input.' }, parsed.error.issues.map((i) => ({ name: i.path.join('.') || 'input', reason: i.message })));
  const norms = normTableOn(parsed.data.referenceDate, await findNormTables(tx), shippedNormTables);
  if (!norms) throw invalidInput({ nl: `Er is geen normtabel voor ${parsed.data.referenceDate}.`, en: `There is no norm table for ${parsed.data.referenceDate}.` }, [{ name: 'referenceDate', reason: 'no norm table' }]);
  const result = computeVtlb(parsed.data, norms);
  const calculationId = newId();
  await insertVtlb(tx, { id: calculationId, municipalityCode: ctx.actor.municipalityCode, debtFileId: file.id, referenceDate: parsed.data.referenceDate, normValidFrom: norms.validFrom, input: parsed.data, result, at: now, by: ctx.actor.id });
  return { calculationId, result };
}

export async function readLatestVtlb(tx: Tx, debtFileId: string): Promise<VtlbRow | undefined> {
  return latestVtlb(tx, debtFileId);
}
