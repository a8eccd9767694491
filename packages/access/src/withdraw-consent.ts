import { appendDomainEvents, type Tx } from '@kern/db';
import { conflict, newId, notFound } from '@kern/kit';
import type { AccessContext } from './contract';
import { authorize, type AccessServices } from './authorize';
import { findConsentRecord, findConsentRecords, insertConsentRecord } from './consent.repository';
import type { Consent, ConsentRecord } from './contract';
import { consentsFrom, requireValidBsn } from './record-consent';

const absent = () => notFound({ nl: 'Deze toestemming bestaat niet.', en: 'This consent does not exist.' });

/**
 * Withdraws a consent by writing a withdrawal record that points at it (the database refuses
 * updates and a second withdrawal). Takes effect at once: the next household view no longer
 * finds the consent. What was shown before stays in the audit log.
 */
export async function withdrawConsent(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  subjectBsn: string,
  consentId: string,
  input: { note?: string | undefined } = {},
): Promise<Consent> {
  requireValidBsn(subjectBsn);
  await authorize(services, tx, ctx, { resource: 'consent', action: 'update', subjectBsn, detail: `withdraw consent ${consentId}` });
  const given = await findConsentRecord(tx, consentId);
  // Another resident's consent id is reported as absent: ids must not reveal what exists.
  if (!given || given.subjectBsn !== subjectBsn || given.action !== 'given') throw absent();
  const state = consentsFrom(await findConsentRecords(tx, subjectBsn)).find((c) => c.id === consentId);
  if (!state?.inEffect) throw conflict({ nl: 'Deze toestemming is al ingetrokken.', en: 'This consent has already been withdrawn.' });
  const withdrawal: ConsentRecord = {
    ...given,
    id: newId(),
    action: 'withdrawn',
    withdraws: given.id,
    recordedAt: services.clock.now().toISOString(),
    recordedByKind: ctx.actor.kind,
    note: input.note ?? null,
  };
  await insertConsentRecord(tx, ctx.actor.municipalityCode, { ...withdrawal, recordedBy: ctx.actor.id });
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'consent.withdrawn', occurredOn: withdrawal.recordedAt.slice(0, 10), subjectRef: given.id, law: given.purpose }]);
  return { ...given, inEffect: false, withdrawnAt: withdrawal.recordedAt };
}
