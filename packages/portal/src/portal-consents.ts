import { listConsents, withdrawConsent } from '@kern/access';
import type { Tx } from '@kern/db';
import { authorizeForPerson, nothingHere, portalContext } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import type { PortalConsent } from './contract';

/**
 * "My consents": what the person agreed may be shared, for which purpose and with whom, through
 * the access module's consent use cases. Withdrawing writes a withdrawal record at once, so the
 * next staff decision and household view no longer find the consent.
 */
type ConsentOut = Awaited<ReturnType<typeof listConsents>>['consents'][number];
export const toPortalConsent = (c: ConsentOut): PortalConsent => ({
  id: c.id, purpose: c.purpose, recipient: c.recipient, dataCategories: c.dataCategories, givenAt: c.recordedAt, inEffect: c.inEffect, withdrawnAt: c.withdrawnAt,
});

export async function listMyConsents(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-consent', action: 'read', detail: 'my consents' }, requestId);
  const { consents, notice } = await listConsents(services, tx, portalContext(session, requestId), person.bsn);
  return { consents: consents.map(toPortalConsent), noticeVersion: notice.version };
}

export async function withdrawMyConsent(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, consentId: string, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-consent', action: 'update', detail: 'withdraw consent' }, requestId);
  const { consents } = await listConsents(services, tx, portalContext(session, requestId), person.bsn);
  if (!consents.some((c) => c.id === consentId)) throw nothingHere();
  await withdrawConsent(services, tx, portalContext(session, requestId), person.bsn, consentId, { note: 'ingetrokken door de inwoner in het portaal' });
  return listMyConsents(services, tx, session, ref, requestId);
}
