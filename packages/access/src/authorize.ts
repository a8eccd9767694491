import { withTenant, type AnyDb, type Tx } from '@kern/db';
import { DomainError, type Clock, type InvalidParam, type UserMessage } from '@kern/kit';
import type { AccessContext, AccessDecision, Action, Relation, Resource, View } from './contract';
import type { AuditEntry } from './audit-chain';
import type { AuditCheckpoints } from './audit-checkpoint';
import { appendAuditEntries, appendIfRelated, type RelatedCandidate } from './audit.repository';
import { decide } from './decide';
import { breakGlassPurposes } from './policy-invariants';
import type { PolicyStore } from './policy-store';
import type { StaffNamesLookup } from './staff-names';

/** What every use case needs to check access and write the audit log. */
export interface AccessServices {
  db: AnyDb;
  clock: Clock;
  policies: PolicyStore;
  /** Signed checkpoints of the audit chain head kept outside the database; absent: none kept. */
  auditCheckpoints?: AuditCheckpoints | undefined;
  /** Staff and team names for lists (identity's staff directory, see staff-names.ts); absent: ids only. */
  staffNames?: StaffNamesLookup | undefined;
}

/**
 * A denial. It carries its own audit entry out of the failed transaction, because the
 * transaction is rolled back and the denial must still be on record (see runAsTenant).
 */
export class AccessDenied extends DomainError {
  constructor(
    readonly audit: AuditEntry,
    readonly breakGlassPossible: boolean,
    /** The refusal in words a person can act on, where the use case knows better than the policy's default. */
    message?: UserMessage,
  ) {
    super(
      'forbidden',
      message ?? (breakGlassPossible
        ? {
            nl: 'U heeft voor dit doel geen relatie met deze inwoner. Alleen met een geschreven reden (doorbreekglas) kunt u toch inzien; dat wordt beoordeeld.',
            en: 'You have no relation with this resident for this purpose. Only with a written reason (break the glass) can you still look; that will be reviewed.',
          }
        : {
            nl: 'U heeft geen toegang tot deze gegevens voor dit doel.',
            en: 'You have no access to this data for this purpose.',
          }),
    );
  }
}

/**
 * A refusal that must be on record although its transaction rolls back: runAsTenant writes its
 * audit entry in a transaction of its own, as it does for AccessDenied.
 */
export class AuditedRefusal extends DomainError {
  constructor(
    readonly audit: AuditEntry,
    message: UserMessage,
    params: InvalidParam[],
  ) {
    super('invalid-input', message, params);
  }
}

export interface Grant {
  view: View;
  legalBasis: string;
  breakGlass: boolean;
  ruleId: string;
  /** The relation the grant rests on ('none' for a rule that needs none). */
  relation?: Relation;
}

export interface AccessCheck {
  resource: Resource;
  action: Action;
  subjectBsn?: string | undefined;
  /** Written into the audit record: what exactly was done, in a few words. */
  detail?: string | undefined;
}

export function auditEntryFor(ctx: AccessContext, check: AccessCheck, d: Pick<AccessDecision, 'allowed' | 'reason' | 'legalBasis' | 'relation'>): AuditEntry {
  return {
    actorId: ctx.actor.id,
    actorKind: ctx.actor.kind,
    actorRoles: [...ctx.actor.roles],
    actorTeams: [...ctx.actor.teamIds],
    purpose: ctx.purpose,
    action: check.action,
    resource: check.resource,
    subjectBsn: check.subjectBsn,
    outcome: d.allowed ? 'allowed' : 'denied',
    reason: check.detail ? `${check.detail}; ${d.reason}` : d.reason,
    legalBasis: d.legalBasis,
    breakGlass: d.relation === 'break-glass',
    requestId: ctx.requestId,
  };
}

/**
 * The one choke point for personal data: looks up the actor's relation with the subject,
 * decides by the municipality's policy, and writes the audit record in the caller's
 * transaction (appended as it commits, see appendAuditEntries). Throws AccessDenied (with its audit entry) when no rule allows.
 */
export async function authorize(services: AccessServices, tx: Tx, ctx: AccessContext, check: AccessCheck): Promise<Grant> {
  const { document } = await services.policies.get(tx, ctx.actor.municipalityCode);
  const request = { actor: ctx.actor, purpose: ctx.purpose, resource: check.resource, action: check.action };
  const now = services.clock.now();

  // Allowed without any relation (search, audit log, configuration): no lookup needed.
  const unrelated = decide(document, { ...request, relations: [] });
  if (unrelated.allowed && unrelated.ruleId && unrelated.legalBasis) {
    await appendAuditEntries(tx, ctx.actor.municipalityCode, now, [auditEntryFor(ctx, check, unrelated)]);
    return { view: unrelated.view ?? 'full', legalBasis: unrelated.legalBasis, breakGlass: false, ruleId: unrelated.ruleId, relation: 'none' };
  }

  // Otherwise decide beforehand what each possible relation would allow, then let one
  // statement find the actor's best relation; its audit record is queued for the commit.
  const candidates: (RelatedCandidate & { decision: AccessDecision })[] = [];
  if (check.subjectBsn && ctx.purpose) {
    relationRanking.forEach((relation, rank) => {
      const d = decide(document, { ...request, relations: [relation] });
      if (d.allowed && d.relation === relation) {
        const entry = auditEntryFor(ctx, check, d);
        candidates.push({ relation, rank, entry, decision: d });
      }
    });
  }
  const used = check.subjectBsn && ctx.purpose && candidates.length > 0
    ? await appendIfRelated(tx, {
        municipalityCode: ctx.actor.municipalityCode,
        subjectBsn: check.subjectBsn,
        purpose: ctx.purpose,
        actorId: ctx.actor.id,
        teamIds: ctx.actor.teamIds,
        at: now,
        candidates,
      })
    : undefined;
  const chosen = candidates.find((c) => c.relation === used);
  if (!chosen?.decision.ruleId || !chosen.decision.legalBasis) {
    const breakGlassPossible =
      check.subjectBsn !== undefined &&
      ctx.purpose !== undefined &&
      document.breakGlass.roles.some((r) => ctx.actor.roles.includes(r)) &&
      breakGlassPurposes(document, ctx.actor.roles).has(ctx.purpose) &&
      (check.resource === 'resident' || check.resource === 'household');
    throw new AccessDenied(auditEntryFor(ctx, check, { ...unrelated, reason: unrelated.reason.replace(/with relation none$/, "with the actor's relations") }), breakGlassPossible);
  }
  const d = chosen.decision;
  return { view: d.view ?? 'full', legalBasis: d.legalBasis ?? '', breakGlass: chosen.relation === 'break-glass', ruleId: d.ruleId ?? '', relation: chosen.relation };
}

/** Preference when an actor has several relations: their own case first, break-the-glass last. */
const relationRanking = ['case', 'team-case', 'coordinator', 'break-glass'] as const;

/** Audits further subjects touched under a grant already given (search hits, household members). */
export async function recordAccess(services: AccessServices, tx: Tx, ctx: AccessContext, grant: Grant, checks: AccessCheck[]): Promise<void> {
  const entries = checks.map((c) =>
    auditEntryFor(ctx, c, { allowed: true, reason: `rule ${grant.ruleId}`, legalBasis: grant.legalBasis, relation: grant.breakGlass ? 'break-glass' : 'case' }),
  );
  await appendAuditEntries(tx, ctx.actor.municipalityCode, services.clock.now(), entries);
}

/**
 * Runs a use case in the actor's tenant. If access is denied the transaction rolls back (so
 * nothing half-done remains) and the denial is then written in a transaction of its own.
 */
export async function runAsTenant<T>(services: AccessServices, ctx: AccessContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await withTenant(services.db, ctx.actor.municipalityCode, fn);
  } catch (e) {
    if (e instanceof AccessDenied || e instanceof AuditedRefusal) {
      await withTenant(services.db, ctx.actor.municipalityCode, (tx) =>
        appendAuditEntries(tx, ctx.actor.municipalityCode, services.clock.now(), [e.audit]),
      );
    }
    throw e;
  }
}
