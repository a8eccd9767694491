import { agreeToPlanVersion, draftPlanVersion, planContentSchema, readHouseholdPlan, renderPlanPdf, requestPlanChange, type Plan } from '@kern/plans';
import type { Tx } from '@kern/db';
import { conflict, invalidInput, newId } from '@kern/kit';
import { authorizeForPerson, nothingHere, portalContext } from './citizen-access';
import { planChangesFor } from './plan-changes';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import type { SessionPerson } from './portal.repository';
import type { PlanAdditionInput, PortalPlan } from './contract';

/**
 * "My plan": the household plan the person is part of, through the plans module's own use cases.
 * The portal shows no BSNs: goals say whether they are the person's own, members are names.
 */
export function toPortalPlan(plan: Plan, person: SessionPerson): PortalPlan {
  return {
    id: plan.id,
    coordinator: plan.coordinator.name,
    members: plan.members.map((m) => ({ name: m.name, me: m.bsn === person.bsn })),
    agreedVersion: plan.agreedVersion,
    draftVersion: plan.draftVersion,
    versions: plan.versions.map((v) => ({
      version: v.version,
      state: v.state,
      createdAt: v.createdAt,
      agreedAt: v.agreedAt,
      changeNote: v.changeNote,
      agreedByMe: v.agreements.some((a) => a.partyBsn === person.bsn),
      goals: v.content.goals.map((g) => ({ id: g.id, domain: g.domain, text: g.text, status: g.status, mine: g.memberBsn === person.bsn })),
      actions: v.content.actions.map((a) => ({ id: a.id, goalId: a.goalId, text: a.text, owner: a.owner, dueDate: a.dueDate, status: a.status })),
      agreements: v.content.agreements.map((a) => ({ id: a.id, text: a.text })),
      reviewDates: v.content.reviewDates,
    })),
    changeRequests: plan.changeRequests.map((c) => ({ basedOnVersion: c.basedOnVersion, requestedAt: c.requestedAt, request: c.request, answeredVersion: c.answeredVersion, mine: c.requestedByBsn === person.bsn })),
    changesSinceMyAgreement: planChangesFor(plan, person.bsn),
  };
}

export async function planOf(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, person: SessionPerson, requestId?: string): Promise<Plan | null> {
  const out = await readHouseholdPlan(services, tx, { ...portalContext(session, requestId) }, person.bsn);
  return out.view === 'full' ? out.plan : null;
}

export async function readMyPlan(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, requestId?: string): Promise<{ plan: PortalPlan | null }> {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-plan', action: 'read', detail: 'my plan' }, requestId);
  const plan = await planOf(services, tx, session, person, requestId);
  return { plan: plan ? toPortalPlan(plan, person) : null };
}

/** Agreeing in the portal: the person (or their representative) agrees to the plan's latest version. */
export async function agreeToMyPlan(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, planId: string, version: number, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-plan', action: 'update', detail: `agree to plan version ${version}` }, requestId);
  const plan = await planOf(services, tx, session, person, requestId);
  if (!plan || plan.id !== planId) throw nothingHere();
  if (plan.agreedVersion === version && plan.versions.find((v) => v.version === version)?.agreements.some((a) => a.partyBsn === person.bsn)) {
    throw conflict({ nl: 'U heeft al ingestemd met deze versie.', en: 'You have already agreed to this version.' });
  }
  const fresh = await agreeToPlanVersion(services, tx, portalContext(session, requestId), planId, {
    version,
    method: 'portal',
    party: { bsn: person.bsn, name: person.name, role: person.relation === 'self' ? 'citizen' : 'representative' },
  });
  return { plan: toPortalPlan(fresh, person) };
}

/**
 * My plan as PDF: the staff plan PDF from the plans module, read through the portal's access
 * decision (the person must be the citizen or someone they represent, and a member of the plan)
 * and audited there as an export.
 */
export async function myPlanPdf(
  services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, planId: string, options: { version?: number | undefined; lang?: 'nl' | 'en' | undefined }, requestId?: string,
): Promise<Uint8Array> {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-plan', action: 'export', detail: 'my plan as PDF' }, requestId);
  const plan = await planOf(services, tx, session, person, requestId);
  if (!plan || plan.id !== planId) throw nothingHere();
  return renderPlanPdf(services, tx, portalContext(session, requestId), planId, { version: options.version, lang: options.lang });
}

export async function askPlanChange(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, planId: string, request: string, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-plan', action: 'update', detail: 'ask for a plan change' }, requestId);
  const plan = await planOf(services, tx, session, person, requestId);
  if (!plan || plan.id !== planId) throw nothingHere();
  await requestPlanChange(services, tx, portalContext(session, requestId), planId, { requestedByBsn: person.bsn, request });
  const after = await planOf(services, tx, session, person, requestId);
  return { plan: after ? toPortalPlan(after, person) : null };
}

/**
 * The citizen adds a goal and/or an action of their own. The plan module keeps the rules: while
 * the latest version is a draft the addition goes into it; once agreed, it makes the next
 * version, which the citizen then agrees to like any other. The goal is the person's own and the
 * action is theirs to do.
 */
export async function addToMyPlan(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, planId: string, input: PlanAdditionInput, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-plan', action: 'update', detail: 'add own goal or action' }, requestId);
  const plan = await planOf(services, tx, session, person, requestId);
  if (!plan || plan.id !== planId) throw nothingHere();
  if (!input.goal && !input.action) {
    throw invalidInput({ nl: 'Vul een doel of een actie in.', en: 'Fill in a goal or an action.' }, [{ name: 'goal', reason: 'a goal or an action is needed' }]);
  }
  const latest = plan.versions.at(-1);
  const content = structuredClone(latest?.content ?? { goals: [], actions: [], agreements: [], reviewDates: [] });
  const goalId = input.goal ? `inwoner-${newId().slice(0, 8)}` : null;
  if (input.goal && goalId) content.goals.push({ id: goalId, domain: input.goal.domain, memberBsn: person.bsn, text: input.goal.text, status: 'open' });
  if (input.action) {
    content.actions.push({
      id: `inwoner-${newId().slice(0, 8)}`, goalId, text: input.action.text, owner: { kind: 'citizen', name: person.name }, dueDate: input.action.dueDate, status: 'open', offeringId: null,
    });
  }
  const fresh = await draftPlanVersion(services, tx, portalContext(session, requestId), planId, { content: planContentSchema.parse(content), changeNote: `Aangevuld door ${person.name} in het portaal` });
  return { plan: toPortalPlan(fresh, person) };
}
