import { agreeToPlanVersion, readHouseholdPlan, requestPlanChange, type Plan } from '@kern/plans';
import type { Tx } from '@kern/db';
import { conflict } from '@kern/kit';
import { authorizeForPerson, nothingHere, portalContext } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import type { SessionPerson } from './portal.repository';
import type { PortalPlan } from './portal.schema';

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

export async function askPlanChange(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, planId: string, request: string, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-plan', action: 'update', detail: 'ask for a plan change' }, requestId);
  const plan = await planOf(services, tx, session, person, requestId);
  if (!plan || plan.id !== planId) throw nothingHere();
  await requestPlanChange(services, tx, portalContext(session, requestId), planId, { requestedByBsn: person.bsn, request });
  const after = await planOf(services, tx, session, person, requestId);
  return { plan: after ? toPortalPlan(after, person) : null };
}
