import { appendDomainEvents, type Tx } from '@kern/db';
import { invalidInput, isValidBsn, newId } from '@kern/kit';
import type { AccessContext } from './contract';
import { authorize, type AccessServices } from './authorize';
import { findConsentRecords, insertConsentRecord } from './consent.repository';
import type { Consent, ConsentRecord, RecordConsentInput } from './contract';
import { currentPrivacyNotice } from './privacy-notice';

export function requireValidBsn(bsn: string): void {
  if (!isValidBsn(bsn)) throw invalidInput({ nl: 'Dit is geen geldig BSN.', en: 'This is not a valid BSN.' }, [{ name: 'bsn', reason: '11-test fails' }]);
}

/**
 * Records a resident's consent for one purpose and recipient, covering the chosen data
 * categories. The privacy notice in force bounds what it may cover; the record names the notice
 * version. It takes effect at once (the household view reads consents on every request) and is
 * never edited: see withdrawConsent.
 *
 * The actor is explicit: staff record a consent given in a conversation (access through the
 * policy, resource `consent`); a citizen actor recording their own consent in the portal goes
 * through the same function once that actor exists.
 */
export async function recordConsent(services: AccessServices, tx: Tx, ctx: AccessContext, subjectBsn: string, input: RecordConsentInput): Promise<Consent> {
  requireValidBsn(subjectBsn);
  await authorize(services, tx, ctx, {
    resource: 'consent', action: 'create', subjectBsn,
    detail: `consent for ${input.purpose} to ${input.recipient}: ${input.dataCategories.join(', ')}`,
  });
  const notice = await currentPrivacyNotice(tx, ctx.actor.municipalityCode);
  const outside = [
    ...(notice.purposes.includes(input.purpose) ? [] : [{ name: 'purpose', reason: `not in privacy notice version ${notice.version}` }]),
    ...(notice.recipients.includes(input.recipient) ? [] : [{ name: 'recipient', reason: `not in privacy notice version ${notice.version}` }]),
    ...input.dataCategories.filter((c) => !notice.dataCategories.includes(c)).map((c) => ({ name: 'dataCategories', reason: `${c} is not in privacy notice version ${notice.version}` })),
  ];
  if (outside.length > 0) {
    throw invalidInput(
      { nl: 'Deze toestemming gaat verder dan de privacyverklaring toestaat.', en: 'This consent goes beyond what the privacy notice allows.' },
      outside,
    );
  }
  const record: ConsentRecord = {
    id: newId(),
    subjectBsn,
    action: 'given',
    purpose: input.purpose,
    recipient: input.recipient,
    dataCategories: [...new Set(input.dataCategories)],
    noticeVersion: notice.version,
    withdraws: null,
    recordedAt: services.clock.now().toISOString(),
    recordedByKind: ctx.actor.kind,
    note: input.note ?? null,
  };
  await insertConsentRecord(tx, ctx.actor.municipalityCode, { ...record, recordedBy: ctx.actor.id });
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'consent.given', occurredOn: record.recordedAt.slice(0, 10), subjectRef: record.id, law: input.purpose }]);
  return { ...record, inEffect: true, withdrawnAt: null };
}

/** Folds the append-only records into consents with their current state, newest first. */
export function consentsFrom(records: ConsentRecord[]): Consent[] {
  const withdrawals = new Map(records.filter((r) => r.withdraws).map((r) => [r.withdraws ?? '', r]));
  return records
    .filter((r) => r.action === 'given')
    .map((r) => {
      const w = withdrawals.get(r.id);
      return { ...r, inEffect: !w, withdrawnAt: w ? w.recordedAt : null };
    })
    .reverse();
}

/** A resident's consents, in effect and withdrawn, with the notice in force. */
export async function listConsents(services: AccessServices, tx: Tx, ctx: AccessContext, subjectBsn: string): Promise<{ consents: Consent[]; notice: Awaited<ReturnType<typeof currentPrivacyNotice>> }> {
  requireValidBsn(subjectBsn);
  await authorize(services, tx, ctx, { resource: 'consent', action: 'read', subjectBsn, detail: 'list consents' });
  return { consents: consentsFrom(await findConsentRecords(tx, subjectBsn)), notice: await currentPrivacyNotice(tx, ctx.actor.municipalityCode) };
}
