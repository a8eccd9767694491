import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { invalidInput, newId } from '@kern/kit';
import type { z } from 'zod';
import { payCreditorsInputSchema } from '../contract/fund.schema';
import { parseOrRefuse } from './fund-access';
import { accountBalances, findOpenPayables, insertEntry } from './fund.repository';
import { planPayouts, payoutPostings } from './ledger';

export { payCreditorsInputSchema } from '../contract/fund.schema';

/**
 * Pays creditors from the fund's cash, pro rata to what the fund still owes each (per resident
 * and creditor), by largest-remainder rounding: the payouts sum exactly to the amount, and no
 * creditor receives more than the fund owes it. Paying more than the fund holds is refused.
 */
export async function payCreditors(services: AccessServices, tx: Tx, ctx: AccessContext, raw: z.input<typeof payCreditorsInputSchema>): Promise<{ paidCents: number; payouts: number }> {
  const input = parseOrRefuse(payCreditorsInputSchema, raw, { nl: 'Het bedrag moet een positief aantal centen zijn.', en: 'The amount must be a positive number of cents.' });
  await authorize(services, tx, ctx, { resource: 'debt-fund-run', action: 'create', detail: 'debt fund payout to creditors' });
  const { cash } = await accountBalances(tx);
  if (input.amountCents > cash) {
    throw invalidInput({ nl: 'Het fonds heeft niet zoveel geld; er is niets geboekt.', en: 'The fund does not hold that much cash; nothing was booked.' }, [{ name: 'amountCents', reason: `more than the cash of ${cash} cents` }]);
  }
  const open = await findOpenPayables(tx);
  const plan = planPayouts(input.amountCents, open.map((o) => ({ key: o, openCents: o.openCents })));
  const postings = payoutPostings(plan.map((p) => ({ participationId: p.key.participationId, creditorId: p.key.creditorId, payCents: p.payCents })));
  const paidCents = plan.reduce((s, p) => s + p.payCents, 0);
  const today = isoDay(services.clock.now());
  await insertEntry(tx, { entryId: newId(), municipalityCode: ctx.actor.municipalityCode, kind: 'payout', bookedOn: today }, postings);
  if (paidCents > 0) {
    await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'fund.creditors-paid', occurredOn: today, subjectRef: `fund-payout:${today}`, law: 'wgs', data: { paidCents, payouts: plan.filter((p) => p.payCents > 0).length } }]);
  }
  return { paidCents, payouts: plan.filter((p) => p.payCents > 0).length };
}
