import { authorize, type AccessCheck, type AccessContext, type Grant } from '@kern/access';
import type { Tx } from '@kern/db';
import { notFound } from '@kern/kit';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import type { SessionPerson } from './portal.repository';

/** The one answer for anything a citizen may not see: the same as for something that does not exist. */
export const nothingHere = () =>
  notFound({ nl: 'Dit hebben wij niet gevonden.', en: 'We could not find this.' });

export function portalContext(session: ResolvedCitizenSession, requestId?: string): AccessContext {
  return { actor: session.actor, requestId };
}

/**
 * The portal's access decision: the person must be the citizen or someone they represent (any
 * other reference, guessed or replayed from another session, finds nothing), and then the policy
 * decides and the read or write is audited in the caller's transaction, with the representation named.
 */
export async function authorizeForPerson(
  services: PortalServices,
  tx: Tx,
  session: ResolvedCitizenSession,
  ref: string,
  check: Omit<AccessCheck, 'subjectBsn'>,
  requestId?: string,
): Promise<{ person: SessionPerson; grant: Grant }> {
  const person = session.people.find((p) => p.ref === ref);
  if (!person) throw nothingHere();
  return { person, grant: await authorizeSubject(services, tx, session, person, check, requestId) };
}

export async function authorizeSubject(
  services: PortalServices,
  tx: Tx,
  session: ResolvedCitizenSession,
  person: SessionPerson,
  check: Omit<AccessCheck, 'subjectBsn'>,
  requestId?: string,
): Promise<Grant> {
  const detail = [check.detail, person.relation === 'self' ? 'portal, own data' : `portal, as ${person.relation} representative`].filter(Boolean).join('; ');
  return authorize(services, tx, portalContext(session, requestId), { ...check, subjectBsn: person.bsn, detail });
}

/** The person behind a BSN the citizen may act for, or nothing. */
export function personByBsn(session: ResolvedCitizenSession, bsn: string): SessionPerson | undefined {
  return session.people.find((p) => p.bsn === bsn);
}
