import { recordAccess, type AccessContext, type AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { loadFileForFund, notInFund } from './fund-access';
import { findFundDebts, findMilestones, findParticipationOfFile, findReceivablePostings } from './fund.repository';
import type { Statement } from '../contract/fund.schema';
import { periodOf, periodsBetween } from './ledger';

/**
 * The resident's statement: what the fund took over from whom, every repayment and forgiveness
 * with the balance after it, and the months left. Audited for the resident and the household
 * members named on the file (the statement is about their shared debts).
 */
export async function readFundStatement(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string): Promise<Statement> {
  const { file, grant } = await loadFileForFund(services, tx, ctx, debtFileId, 'read', 'statement');
  if (file.householdBsns.length > 0) {
    await recordAccess(services, tx, ctx, grant, file.householdBsns.map((bsn) => ({ resource: 'debt-fund', action: 'read', subjectBsn: bsn, detail: `debt fund statement, file ${file.reference} (household)` })));
  }
  const p = await findParticipationOfFile(tx, debtFileId);
  if (!p) throw notInFund();
  const [debts, postings, milestones] = [await findFundDebts(tx, p.id), await findReceivablePostings(tx, p.id), await findMilestones(tx, p.id)];
  let balance = 0;
  const lines = postings.map((x) => {
    balance += x.amountCents;
    return { bookedOn: x.bookedOn, period: x.period, kind: x.kind, amountCents: x.amountCents, balanceAfterCents: balance };
  });
  const now = periodOf(isoDay(services.clock.now()));
  const from = now > p.firstPeriod ? now : p.firstPeriod;
  const monthsLeft = p.status === 'completed' ? 0 : Math.max(0, Math.min(p.termMonths, periodsBetween(from, p.lastPeriod) + 1));
  const { termsVersion: _v, ...participation } = p;
  return { participation, debts, lines, monthsLeft, milestones };
}
