import { authorize, countView, holdsPersonalData, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { accountBalances, cohortFigures } from './fund.repository';
import type { FundDashboard } from '../contract/fund.schema';

/** Cohorts with fewer residents are shown without figures: aggregates only, no small cells. */
export const SMALL_CELL_THRESHOLD = 5;

/**
 * Primary: cohorts under the threshold. Complementary: the totals are the sum of the cohorts, so
 * one hidden cohort alone could be recovered by subtraction; then the smallest other goes too.
 */
export function hiddenCohorts(cohorts: readonly { cohort: string; residents: number }[]): Set<string> {
  const hidden = new Set(cohorts.filter((c) => c.residents < SMALL_CELL_THRESHOLD).map((c) => c.cohort));
  if (hidden.size === 1) {
    const next = cohorts.filter((c) => !hidden.has(c.cohort)).sort((a, b) => a.residents - b.residents || a.cohort.localeCompare(b.cohort))[0];
    if (next) hidden.add(next.cohort);
  }
  return hidden;
}

const rate = (part: number, whole: number): number => (whole > 0 ? Number((BigInt(part) * 10_000n) / BigInt(whole)) : 0);

/**
 * The fund dashboard: exposure (what residents still owe), repaid and forgiven, per cohort (the
 * month of take-over) and in total, with the fund's cash and what it still owes creditors.
 * Aggregates only: no resident, no file, and cohorts under the threshold suppressed.
 */
export async function readFundDashboard(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<FundDashboard> {
  await authorize(services, tx, ctx, { resource: 'debt-fund-aggregates', action: 'read', detail: 'debt fund dashboard (aggregates)' });
  const cohorts = await cohortFigures(tx);
  const balances = await accountBalances(tx);
  const sum = (f: (c: (typeof cohorts)[number]) => number) => cohorts.reduce((s, c) => s + f(c), 0);
  const totals = {
    residents: sum((c) => c.residents),
    takenOverCents: sum((c) => c.takenOverCents),
    exposureCents: sum((c) => c.exposureCents),
    repaidCents: sum((c) => c.repaidCents),
    forgivenCents: sum((c) => c.forgivenCents),
    cashCents: balances.cash,
    payableCents: -balances.payable,
  };
  const hidden = hiddenCohorts(cohorts);
  const { document } = await services.policies.get(tx, ctx.actor.municipalityCode);
  const counts = countView(holdsPersonalData(document, ctx.actor.roles));
  return {
    totals: { ...totals, residents: counts.count(totals.residents), repaymentRateBasisPoints: rate(totals.repaidCents, totals.takenOverCents) },
    cohorts: cohorts.map((c) =>
      hidden.has(c.cohort)
        ? { cohort: c.cohort, suppressed: true, residents: null, takenOverCents: null, exposureCents: null, repaidCents: null, forgivenCents: null, repaymentRateBasisPoints: null }
        : { cohort: c.cohort, suppressed: false, residents: c.residents, takenOverCents: c.takenOverCents, exposureCents: c.exposureCents, repaidCents: c.repaidCents, forgivenCents: c.forgivenCents, repaymentRateBasisPoints: rate(c.repaidCents, c.takenOverCents) },
    ),
    smallCellThreshold: SMALL_CELL_THRESHOLD,
  };
}
