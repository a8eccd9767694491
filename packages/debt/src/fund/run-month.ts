import { authorize, runAsTenant, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, withTenant, type AnyDb } from '@kern/db';
import { invalidInput } from '@kern/kit';
import { parseOrRefuse } from './fund-access';
import { addToMonthRun, bookRepaymentChunk, closeEndedTerms, countBookedRepayments, countRepaying, startMonthRun } from './fund.repository';
import { runMonthInputSchema, type MonthRunResult } from '../contract/fund.schema';
import { periodOf } from './ledger';

export const RUN_CHUNK = 20_000;

/** How many residents of a municipality repay in a month: a count only (no personal data), for a progress bar before runMonth. */
export async function countRepayingInMonth(db: AnyDb, municipalityCode: string, period: string): Promise<number> {
  return withTenant(db, municipalityCode, (tx) => countRepaying(tx, period));
}

/** N even ranges of the uuid space, as [from, to) bounds on the first 16 bits (to: null is open). */
export function idRanges(n: number): { fromId: string; toId: string | null }[] {
  const bound = (k: number) => `${Math.floor((k * 0x10000) / n).toString(16).padStart(4, '0')}0000-0000-0000-0000-000000000000`;
  return Array.from({ length: n }, (_, k) => ({ fromId: bound(k), toId: k === n - 1 ? null : bound(k + 1) }));
}

export interface RunMonthOptions {
  /** About this many residents per transaction: a crash loses at most one chunk, which the next run books. */
  chunk?: number;
  onProgress?: (booked: number) => void;
}

/**
 * The monthly run: books every repaying resident's repayment for the month, set-based, one
 * statement per chunk of residents, each chunk its own transaction. Idempotent: the same month
 * run twice books once (a unique index per resident and month; a rerun skips what is booked),
 * and a run that crashed halfway resumes where it stopped. Then the terms that ended are
 * closed and what is left is forgiven. A month in the future or a malformed one is refused.
 * It runs its own transactions, so it takes the services, not a transaction.
 */
export async function runMonth(services: AccessServices, ctx: AccessContext, raw: { period: string }, options: RunMonthOptions = {}): Promise<MonthRunResult> {
  const { period } = parseOrRefuse(runMonthInputSchema, raw, { nl: 'De maand moet de vorm JJJJ-MM hebben.', en: 'The month must be given as YYYY-MM.' });
  const today = isoDay(services.clock.now());
  if (period > periodOf(today)) {
    throw invalidInput({ nl: `De maand ${period} ligt in de toekomst; er is niets geboekt.`, en: `The month ${period} is in the future; nothing was booked.` }, [{ name: 'period', reason: 'in the future' }]);
  }
  const municipalityCode = ctx.actor.municipalityCode;
  const chunk = options.chunk ?? RUN_CHUNK;
  const alreadyBooked = await runAsTenant(services, ctx, async (tx) => {
    await authorize(services, tx, ctx, { resource: 'debt-fund-run', action: 'create', detail: `debt fund monthly run ${period}` });
    await startMonthRun(tx, municipalityCode, period, services.clock.now());
    return { booked: await countBookedRepayments(tx, period), repaying: await countRepaying(tx, period) };
  });
  let bookedCount = 0;
  let bookedCents = 0;
  for (const range of idRanges(Math.max(1, Math.ceil(alreadyBooked.repaying / chunk)))) {
    const r = await runAsTenant(services, ctx, async (tx) => {
      const booked = await bookRepaymentChunk(tx, { municipalityCode, period, bookedOn: today, ...range });
      if (booked.count > 0) await addToMonthRun(tx, period, { booked: booked.count, bookedCents: booked.cents, forgiven: 0, forgivenCents: 0 });
      return booked;
    });
    bookedCount += r.count;
    bookedCents += r.cents;
    options.onProgress?.(bookedCount);
  }
  const ended = await runAsTenant(services, ctx, async (tx) => {
    const closed = await closeEndedTerms(tx, { municipalityCode, period, bookedOn: today });
    await addToMonthRun(tx, period, { booked: 0, bookedCents: 0, forgiven: closed.count, forgivenCents: closed.cents, completedAt: services.clock.now() });
    // Aggregates only: a pseudonymous run reference, no resident in it.
    await appendDomainEvents(tx, [
      ...(bookedCount > 0 ? [{ municipalityCode, type: 'fund.repayments-booked', occurredOn: today, subjectRef: `fund-run:${period}`, law: 'wgs' as const, data: { period, count: bookedCount, cents: bookedCents } }] : []),
      ...(closed.count > 0 ? [{ municipalityCode, type: 'fund.debt-forgiven', occurredOn: today, subjectRef: `fund-run:${period}`, law: 'wgs' as const, data: { reason: 'end-of-term', period, count: closed.count, cents: closed.cents } }] : []),
    ]);
    return closed;
  });
  return { period, bookedCount, bookedCents, forgivenCount: ended.count, forgivenCents: ended.cents, alreadyBooked: alreadyBooked.booked };
}
