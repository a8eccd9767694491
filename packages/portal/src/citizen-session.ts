import { createHash } from 'node:crypto';
import { recordAuditEvent, type AccessServices, type CitizenActor } from '@kern/access';
import { isoDay, withSystem, withTenant } from '@kern/db';
import type { IdentityProvider, VerifiedIdentity } from '@kern/identity';
import { DomainError, isValidBsn, newSecret } from '@kern/kit';
import type { BrpClient, Resident } from '@kern/registry';
import { deleteCitizenSession, findCitizenSession, findRepresentations, insertCitizenSession, touchCitizenSession, type SessionPerson } from './portal.repository';
import type { CitizenSession } from './contract';
import type { DigidMachtigen } from './digid-machtigen';
import { holdsParentalAuthority } from './parental-authority';

/** What the portal's use cases need besides access: the BRP, session settings and the mail seam. */
export interface PortalServices extends AccessServices {
  brp: BrpClient;
  sessionTtlMinutes: number;
  /** The demo login as a BRP test person exists only in demo mode. */
  demoMode: boolean;
  mail: MailSender;
  /** The DigiD-style broker (OIDC or SAML behind the IdentityProvider seam); absent: no broker login. */
  citizenIdentityProvider?: IdentityProvider | undefined;
  /** DigiD Machtigen, when connected: the only source of a machtiging (see digid-machtigen.ts). */
  digidMachtigen?: DigidMachtigen | undefined;
}

/** The mail seam: an e-mail that says a message waits, never what it says. */
export interface MailSender {
  /** `idempotencyKey` is the same for every attempt at one notice, for a sender that can drop a repeat. */
  send(mail: { to: string; subject: string; text: string; idempotencyKey?: string }): Promise<void>;
}

export interface ResolvedCitizenSession {
  actor: CitizenActor;
  people: SessionPerson[];
  csrfToken: string;
  idHash: string;
  expiresAt: Date;
}

const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A stable pseudonymous uuid for a text (a citizen, or a person as one citizen sees them). */
export function pseudonymousId(text: string): string {
  const h = hash(`kern-portal:${text}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const citizenIdFor = (municipalityCode: string, bsn: string): string => pseudonymousId(`${municipalityCode}:${bsn}`);
const personRefFor = (citizenId: string, bsn: string): string => pseudonymousId(`${citizenId}:${bsn}`);

const notLoggedIn = () =>
  new DomainError('not-authenticated', {
    nl: 'U bent niet (meer) ingelogd. Log opnieuw in. Wat u al had ingevuld, is bewaard als concept.',
    en: 'You are not (or no longer) logged in. Please log in again. What you had filled in has been kept as a draft.',
  });

/** Under 18 on `today`: a parent's authority (gezag) over a child ends at majority. */
function isMinor(birthDate: string | null, today: string): boolean {
  if (!birthDate || birthDate.length < 10) return false;
  const eighteenth = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4)}`;
  return eighteenth > today;
}

/**
 * Who a citizen may act for: themself; their minor children as their own BRP record lists them
 * and over whom the BRP shows them holding authority (gezag: the court's indication on the
 * child's record where there is one, see parental-authority.ts; the BRP's separate derived gezag
 * answer is not served by Haal Centraal BRP bevragen 2.x, see docs/portal.md); people for whom staff recorded a court order (curatele, mentorschap,
 * bewindvoering) that a second staff member approved; and, when that service is connected, those
 * who authorised the citizen in DigiD Machtigen. Never from one caseworker's word alone. Fixed at
 * login, so every later request decides without the BRP.
 */
export async function peopleFor(services: PortalServices, self: Resident, citizenId: string): Promise<SessionPerson[]> {
  const today = isoDay(services.clock.now());
  const people: SessionPerson[] = [{ ref: personRefFor(citizenId, self.bsn), bsn: self.bsn, name: self.name.fullName, relation: 'self' }];
  const listed = self.children.filter((c) => c.bsn && isMinor(c.birthDate, today)).map((c) => c.bsn ?? '');
  // The BRP's own indication of authority decides where a court gave it to one parent or a guardian.
  const authority = listed.length && services.brp.parentalAuthority ? await services.brp.parentalAuthority(listed, { municipalityCode: self.municipalityCode }) : null;
  const children = authority ? listed.filter((bsn) => authority.some((a) => a.bsn === bsn && holdsParentalAuthority(self.bsn, a))) : listed;
  const recorded = await withTenant(services.db, self.municipalityCode, (tx) => findRepresentations(tx, self.bsn, today));
  const authorised = services.digidMachtigen
    ? (await services.digidMachtigen.authorisationsFor(self.bsn, self.municipalityCode)).filter((m) => m.validUntil === null || m.validUntil >= today)
    : [];
  const wanted = [...new Set([...children, ...recorded.map((r) => r.representedBsn), ...authorised.map((m) => m.representedBsn)])].filter((b) => b !== self.bsn);
  const found = wanted.length ? await services.brp.getPersonsByBsn(wanted, { municipalityCode: self.municipalityCode }) : [];
  for (const person of found) {
    if (person.deceased) continue;
    const record = recorded.find((r) => r.representedBsn === person.bsn);
    const relation = record ? record.kind : children.includes(person.bsn) ? 'gezag' : 'machtiging';
    people.push({ ref: personRefFor(citizenId, person.bsn), bsn: person.bsn, name: person.name.fullName, relation });
  }
  return people;
}

async function startSession(services: PortalServices, identity: { bsn: string; municipalityCode: string; assurance: VerifiedIdentity['assurance']; provider: string }): Promise<{ sessionId: string; session: CitizenSession }> {
  const self = isValidBsn(identity.bsn) ? await services.brp.getPersonByBsn(identity.bsn, { municipalityCode: identity.municipalityCode }) : null;
  if (!self || self.deceased) {
    throw new DomainError('not-authenticated', {
      nl: 'Wij vinden u niet in de basisregistratie van deze gemeente. Bel de gemeente als u denkt dat dit niet klopt.',
      en: 'We cannot find you in the population register of this municipality. Call the municipality if you think this is wrong.',
    });
  }
  const citizenId = citizenIdFor(identity.municipalityCode, self.bsn);
  const people = await peopleFor(services, self, citizenId);
  const now = services.clock.now();
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + services.sessionTtlMinutes * 60_000);
  await withSystem(services.db, async (tx) => {
    await insertCitizenSession(tx, {
      idHash: hash(sessionId), municipalityCode: identity.municipalityCode, citizenId, bsn: self.bsn, displayName: self.name.fullName, csrfToken,
      assurance: identity.assurance, provider: identity.provider, people, createdAt: now, expiresAt, lastSeenAt: now,
    });
    await recordAuditEvent(tx, identity.municipalityCode, now, { kind: 'citizen', id: citizenId, roles: ['citizen'], teamIds: [] }, {
      action: 'login', resource: 'session', subjectBsn: self.bsn, outcome: 'allowed', reason: `citizen login via ${identity.provider} (${identity.assurance})`,
    });
  });
  return {
    sessionId,
    session: { csrfToken, name: self.name.fullName, municipality: { code: identity.municipalityCode }, people: people.map(({ ref, name, relation }) => ({ ref, name, relation })), expiresAt: expiresAt.toISOString() },
  };
}

/** Demo mode only: log in as one of the BRP test persons, as a DigiD test account would. */
export async function demoLogin(services: PortalServices, input: { bsn: string; municipalityCode: string }): Promise<{ sessionId: string; session: CitizenSession }> {
  if (!services.demoMode) {
    throw new DomainError('not-found', { nl: 'Inloggen als testpersoon kan alleen in de demo.', en: 'Logging in as a test person is only possible in the demo.' });
  }
  return startSession(services, { ...input, assurance: 'substantial', provider: 'demo' });
}

/**
 * The broker login (DigiD via an OIDC or SAML broker): the provider verified the person and
 * returns the BSN. DigiD Substantieel (eIDAS substantial) or higher is required for social-domain data.
 */
export async function completeBrokerLogin(
  services: PortalServices,
  params: Record<string, string>,
  expected: { state: string; nonce: string },
): Promise<{ sessionId: string; session: CitizenSession }> {
  const provider = services.citizenIdentityProvider;
  if (!provider) throw new DomainError('not-found', { nl: 'Inloggen met DigiD is hier niet ingesteld.', en: 'DigiD login is not configured here.' });
  const identity = await provider.completeLogin(params, expected);
  if (identity.assurance === 'low') {
    throw new DomainError('forbidden', {
      nl: 'Voor uw gegevens in het sociaal domein is DigiD Substantieel of Hoog nodig (bijvoorbeeld met de DigiD app).',
      en: 'Your social-domain data needs DigiD Substantial or High (for example with the DigiD app).',
    });
  }
  return startSession(services, { bsn: identity.username, municipalityCode: identity.municipalityCode, assurance: identity.assurance, provider: provider.id });
}

export async function resolveCitizenSession(services: PortalServices, sessionId: string): Promise<ResolvedCitizenSession | undefined> {
  if (sessionId.length < 20 || sessionId.length > 100) return undefined;
  const idHash = hash(sessionId);
  const now = services.clock.now();
  // One statement, no transaction: this runs before every citizen request.
  const row = await findCitizenSession(services.db, idHash, now);
  if (!row) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await withSystem(services.db, (tx) => touchCitizenSession(tx, idHash, now));
  return {
    actor: { kind: 'citizen', id: row.citizenId, name: row.displayName, municipalityCode: row.municipalityCode, roles: ['citizen'], teamIds: [], bsn: row.bsn },
    people: row.people,
    csrfToken: row.csrfToken,
    idHash,
    expiresAt: row.expiresAt,
  };
}

export function requireCitizenSession(resolved: ResolvedCitizenSession | undefined): ResolvedCitizenSession {
  if (!resolved) throw notLoggedIn();
  return resolved;
}

export async function citizenLogout(services: PortalServices, resolved: ResolvedCitizenSession): Promise<void> {
  await withSystem(services.db, async (tx) => {
    await deleteCitizenSession(tx, resolved.idHash);
    await recordAuditEvent(tx, resolved.actor.municipalityCode, services.clock.now(), { kind: 'citizen', id: resolved.actor.id, roles: ['citizen'], teamIds: [] }, {
      action: 'logout', resource: 'session', outcome: 'allowed', reason: 'citizen logout',
    });
  });
}

export function toCitizenSession(resolved: ResolvedCitizenSession): CitizenSession {
  return {
    csrfToken: resolved.csrfToken,
    name: resolved.actor.name,
    municipality: { code: resolved.actor.municipalityCode },
    people: resolved.people.map(({ ref, name, relation }) => ({ ref, name, relation })),
    expiresAt: resolved.expiresAt.toISOString(),
  };
}
