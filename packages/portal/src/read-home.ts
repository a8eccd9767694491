import { isoDay, type Tx } from '@kern/db';
import { authorizeForPerson } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import { casesOfPerson } from './portal-cases';
import { planOf, toPortalPlan } from './portal-plan';
import { findHomeSummary } from './portal.repository';
import type { homeSchema } from './contract';
import type { z } from 'zod';

/** The citizen's home page in one call: their cases with deadlines, drafts to finish, messages waiting. */
export async function readHome(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, requestId?: string): Promise<z.infer<typeof homeSchema>> {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-case', action: 'read', detail: 'portal home' }, requestId);
  const today = isoDay(services.clock.now());
  const cases = await casesOfPerson(tx, person.bsn, today, { decisions: false });
  const { drafts, ...messages } = await findHomeSummary(tx, person.bsn, session.actor.id);
  const plan = await planOf(services, tx, session, person, requestId);
  return {
    person: { ref: person.ref, name: person.name, relation: person.relation },
    cases,
    drafts,
    unreadMessages: messages.unread,
    lastMessageAt: messages.lastAt,
    plan: plan ? toPortalPlan(plan, person) : null,
  };
}

export async function readMyCases(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-case', action: 'read', detail: 'my cases' }, requestId);
  return { cases: await casesOfPerson(tx, person.bsn, isoDay(services.clock.now()), { decisions: true }) };
}
