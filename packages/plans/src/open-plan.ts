import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { conflict, DomainError, invalidInput, isValidBsn, newId } from '@kern/kit';
import { buildPlanView } from './plan-view';
import { findPlan, insertPlan, insertPlanVersion, membersInOpenPlans } from './plans.repository';
import { openPlanInputSchema, planContentSchema, type OpenPlanInput, type Plan } from './contract';

/**
 * Opens the household's plan with the actor as its coordinator and an empty first draft. One
 * household, one plan: a member already in another open plan is refused.
 */
export async function openHouseholdPlan(services: AccessServices, tx: Tx, ctx: AccessContext, raw: OpenPlanInput): Promise<Plan> {
  const input = openPlanInputSchema.parse(raw);
  requirePurpose(ctx);
  if (ctx.actor.kind !== 'staff') throw new DomainError('forbidden', { nl: 'Alleen een medewerker opent een plan.', en: 'Only staff open a plan.' });
  const bsns = [...new Set([input.anchorBsn, ...input.members.map((m) => m.bsn)])];
  for (const bsn of bsns) {
    if (!isValidBsn(bsn)) throw invalidInput({ nl: `${bsn} is geen geldig BSN.`, en: `${bsn} is not a valid BSN.` }, [{ name: 'members', reason: '11-test fails' }]);
  }
  if (!input.members.some((m) => m.bsn === input.anchorBsn)) {
    throw invalidInput({ nl: 'De inwoner voor wie het plan is, hoort bij de leden.', en: 'The resident the plan is for must be among the members.' }, [{ name: 'members', reason: 'anchor missing' }]);
  }
  if (input.teamId && !ctx.actor.teamIds.includes(input.teamId)) {
    throw new DomainError('forbidden', { nl: 'U kunt alleen uw eigen team kiezen.', en: 'You can only choose your own team.' });
  }
  // The coordinator needs a relation with every member the plan names.
  for (const bsn of bsns) await authorize(services, tx, ctx, { resource: 'plan', action: 'create', subjectBsn: bsn, detail: 'open household plan' });
  const taken = await membersInOpenPlans(tx, bsns);
  if (taken.length > 0) {
    throw conflict({ nl: 'Een lid van dit huishouden heeft al een plan: één huishouden, één plan.', en: 'A member of this household already has a plan: one household, one plan.' });
  }
  const now = services.clock.now().toISOString();
  const id = newId();
  await insertPlan(tx, { id, municipalityCode: ctx.actor.municipalityCode, anchorBsn: input.anchorBsn, coordinatorId: ctx.actor.id, teamId: input.teamId ?? ctx.actor.teamIds[0] ?? null, status: 'open', createdAt: now }, ctx.actor.id, input.members);
  await insertPlanVersion(tx, ctx.actor.municipalityCode, id, { version: 1, content: planContentSchema.parse({}), changeNote: null, createdAt: now, createdBy: ctx.actor.id });
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'plan.opened', occurredOn: isoDay(services.clock.now()), subjectRef: id, law: 'integraal', teamId: input.teamId ?? ctx.actor.teamIds[0] ?? null, data: { members: input.members.length } }]);
  const row = await findPlan(tx, id);
  if (!row) throw new Error(`plan ${id} vanished`);
  return buildPlanView(tx, row);
}
