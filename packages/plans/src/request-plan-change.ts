import type { AccessContext, AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { conflict, invalidInput, newId } from '@kern/kit';
import { loadPlanFor } from './load-plan';
import { findPlanVersions, insertChangeRequest } from './plans.repository';
import { requestPlanChangeInputSchema, type RequestPlanChangeInput } from './contract';

/**
 * A member asks for a change to the plan in force. The agreed version is not touched; the
 * coordinator answers with a new version (draftPlanVersion marks the request answered).
 */
export async function requestPlanChange(services: AccessServices, tx: Tx, ctx: AccessContext, planId: string, raw: RequestPlanChangeInput): Promise<{ id: string; basedOnVersion: number }> {
  const input = requestPlanChangeInputSchema.parse(raw);
  const { row, members } = await loadPlanFor(services, tx, ctx, planId, { resource: 'plan', action: 'update', subjectBsn: input.requestedByBsn, detail: 'change request' });
  if (!members.some((m) => m.bsn === input.requestedByBsn)) {
    throw invalidInput({ nl: 'Alleen een lid van het huishouden vraagt een wijziging aan.', en: 'Only a member of the household requests a change.' }, [{ name: 'requestedByBsn', reason: 'not a member' }]);
  }
  const agreed = (await findPlanVersions(tx, planId)).filter((v) => v.agreedAt !== null).at(-1);
  if (!agreed) throw conflict({ nl: 'Er is nog geen afgesproken plan om te wijzigen; het concept kan nog worden aangepast.', en: 'There is no agreed plan to change yet; the draft can still be edited.' });
  const id = newId();
  const now = services.clock.now();
  await insertChangeRequest(tx, { id, municipalityCode: row.municipalityCode, planId, basedOnVersion: agreed.version, requestedAt: now.toISOString(), requestedByBsn: input.requestedByBsn, request: input.request });
  await appendDomainEvents(tx, [{ municipalityCode: row.municipalityCode, type: 'plan.change-requested', occurredOn: isoDay(now), subjectRef: planId, law: 'integraal', teamId: row.teamId, data: { version: agreed.version } }]);
  return { id, basedOnVersion: agreed.version };
}
