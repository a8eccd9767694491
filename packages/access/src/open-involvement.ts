import type { Tx } from '@kern/db';
import { DomainError, invalidInput, isValidBsn, newId, notFound } from '@kern/kit';
import { z } from 'zod';
import type { AccessContext } from './contract';
import { closeInvolvementRow as closeRow, findInvolvement, insertInvolvement } from './access.repository';
import { authorize, type AccessServices } from './authorize';
import { requirePurpose } from './http-context';

export const openInvolvementInputSchema = z.object({
  subjectBsn: z.string(),
  kind: z.enum(['case', 'coordinator']).default('case'),
  /** Assign to the actor's team instead of the actor personally. */
  teamId: z.string().uuid().optional(),
  reason: z.string().trim().min(5).max(1000),
});
export const involvementOutputSchema = z.object({ involvement: z.object({ id: z.string().uuid(), subjectBsn: z.string(), purpose: z.string(), kind: z.string() }) });

/**
 * Records that the actor (or their team) works on a resident under the purpose: the relation
 * the policy reasons about. This is the seam the cases module uses when a melding is taken up;
 * coordinators are assigned only under the integral purpose.
 */
export async function openInvolvement(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof openInvolvementInputSchema>,
): Promise<z.infer<typeof involvementOutputSchema>> {
  const purpose = requirePurpose(ctx);
  if (!isValidBsn(input.subjectBsn)) {
    throw invalidInput({ nl: 'Dit is geen geldig BSN.', en: 'This is not a valid BSN.' }, [{ name: 'subjectBsn', reason: '11-test fails' }]);
  }
  if (input.kind === 'coordinator' && purpose !== 'integraal') {
    throw invalidInput(
      { nl: 'Een regisseur wordt alleen aangewezen onder het doel integrale regie.', en: 'A coordinator is only assigned under the integral purpose.' },
      [{ name: 'kind', reason: 'coordinator requires purpose integraal' }],
    );
  }
  if (input.teamId && !ctx.actor.teamIds.includes(input.teamId)) {
    throw new DomainError('forbidden', { nl: 'U kunt alleen uw eigen team toewijzen.', en: 'You can only assign your own team.' });
  }
  await authorize(services, tx, ctx, { resource: 'involvement', action: 'create', subjectBsn: input.subjectBsn, detail: `${input.kind}: ${input.reason}` });
  const id = newId();
  await insertInvolvement(tx, {
    id,
    municipalityCode: ctx.actor.municipalityCode,
    subjectBsn: input.subjectBsn,
    purpose,
    kind: input.kind,
    accountId: input.teamId ? null : ctx.actor.id,
    teamId: input.teamId ?? null,
    reason: input.reason,
    openedAt: services.clock.now(),
  });
  return { involvement: { id, subjectBsn: input.subjectBsn, purpose, kind: input.kind } };
}

export async function closeInvolvement(services: AccessServices, tx: Tx, ctx: AccessContext, id: string): Promise<void> {
  const existing = await findInvolvement(tx, id);
  const own = existing && (existing.accountId === ctx.actor.id || (existing.teamId !== null && ctx.actor.teamIds.includes(existing.teamId)));
  // Someone else's involvement is reported as absent: ids must not reveal what exists.
  if (!existing || !own) throw notFound({ nl: 'Deze betrokkenheid bestaat niet.', en: 'This involvement does not exist.' });
  await authorize(services, tx, { ...ctx, purpose: existing.purpose }, { resource: 'involvement', action: 'update', subjectBsn: existing.subjectBsn, detail: 'close' });
  await closeRow(tx, id, services.clock.now());
}
