import { auditRecordsAbout, type AuditRecord } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { findTeamNames } from '@kern/identity';
import { authorizeForPerson } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import { heldRecordsOf } from './held-records';
import { casesOfPerson } from './portal-cases';
import { findContactEmail, findDocuments, findMessages, findRequestsOfSubject } from './portal.repository';
import type { z } from 'zod';
import { ACCESS_LOG_PAGE, groupAccessLog, type AccessLogEntry, type AccessLogOutput, type accessLogQuerySchema, type MyData } from './contract';
import { toPortalRequest } from './requests';

/**
 * "Who looked at my data, and why", in plain words. A resident learns the role, the team and the
 * purpose of every access to their data, and what was done; never the staff member's name or id,
 * the free-text reason or the request id (those stay for the auditor).
 */
export async function accessLogFor(tx: Tx, session: ResolvedCitizenSession, records: AuditRecord[]): Promise<AccessLogEntry[]> {
  const teams = await findTeamNames(tx, [...new Set(records.flatMap((r) => r.actorTeams))]);
  return records.map((r) => {
    const who: AccessLogEntry['who'] =
      r.actorKind === 'staff' ? 'staff' : r.actorKind === 'system' ? 'system' : r.actorId === session.actor.id ? 'me' : 'representative';
    const team = r.actorKind === 'staff' ? r.actorTeams.map((t) => teams.get(t)).find((n) => n !== undefined) ?? null : null;
    return {
      at: r.at,
      who,
      role: r.actorKind === 'staff' ? (r.actorRoles[0] ?? null) : null,
      team,
      purpose: r.purpose ?? null,
      action: r.action,
      what: r.resource,
      outcome: r.outcome,
    };
  });
}

/** How many records of a period the groups count at most; a longer history is grouped over its newest part. */
const GROUP_CAP = 5000;

/**
 * "Who looked" for a period: the citizen's own reads left out unless asked for, grouped by who
 * (role and team) and purpose over the whole period, and the entries themselves a page at a time,
 * newest first.
 */
export async function readAccessLog(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, query: z.output<typeof accessLogQuerySchema>, requestId?: string): Promise<AccessLogOutput> {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-data', action: 'read', detail: 'who looked at my data' }, requestId);
  const within = { from: query.from, to: query.to, notActorId: query.own ? undefined : session.actor.id };
  const page = await auditRecordsAbout(tx, person.bsn, ACCESS_LOG_PAGE + 1, { ...within, before: query.before });
  const shown = page.slice(0, ACCESS_LOG_PAGE);
  const all = await auditRecordsAbout(tx, person.bsn, GROUP_CAP + 1, within);
  return {
    entries: await accessLogFor(tx, session, shown),
    groups: groupAccessLog(await accessLogFor(tx, session, all.slice(0, GROUP_CAP))),
    groupsCapped: all.length > GROUP_CAP,
    nextBefore: page.length > ACCESS_LOG_PAGE ? (shown.at(-1)?.seq ?? null) : null,
  };
}

/** The download's audit trail holds this many reads at most (newest first); far beyond any real history. */
const EXPORT_AUDIT_CAP = 50_000;

/** Everything Kern holds about the person, for the AVG right of access (art. 15): on screen, as JSON, as PDF. */
export async function readMyData(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, action: 'read' | 'export', requestId?: string): Promise<MyData> {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-data', action, detail: action === 'export' ? 'download of my data (AVG art. 15)' : 'my data' }, requestId);
  const now = services.clock.now();
  const resident = await services.brp.getPersonByBsn(person.bsn, { municipalityCode: session.actor.municipalityCode });
  const requests = await findRequestsOfSubject(tx, person.bsn);
  const documents = await findDocuments(tx, requests.map((r) => r.id));
  const messages = await findMessages(tx, person.bsn, undefined, 1000);
  const teams = await findTeamNames(tx, messages.map((m) => m.authorTeamId).filter((t): t is string => t !== null));
  const audit = await auditRecordsAbout(tx, person.bsn, action === 'export' ? EXPORT_AUDIT_CAP : 1000);
  const address = resident?.address;
  return {
    person: { ref: person.ref, name: person.name, relation: person.relation },
    registry: resident
      ? {
          name: resident.name.fullName,
          birthDate: resident.birthDate,
          address: address ? `${address.street} ${address.houseNumber}${address.houseLetter ?? ''}${address.houseNumberAddition ? `-${address.houseNumberAddition}` : ''}, ${address.postcode} ${address.city}` : null,
          source: 'Basisregistratie Personen (BRP)',
        }
      : null,
    cases: await casesOfPerson(tx, person.bsn, isoDay(now), { decisions: true }),
    requests: requests.map((r) => toPortalRequest(session, r, documents)),
    messages: messages.reverse().map((m) => ({
      id: m.id,
      from: m.authorKind === 'citizen' ? ('me' as const) : ('municipality' as const),
      role: m.authorKind === 'staff' ? m.authorRole : null,
      team: m.authorKind === 'staff' && m.authorTeamId ? (teams.get(m.authorTeamId) ?? null) : null,
      body: m.body,
      sentAt: m.sentAt,
      read: m.authorKind === 'citizen' || m.readByCitizenAt !== null,
      answeredBy: m.authorKind === 'staff' && m.authorTeamId ? (teams.get(m.authorTeamId) ?? null) : null,
      handled: m.authorKind === 'citizen' && m.handledAt !== null,
      topic: m.topic,
    })),
    contactEmail: await findContactEmail(tx, person.bsn),
    accessLog: await accessLogFor(tx, session, audit),
    ...(action === 'export' ? { held: await heldRecordsOf(services, tx, session, person, requestId) } : {}),
    generatedAt: now.toISOString(),
  };
}
