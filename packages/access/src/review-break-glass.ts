import type { Tx } from '@kern/db';
import { notFound } from '@kern/kit';
import type { z } from 'zod';
import type { listBreakGlassInputSchema, listBreakGlassOutputSchema, reviewBreakGlassInputSchema, AccessContext } from './contract';
import { findBreakGlassGrants, reviewBreakGlassGrant } from './access.repository';
import { authorize, recordAccess, type AccessServices } from './authorize';


export async function listBreakGlassGrants(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof listBreakGlassInputSchema>,
): Promise<z.infer<typeof listBreakGlassOutputSchema>> {
  const grant = await authorize(services, tx, ctx, { resource: 'break-glass-grant', action: 'read', detail: `list ${input.review}` });
  const grants = await findBreakGlassGrants(tx, input.review, services.staffNames);
  // The list names the residents looked at: each of them gets a record of this read.
  await recordAccess(services, tx, ctx, grant, [...new Set(grants.map((g) => g.subjectBsn))].map((subjectBsn) => ({
    resource: 'break-glass-grant' as const, action: 'read' as const, subjectBsn, detail: `listed among break-the-glass grants (${input.review})`,
  })));
  return { grants };
}


/** The auditor's after-the-fact review of a break-the-glass grant; a grant is reviewed once. */
export async function reviewBreakGlass(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  grantId: string,
  input: z.infer<typeof reviewBreakGlassInputSchema>,
): Promise<void> {
  const grant = await authorize(services, tx, ctx, { resource: 'break-glass-grant', action: 'review', detail: `grant ${grantId}` });
  const reviewed = await reviewBreakGlassGrant(tx, { id: grantId, reviewerId: ctx.actor.id, verdict: input.verdict, note: input.note, at: services.clock.now() });
  if (!reviewed) {
    throw notFound({ nl: 'Deze doorbreekglas-toegang bestaat niet of is al beoordeeld.', en: 'This break-the-glass grant does not exist or was already reviewed.' });
  }
  await recordAccess(services, tx, ctx, grant, [
    { resource: 'break-glass-grant', action: 'review', subjectBsn: reviewed.subjectBsn, detail: `verdict ${input.verdict}` },
  ]);
}
