import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, type Tx } from '@kern/db';
import { DomainError, invalidInput, isValidBsn, newId } from '@kern/kit';
import { insertSignal } from './household-signals.repository';
import { signalKinds, type RecordSignalInput } from './contract';

/** Records an education or housing signal about a resident the actor works with. */
export async function recordHouseholdSignal(services: AccessServices, tx: Tx, ctx: AccessContext, subjectBsn: string, input: RecordSignalInput): Promise<{ id: string }> {
  requirePurpose(ctx);
  if (!isValidBsn(subjectBsn)) throw invalidInput({ nl: 'Dit is geen geldig BSN.', en: 'This is not a valid BSN.' }, [{ name: 'bsn', reason: '11-test fails' }]);
  if (input.teamId && !ctx.actor.teamIds.includes(input.teamId)) {
    throw new DomainError('forbidden', { nl: 'U kunt alleen uw eigen team opgeven.', en: 'You can only name your own team.' });
  }
  await authorize(services, tx, ctx, { resource: 'household-signal', action: 'create', subjectBsn, detail: `signal ${input.kind}` });
  const category = (signalKinds.education as readonly string[]).includes(input.kind) ? 'education' : 'housing';
  const id = newId();
  const now = services.clock.now();
  await insertSignal(tx, {
    id,
    municipalityCode: ctx.actor.municipalityCode,
    subjectBsn,
    category,
    kind: input.kind,
    summary: input.summary,
    observedOn: input.observedOn,
    teamId: input.teamId ?? ctx.actor.teamIds[0] ?? null,
    recordedBy: ctx.actor.id,
    recordedAt: now.toISOString(),
  });
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'household.signal-recorded', occurredOn: input.observedOn, subjectRef: id, data: { category, kind: input.kind } }]);
  return { id };
}
