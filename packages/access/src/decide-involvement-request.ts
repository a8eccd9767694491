import type { Tx } from '@kern/db';
import { DomainError, newId, notFound } from '@kern/kit';
import type { z } from 'zod';
import type { decideInvolvementRequestInputSchema, decideInvolvementRequestOutputSchema, involvementRequestSchema, listInvolvementRequestsInputSchema, listInvolvementRequestsOutputSchema, AccessContext, Relation } from './contract';
import { insertInvolvement } from './access.repository';
import { AccessDenied, auditEntryFor, authorize, recordAccess, type AccessCheck, type AccessServices } from './authorize';
import { decide } from './decide';
import { decideInvolvementRequestRow, findInvolvementRequests, type InvolvementRequestRow } from './involvement-requests.repository';


/** A refused decision is a denial like any other: on the audit record, with why. */
const forbiddenToDecide = (ctx: AccessContext, check: AccessCheck, why: string) =>
  new AccessDenied(auditEntryFor(ctx, check, { allowed: false, reason: why, relation: 'none' }), false);

/**
 * Whether the actor may decide: never the requester; a team lead only for a request of one of their
 * teams (the team it names, else the requester's teams when they asked); the household's coordinator
 * by their coordinator relation with the resident, which the policy checked.
 */
function mayDecide(ctx: AccessContext, r: InvolvementRequestRow, by: { relation: Relation | undefined; leadsByPolicy: boolean }): boolean {
  if (r.requestedBy === ctx.actor.id || ctx.actor.kind !== 'staff') return false;
  if (by.relation && by.relation !== 'none') return by.relation === 'coordinator';
  if (!by.leadsByPolicy) return false;
  const teams = r.teamId ? [r.teamId] : r.requesterTeams;
  return teams.some((t) => ctx.actor.teamIds.includes(t));
}

/** Whether the policy lets the actor decide requests without a relation with the resident (a team lead). */
async function leadsByPolicy(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<boolean> {
  const { document } = await services.policies.get(tx, ctx.actor.municipalityCode);
  return decide(document, { actor: ctx.actor, purpose: ctx.purpose, resource: 'involvement-request', action: 'decide', relations: [] }).allowed;
}

const view = (r: InvolvementRequestRow, canDecide: boolean): z.infer<typeof involvementRequestSchema> => {
  const { requesterTeams: _teams, ...rest } = r;
  return { ...rest, canDecide };
};

/**
 * The requests the actor may decide on as team lead (their teams' requests) and their own. The
 * coordinator decides from the household (by id), not from this list. Names the residents, so each
 * one listed is audited.
 */
export async function listInvolvementRequests(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof listInvolvementRequestsInputSchema>,
): Promise<z.infer<typeof listInvolvementRequestsOutputSchema>> {
  const grant = await authorize(services, tx, ctx, { resource: 'involvement-request', action: 'read', detail: `list ${input.status ?? 'all'}` });
  const by = { relation: 'none' as const, leadsByPolicy: await leadsByPolicy(services, tx, ctx) };
  const all = await findInvolvementRequests(tx, { status: input.status }, services.staffNames);
  const visible = all.filter((r) => r.requestedBy === ctx.actor.id || mayDecide(ctx, r, by));
  await recordAccess(services, tx, ctx, grant, [...new Set(visible.map((r) => r.subjectBsn))].map((subjectBsn) => ({ resource: 'involvement-request', action: 'read', subjectBsn })));
  return { requests: visible.map((r) => view(r, r.status === 'pending' && mayDecide(ctx, r, by))) };
}

/**
 * Approves or rejects a pending request, with a note. Approval makes the relation, recording the
 * approver as who made it and the request as why; rejection makes none. Either is audited with the
 * decider, and the database refuses a decision by the requester as well.
 */
export async function decideInvolvementRequest(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  id: string,
  input: z.infer<typeof decideInvolvementRequestInputSchema>,
): Promise<z.infer<typeof decideInvolvementRequestOutputSchema>> {
  const [request] = await findInvolvementRequests(tx, { id, limit: 1 }, services.staffNames);
  if (!request) throw notFound({ nl: 'Deze aanvraag bestaat niet.', en: 'This request does not exist.' });
  // The coordinator decides under the integral purpose; a team lead needs no purpose of the law.
  const check: AccessCheck = {
    resource: 'involvement-request', action: 'decide', subjectBsn: request.subjectBsn,
    detail: `${input.verdict} request ${id} of ${request.requestedBy} (${request.purpose}): ${input.note}`,
  };
  const grant = await authorize(services, tx, ctx, check);
  if (!mayDecide(ctx, request, { relation: grant.relation, leadsByPolicy: grant.relation === 'none' })) {
    throw forbiddenToDecide(ctx, check, request.requestedBy === ctx.actor.id ? 'the requester never decides their own request' : 'not the team lead of the requester\'s team');
  }
  if (request.status !== 'pending') {
    throw new DomainError('conflict', { nl: 'Over deze aanvraag is al beslist.', en: 'This request was already decided.' });
  }
  const now = services.clock.now();
  const involvementId = input.verdict === 'approved' ? newId() : null;
  if (involvementId) {
    await insertInvolvement(tx, {
      id: involvementId,
      municipalityCode: ctx.actor.municipalityCode,
      subjectBsn: request.subjectBsn,
      purpose: request.purpose,
      kind: request.kind,
      accountId: request.teamId ? null : request.requestedBy,
      teamId: request.teamId,
      reason: request.reason,
      openedAt: now,
      source: 'approved-request',
      createdBy: ctx.actor.id,
      requestId: request.id,
    });
  }
  if (!(await decideInvolvementRequestRow(tx, { id, decidedBy: ctx.actor.id, status: input.verdict, note: input.note, at: now, involvementId }))) {
    throw new DomainError('conflict', { nl: 'Over deze aanvraag is al beslist.', en: 'This request was already decided.' });
  }
  const [decided] = await findInvolvementRequests(tx, { id, limit: 1 }, services.staffNames);
  if (!decided) throw new Error(`involvement request ${id} vanished`);
  return { request: view(decided, false) };
}
