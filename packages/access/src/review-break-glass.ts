import type { Tx } from '@kern/db';
import { notFound } from '@kern/kit';
import { z } from 'zod';
import type { AccessContext } from './contract';
import { findBreakGlassGrants, reviewBreakGlassGrant } from './access.repository';
import { authorize, recordAccess, type AccessServices } from './authorize';

export const breakGlassGrantSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string().optional(),
  subjectBsn: z.string(),
  purpose: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  verdict: z.string().optional(),
  reviewNote: z.string().optional(),
});
export const listBreakGlassInputSchema = z.object({ review: z.enum(['open', 'done', 'all']).default('open') });
export const listBreakGlassOutputSchema = z.object({ grants: z.array(breakGlassGrantSchema) });

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

export const reviewBreakGlassInputSchema = z.object({
  verdict: z.enum(['justified', 'unjustified']),
  note: z.string().trim().min(1).max(2000),
});

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
