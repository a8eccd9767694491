import type { AccessContext, AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { invalidInput, newId } from '@kern/kit';
import { fundTermsOn, loadFileForFund, notInFund, parseOrRefuse } from './fund-access';
import { addForgiven, countMilestones, findParticipationOfFile, insertEntry, insertMilestone } from './fund.repository';
import { milestoneInputSchema, type MilestoneInput } from '../contract/fund.schema';
import { forgivenessPostings, milestoneForgivenessCents } from './ledger';

export interface MilestoneResult {
  /** False when this goal was recorded before: nothing is forgiven twice. */
  recorded: boolean;
  forgivenCents: number;
  balanceCents: number;
}

/**
 * A plan goal marked as a milestone was reached: the fund forgives the share of the remaining
 * debt its terms set, at most `maxMilestones` times per resident, never more than the balance.
 * Plans live in another module; the integrator calls this when a milestone goal is reached
 * (`goalRef` is the plan's pseudonymous goal id). Recording the same goal twice forgives once.
 */
export async function recordMilestoneReached(services: AccessServices, tx: Tx, ctx: AccessContext, raw: MilestoneInput): Promise<MilestoneResult> {
  const input = parseOrRefuse(milestoneInputSchema, raw, { nl: 'De mijlpaal kan niet worden vastgelegd: controleer de invoer.', en: 'The milestone cannot be recorded: check the input.' });
  const { file } = await loadFileForFund(services, tx, ctx, input.debtFileId, 'update', `milestone ${input.goalRef}`);
  if (input.reachedOn > isoDay(services.clock.now())) {
    throw invalidInput({ nl: 'Een mijlpaal kan niet in de toekomst bereikt zijn.', en: 'A milestone cannot be reached in the future.' }, [{ name: 'reachedOn', reason: 'after today' }]);
  }
  const p = await findParticipationOfFile(tx, input.debtFileId, true);
  if (!p) throw notInFund();
  const { terms } = await fundTermsOn(tx, p.decisionOn);
  const rewarded = await countMilestones(tx, p.id);
  const forgivenCents = p.status === 'repaying' && rewarded < terms.forgiveness.maxMilestones ? milestoneForgivenessCents(p.balanceCents, terms.forgiveness.milestoneShareBasisPoints) : 0;
  const recorded = await insertMilestone(tx, { municipalityCode: ctx.actor.municipalityCode, participationId: p.id, goalRef: input.goalRef, reachedOn: input.reachedOn, forgivenCents });
  if (!recorded) return { recorded: false, forgivenCents: 0, balanceCents: p.balanceCents };
  if (forgivenCents > 0) {
    await insertEntry(tx, { entryId: newId(), municipalityCode: ctx.actor.municipalityCode, kind: 'forgiveness', bookedOn: input.reachedOn }, forgivenessPostings(p.id, forgivenCents));
    await addForgiven(tx, p.id, forgivenCents, forgivenCents === p.balanceCents);
  }
  // The insight vocabulary's name (docs/insight.md), per participant, so forgiveness sums per client.
  await appendDomainEvents(tx, [{
    municipalityCode: ctx.actor.municipalityCode, type: 'debt.amount-forgiven', occurredOn: input.reachedOn, subjectRef: p.id, law: 'wgs', teamId: file.teamId,
    data: { reason: 'milestone', amountCents: forgivenCents, balanceCents: p.balanceCents - forgivenCents, cohort: p.cohort },
  }]);
  return { recorded: true, forgivenCents, balanceCents: p.balanceCents - forgivenCents };
}
