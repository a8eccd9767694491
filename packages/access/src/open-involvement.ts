import type { Tx } from '@kern/db';
import { DomainError, invalidInput, isValidBsn, newId, notFound } from '@kern/kit';
import type { z } from 'zod';
import type { involvementRequestOutputSchema, openInvolvementInputSchema, AccessContext } from './contract';
import { closeInvolvementRow as closeRow, findInvolvement } from './access.repository';
import { insertInvolvementRequest } from './involvement-requests.repository';
import { authorize, type AccessServices } from './authorize';
import { requirePurpose } from './http-context';


/**
 * A relation the actor asks for themself (or their team): never a relation at once, only a
 * pending request that someone else with authority decides (decide-involvement-request.ts).
 * Relations that come from the work itself are made where the work happens: starting a case
 * (cases), opening a debt file (debt), assigning a coordinator. Until the request is approved it
 * gives no read; the attempt is on the audit record with its reason.
 */
export async function requestInvolvement(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof openInvolvementInputSchema>,
): Promise<z.infer<typeof involvementRequestOutputSchema>> {
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
    throw new DomainError('forbidden', { nl: 'U kunt alleen voor uw eigen team toegang aanvragen.', en: 'You can only ask access for your own team.' });
  }
  if (ctx.actor.kind !== 'staff') {
    throw new DomainError('forbidden', { nl: 'Alleen medewerkers vragen toegang aan.', en: 'Only staff ask for access.' });
  }
  await authorize(services, tx, ctx, { resource: 'involvement', action: 'create', subjectBsn: input.subjectBsn, detail: `request ${input.kind}: ${input.reason}` });
  const id = newId();
  await insertInvolvementRequest(tx, {
    id,
    municipalityCode: ctx.actor.municipalityCode,
    subjectBsn: input.subjectBsn,
    purpose,
    kind: input.kind,
    requestedBy: ctx.actor.id,
    requesterTeams: [...ctx.actor.teamIds],
    teamId: input.teamId ?? null,
    reason: input.reason,
    at: services.clock.now(),
  });
  return { request: { id, subjectBsn: input.subjectBsn, purpose, kind: input.kind, status: 'pending' } };
}

export async function closeInvolvement(services: AccessServices, tx: Tx, ctx: AccessContext, id: string): Promise<void> {
  const existing = await findInvolvement(tx, id);
  const own = existing && (existing.accountId === ctx.actor.id || (existing.teamId !== null && ctx.actor.teamIds.includes(existing.teamId)));
  // Someone else's involvement is reported as absent: ids must not reveal what exists.
  if (!existing || !own) throw notFound({ nl: 'Deze betrokkenheid bestaat niet.', en: 'This involvement does not exist.' });
  await authorize(services, tx, { ...ctx, purpose: existing.purpose }, { resource: 'involvement', action: 'update', subjectBsn: existing.subjectBsn, detail: 'close' });
  await closeRow(tx, id, services.clock.now());
}
