import type { Tx } from '@kern/db';
import type { AccessContext, AccessDecision, Actor, AuditRecord } from './contract';
import { auditEntryFor, type AccessCheck, type AccessServices } from './authorize';
import { appendAuditEntries, findAuditRecords, startAuditChain } from './audit.repository';

/** Who did what the audit log records: a staff member, a citizen or a process of Kern's own. */
export interface AuditedActor {
  kind: Actor['kind'];
  id: string;
  roles: readonly string[];
  teamIds: readonly string[];
}

/** What happened, in the audit log's vocabulary (action, resource, outcome) and a few words why. */
export interface AuditEvent {
  action: string;
  resource: string;
  outcome: 'allowed' | 'denied';
  reason: string;
  subjectBsn?: string | undefined;
  purpose?: string | undefined;
  legalBasis?: string | undefined;
}

/**
 * The one way for another module to audit what is not an access decision of its own (a login or
 * logout, a password change, a login alert, a case routed by its werkwijze): the entry is built
 * here, so every record has the same shape, and written in the caller's transaction.
 */
export async function recordAuditEvent(tx: Tx, municipalityCode: string, at: Date, actor: AuditedActor, event: AuditEvent): Promise<void> {
  await appendAuditEntries(tx, municipalityCode, at, [{
    actorId: actor.id,
    actorKind: actor.kind,
    actorRoles: [...actor.roles],
    actorTeams: [...actor.teamIds],
    purpose: event.purpose,
    action: event.action,
    resource: event.resource,
    subjectBsn: event.subjectBsn,
    outcome: event.outcome,
    reason: event.reason,
    legalBasis: event.legalBasis,
  }]);
}

/**
 * Audits reads the caller's access decisions allowed (the household view: one record per member
 * shown, with the legal basis of each section), all at one time, in the caller's transaction.
 */
export async function recordDecidedAccess(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  records: { check: AccessCheck; decision: Pick<AccessDecision, 'allowed' | 'reason' | 'legalBasis' | 'relation'> }[],
): Promise<void> {
  await appendAuditEntries(tx, ctx.actor.municipalityCode, services.clock.now(), records.map((r) => auditEntryFor(ctx, r.check, r.decision)));
}

/** Narrows the records about a person: a period (calendar days, inclusive), older than a seq (paging), without one actor. */
export interface AuditRecordsWithin {
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  notActorId?: string | undefined;
}

/**
 * The audit records about one person, newest first: who looked at their data, for the person
 * themself (AVG art. 15). The caller has decided the person may see them.
 */
export async function auditRecordsAbout(tx: Tx, subjectBsn: string, limit: number, within: AuditRecordsWithin = {}): Promise<AuditRecord[]> {
  return findAuditRecords(tx, { subjectBsn, limit, from: within.from, to: within.to, before: within.before, notActorId: within.notActorId });
}

/** A municipality's audit log begins (its hash chain's genesis); again for one that has begun changes nothing. */
export async function beginAuditLog(tx: Tx, municipalityCode: string): Promise<void> {
  await startAuditChain(tx, municipalityCode);
}
