import type { Tx } from '@kern/db';
import { z } from 'zod';
import type { AccessContext } from './contract';
import { involvementSources } from './access.repository';
import { authorize, recordAccess, type AccessServices } from './authorize';
import { findInvolvementRequests, findRecentRelations } from './involvement-requests.repository';
import { involvementRequestSchema } from './decide-involvement-request';

export const listRelationsInputSchema = z.object({
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  source: z.enum(involvementSources).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const relationViewSchema = z.object({
  id: z.string(),
  subjectBsn: z.string(),
  purpose: z.string(),
  kind: z.string(),
  source: z.string(),
  accountId: z.string().optional(),
  accountName: z.string().optional(),
  teamId: z.string().optional(),
  teamName: z.string().optional(),
  createdBy: z.string().optional(),
  createdByName: z.string().optional(),
  requestId: z.string().optional(),
  caseId: z.string().optional(),
  reason: z.string(),
  openedAt: z.string(),
  closedAt: z.string().optional(),
});
export const listRelationsOutputSchema = z.object({ relations: z.array(relationViewSchema), requests: z.array(involvementRequestSchema) });

/**
 * The auditor's view of relations beside the break-the-glass grants: every relation opened (newest
 * first, with what made it and who) and every request for one, pending or decided. It names
 * residents, so each one named is audited.
 */
export async function listRelations(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof listRelationsInputSchema>,
): Promise<z.infer<typeof listRelationsOutputSchema>> {
  const grant = await authorize(services, tx, ctx, { resource: 'involvement', action: 'read', detail: `review relations${input.source ? ` (${input.source})` : ''}` });
  const relations = await findRecentRelations(tx, { since: input.since, source: input.source, limit: input.limit }, services.staffNames);
  const requests = await findInvolvementRequests(tx, { limit: input.limit }, services.staffNames);
  const named = new Set([...relations.map((r) => r.subjectBsn), ...requests.map((r) => r.subjectBsn)]);
  await recordAccess(services, tx, ctx, grant, [...named].map((subjectBsn) => ({ resource: 'involvement', action: 'read', subjectBsn, detail: 'relation review' })));
  return {
    relations,
    requests: requests.map(({ requesterTeams: _teams, ...r }) => ({ ...r, canDecide: false })),
  };
}
