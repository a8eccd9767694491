import { authorize, recordAccess, type AccessContext } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput, notFound } from '@kern/kit';
import type { Resident } from '@kern/registry';
import { z } from 'zod';
import { findOpenDebtFileFor } from './debt.repository';
import { requireWgs, type DebtServices } from './debt-file-access';
import { openDebtFile } from './open-debt-file';
import { offerStatusSchema, respondToOfferInputSchema, type RespondToOfferInput, type SignalView } from './contract/signal.schema';
import { attachOpenSignalsToFile, findSignal, findSignals, setOfferStatus, type SignalRow } from './signals.repository';
import { urgencyOfSignal } from './wgs-terms';

export interface ListSignalsInput { status?: string | string[] | undefined; limit?: number | undefined }

const signalNotFound = () => notFound({ nl: 'Dit signaal bestaat niet.', en: 'This signal does not exist.' });

function formatAddress(r: Resident): string | null {
  const a = r.address;
  if (!a) return null;
  return `${a.street} ${a.houseNumber}${a.houseLetter ?? ''}${a.houseNumberAddition ? `-${a.houseNumberAddition}` : ''}, ${a.postcode} ${a.city}`;
}

/** Only the signal and identifying BRP data: the shape itself is the Wgs art. 8b boundary. */
function toView(s: SignalRow, r: Resident | undefined): SignalView {
  return {
    id: s.id, bsn: s.subjectBsn,
    resident: r ? { name: r.name.fullName, birthDate: r.birthDate, address: formatAddress(r) } : null,
    creditorName: s.creditorName, sector: s.sector, kind: s.kind, urgent: urgencyOfSignal(s.kind) !== null, arrearsCents: s.arrearsCents,
    monthsInArrears: s.monthsInArrears, firstSignalOn: s.firstSignalOn, lastSignalOn: s.lastSignalOn, timesReceived: s.timesReceived,
    offerStatus: s.offerStatus, offeredOn: s.offeredOn, respondedOn: s.respondedOn, debtFileId: s.debtFileId,
  };
}

/** The signals inbox of the debt counsellors: threatening situations first. Each resident shown is audited. */
export async function listSignals(services: DebtServices, tx: Tx, ctx: AccessContext, raw: ListSignalsInput): Promise<{ signals: SignalView[] }> {
  requireWgs(ctx);
  const statuses = z.array(offerStatusSchema).safeParse(typeof raw.status === 'string' ? raw.status.split(',') : (raw.status ?? ['new', 'offered']));
  if (!statuses.success) throw invalidInput({ nl: 'Onbekende status.', en: 'Unknown status.' }, [{ name: 'status', reason: 'new, offered, accepted, declined or no-response' }]);
  const input = { status: statuses.data, limit: raw.limit ?? 100 };
  const grant = await authorize(services, tx, ctx, { resource: 'debt-signal', action: 'read', detail: 'signals inbox' });
  const rows = await findSignals(tx, input.status, input.limit);
  const bsns = [...new Set(rows.map((r) => r.subjectBsn))];
  await recordAccess(services, tx, ctx, grant, bsns.map((bsn) => ({ resource: 'debt-signal' as const, action: 'read' as const, subjectBsn: bsn, detail: 'signal with BRP identification' })));
  const residents = new Map((await services.brp.getPersonsByBsn(bsns, { municipalityCode: ctx.actor.municipalityCode })).map((r) => [r.bsn, r]));
  return { signals: rows.map((r) => toView(r, residents.get(r.subjectBsn))) };
}

/** Records that help was offered to the resident (letter, call or visit). */
export async function offerHelp(services: DebtServices, tx: Tx, ctx: AccessContext, signalId: string): Promise<SignalView> {
  requireWgs(ctx);
  const s = await findSignal(tx, signalId);
  if (!s) throw signalNotFound();
  await authorize(services, tx, ctx, { resource: 'debt-signal', action: 'update', subjectBsn: s.subjectBsn, detail: 'help offered' });
  if (s.offerStatus !== 'new') throw new DomainError('conflict', { nl: 'Op dit signaal is al hulp aangeboden.', en: 'Help has already been offered on this signal.' });
  const today = isoDay(services.clock.now());
  await setOfferStatus(tx, s.id, 'offered', today);
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'debt.help-offered', occurredOn: today, subjectRef: s.id, law: 'wgs', data: { kind: s.kind, daysAfterSignal: Math.round((Date.parse(today) - Date.parse(s.lastSignalOn)) / 86_400_000) } }]);
  return toView({ ...s, offerStatus: 'offered', offeredOn: today }, undefined);
}

/**
 * The resident's answer. Accepting opens the debt file (and so the team relation: only from here on
 * may anything beyond the signal be processed), with the first-conversation term from today, urgent
 * when a signal names a threatening situation. Declining or no answer closes the offer.
 */
export async function respondToOffer(services: DebtServices, tx: Tx, ctx: AccessContext, signalId: string, raw: RespondToOfferInput): Promise<{ offerStatus: string; debtFileId: string | null; firstConversationDue: string | null }> {
  requireWgs(ctx);
  const parsed = respondToOfferInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput({ nl: 'Het antwoord is niet volledig.', en: 'The response is incomplete.' }, parsed.error.issues.map((i) => ({ name: i.path.join('.') || 'response', reason: i.message })));
  const input = parsed.data;
  const s = await findSignal(tx, signalId);
  if (!s) throw signalNotFound();
  await authorize(services, tx, ctx, { resource: 'debt-signal', action: 'update', subjectBsn: s.subjectBsn, detail: `offer ${input.response}` });
  if (s.offerStatus !== 'new' && s.offerStatus !== 'offered') throw new DomainError('conflict', { nl: 'Dit aanbod is al beantwoord.', en: 'This offer has already been answered.' });
  const today = isoDay(services.clock.now());
  if (input.response !== 'accepted') {
    await setOfferStatus(tx, s.id, input.response, today);
    await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: `debt.offer-${input.response === 'declined' ? 'declined' : 'unanswered'}`, occurredOn: today, subjectRef: s.id, law: 'wgs' }]);
    return { offerStatus: input.response, debtFileId: null, firstConversationDue: null };
  }
  if (await findOpenDebtFileFor(tx, s.subjectBsn)) {
    throw new DomainError('conflict', { nl: 'Voor deze inwoner loopt al een schuldhulpdossier.', en: 'A debt file is already open for this resident.' });
  }
  const urgencyGround = urgencyOfSignal(s.kind);
  const opened = await openDebtFile(services, tx, ctx, {
    subjectBsn: s.subjectBsn, householdBsns: input.householdBsns, requestDate: today, contact: input.contact,
    ...(urgencyGround ? { urgencyGround } : {}), ...(input.teamId ? { teamId: input.teamId } : {}),
  }, 'signal');
  await attachOpenSignalsToFile(tx, s.subjectBsn, opened.debtFileId, today);
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'debt.offer-accepted', occurredOn: today, subjectRef: s.id, law: 'wgs', data: { urgent: urgencyGround !== null } }]);
  return { offerStatus: 'accepted', debtFileId: opened.debtFileId, firstConversationDue: opened.firstConversationDue };
}
