import { enrolInOffering, listOfferings, readEnrolments } from '@kern/offerings';
import type { Tx } from '@kern/db';
import { authorizeForPerson, nothingHere, portalContext } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import type { PortalOffering } from './contract';

/**
 * "Together": general and group offerings (lotgenotengroepen, cafés) of the municipality, the
 * ones near the person first (their postcode area or town named in the location), with sign-up
 * through the offerings module. General provisions fall under the Wmo (art. 1.1.1), so that is
 * the purpose the enrolment is recorded under.
 */
export async function listTogether(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, requestId?: string): Promise<{ offerings: PortalOffering[] }> {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-offering', action: 'read', detail: 'group offerings' }, requestId);
  const ctx = { ...portalContext(session, requestId), purpose: 'wmo' as const };
  const offerings = await listOfferings(services, tx, ctx, { openOnly: true });
  const enrolled = new Set((await readEnrolments(services, tx, ctx, person.bsn)).filter((e) => e.status === 'enrolled').map((e) => e.offeringId));
  const resident = await services.brp.getPersonByBsn(person.bsn, { municipalityCode: session.actor.municipalityCode });
  const near = [resident?.address?.postcode.slice(0, 4), resident?.address?.city].filter((s): s is string => !!s).map((s) => s.toLowerCase());
  const out = offerings.map((o) => ({
    id: o.id, name: o.name, description: o.description, kind: o.kind, location: o.location, startsOn: o.startsOn, endsOn: o.endsOn, placesLeft: o.placesLeft,
    near: !!o.location && near.some((n) => o.location?.toLowerCase().includes(n)),
    enrolled: enrolled.has(o.id),
  }));
  out.sort((a, b) => Number(b.near) - Number(a.near) || a.startsOn.localeCompare(b.startsOn));
  return { offerings: out };
}

export async function signUp(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, offeringId: string, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-offering', action: 'create', detail: 'sign up for an offering' }, requestId);
  const ctx = { ...portalContext(session, requestId), purpose: 'wmo' as const };
  const open = await listOfferings(services, tx, ctx, { openOnly: true });
  if (!open.some((o) => o.id === offeringId)) throw nothingHere();
  await enrolInOffering(services, tx, ctx, offeringId, { subjectBsn: person.bsn });
  return listTogether(services, tx, session, ref, requestId);
}
