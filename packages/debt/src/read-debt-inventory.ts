import { recordAccess, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { debtCategories, type Debt, type DebtInventory } from './contract/debt.schema';
import { findDebts } from './debt.repository';
import { loadDebtFileFor } from './debt-file-access';

export function inventoryTotals(debts: readonly Debt[]): DebtInventory['totals'] {
  const verified = (d: Debt): number => (d.status === 'verified' ? (d.verifiedCents ?? 0) : 0);
  return {
    count: debts.length,
    claimedCents: debts.reduce((s, d) => s + d.claimedCents, 0),
    verifiedCents: debts.reduce((s, d) => s + verified(d), 0),
    disputedCount: debts.filter((d) => d.status === 'disputed').length,
    byCategory: debtCategories.map((category) => {
      const of = debts.filter((d) => d.category === category);
      return { category, count: of.length, claimedCents: of.reduce((s, d) => s + d.claimedCents, 0), verifiedCents: of.reduce((s, d) => s + verified(d), 0) };
    }),
  };
}

/**
 * The debt inventory of a file: creditors, debts by DDAS category, status and evidence. For the
 * counsellor's page and for the debt fund's take-over. Every household member named in the file
 * gets an audit record of this read.
 */
export async function readDebtInventory(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string): Promise<DebtInventory> {
  const { file, grant } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'read', 'inventory');
  await recordAccess(services, tx, ctx, grant, file.householdBsns.map((bsn) => ({ resource: 'debt-file' as const, action: 'read' as const, subjectBsn: bsn, detail: `household member in debt file ${file.reference}` })));
  const debts = await findDebts(tx, file.id);
  return { file, debts, totals: inventoryTotals(debts) };
}
