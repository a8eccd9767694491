import type { View } from '@kern/access';
import type { Tx } from '@kern/db';
import { findDebtFilesForMembers, findDebts } from './debt.repository';
import { inventoryTotals } from './read-debt-inventory';
import { findLiveSolution } from './solutions.repository';

/**
 * The debt-help section of the integral client view of a household. The caller (the client-view
 * module) has decided access for the household and passes the view its policy granted:
 * - `signal`: only that a trajectory runs and whom to contact ("a debt-help trajectory is running
 *   at team <team>; contact: <contact>"), never amounts, creditors or the solution;
 * - `full`: the trajectory, the debts and the solution as well.
 * It reads no BRP data and writes no audit record: the caller audits its own read of the household.
 * A closed file is left out, unless `includeClosed` (the resident's own AVG access request).
 */
export interface DebtHouseholdSection {
  law: 'wgs';
  signals: { debtFileId: string; memberBsn: string; text: { nl: string; en: string } }[];
  full?: {
    debtFileId: string;
    reference: string;
    memberBsn: string;
    status: string;
    teamName: string;
    contact: string;
    requestDate: string;
    debts: { creditorName: string; category: string; claimedCents: number; verifiedCents: number | null; status: string }[];
    totals: { count: number; claimedCents: number; verifiedCents: number };
    solution: { kind: string; status: string; payoutBasisPoints: number; termMonths: number } | null;
  }[];
}

export async function debtHouseholdSection(tx: Tx, memberBsns: readonly string[], view: View, opts: { includeClosed?: boolean } = {}): Promise<DebtHouseholdSection> {
  const files = (await findDebtFilesForMembers(tx, memberBsns)).filter((f) => opts.includeClosed === true || f.status !== 'closed');
  const signals = files.map((f) => ({
    debtFileId: f.id,
    memberBsn: f.subjectBsn,
    text: {
      nl: `Er loopt een schuldhulptraject bij team ${f.teamName}; contact: ${f.contact}.`,
      en: `A debt-help trajectory is running at team ${f.teamName}; contact: ${f.contact}.`,
    },
  }));
  if (view !== 'full') return { law: 'wgs', signals };
  const full: NonNullable<DebtHouseholdSection['full']> = [];
  for (const f of files) {
    const debts = await findDebts(tx, f.id);
    const totals = inventoryTotals(debts);
    const solution = await findLiveSolution(tx, f.id);
    full.push({
      debtFileId: f.id, reference: f.reference, memberBsn: f.subjectBsn, status: f.status, teamName: f.teamName, contact: f.contact, requestDate: f.requestDate,
      debts: debts.map((d) => ({ creditorName: d.creditor.name, category: d.category, claimedCents: d.claimedCents, verifiedCents: d.verifiedCents, status: d.status })),
      totals: { count: totals.count, claimedCents: totals.claimedCents, verifiedCents: totals.verifiedCents },
      solution: solution ? { kind: solution.kind, status: solution.status, payoutBasisPoints: solution.payoutBasisPoints, termMonths: solution.termMonths } : null,
    });
  }
  return { law: 'wgs', signals, full };
}
