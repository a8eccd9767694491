import type { Tx } from '@kern/db';
import type { z } from 'zod';
import type { listRelationsInputSchema, listRelationsOutputSchema, AccessContext } from './contract';
import { authorize, recordAccess, type AccessServices } from './authorize';
import { findInvolvementRequests, findRecentRelations } from './involvement-requests.repository';


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
