import { createHash } from 'node:crypto';
import { authorize, recordAccess, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, clientPseudonym, isoDay, type Tx } from '@kern/db';
import { DomainError, conflict, invalidInput, newId, notFound } from '@kern/kit';
import { build319 } from '../build-319';
import type { Standard } from '../messages';
import { refuseUnlessSendable } from '../rules/check-message';
import * as repo from './regie.repository';

const standardOf = (purpose: string): Standard => {
  if (purpose === 'wmo') return 'iwmo';
  if (purpose === 'jeugdwet') return 'ijw';
  throw new DomainError('forbidden', { nl: 'Verzoeken van aanbieders horen bij de Wmo of de Jeugdwet.', en: 'Requests from providers belong to the Wmo or the Jeugdwet.' });
};

export interface InboxRequest {
  id: string;
  kind: '315' | '317';
  standard: Standard;
  providerAgb: string;
  subjectBsn: string;
  referentieAanbieder: string;
  details: Record<string, unknown>;
  status: repo.RequestRow['status'];
  receivedAt: string;
}

const toInbox = (r: repo.RequestRow): InboxRequest => ({
  id: r.id,
  kind: r.kind,
  standard: r.standard,
  providerAgb: r.providerAgb,
  subjectBsn: r.subjectBsn,
  referentieAanbieder: r.referentieAanbieder,
  details: r.details,
  status: r.status,
  receivedAt: r.receivedAt,
});

/**
 * The requests inbox (315/317) of the purpose's law: open and in-onderzoek requests by default,
 * oldest first. Every client shown is audited in the same transaction.
 */
export async function readRequestsInbox(services: AccessServices, tx: Tx, ctx: AccessContext, q: { status?: 'open' | 'in-onderzoek' | 'refused' | 'granted' | undefined; limit?: number | undefined } = {}): Promise<InboxRequest[]> {
  const standard = standardOf(requirePurpose(ctx));
  const grant = await authorize(services, tx, ctx, { resource: 'allocation-request', action: 'read', detail: `requests inbox ${standard}` });
  const rows = await repo.listRequests(tx, { standard, statuses: q.status ? [q.status] : ['open', 'in-onderzoek'], limit: Math.min(q.limit ?? 100, 500) });
  await recordAccess(services, tx, ctx, grant, rows.map((r) => ({ resource: 'allocation-request' as const, action: 'read' as const, subjectBsn: r.subjectBsn, detail: `request ${r.referentieAanbieder} from AGB ${r.providerAgb}` })));
  return rows.map(toInbox);
}

export interface AnswerRequestInput {
  /** WJ760: 1 verzoek afgewezen, 2 aanvraag in onderzoek. A grant is answered with a 301 from the allocation. */
  verzoekAntwoord: '1' | '2';
  /** WJ759, required with 1. */
  redenAfwijzingVerzoek?: string | null | undefined;
  /** iJw only: the responsible municipality per the woonplaatsbeginsel (four digits), with reason 8. */
  woonplaatsbeginselGemeente?: string | null | undefined;
}

export interface AnswerRequestResult {
  request: InboxRequest;
  messageType: '319';
  identification: string;
  xml: string;
}

/**
 * Answers a request with a 319: refused (1, with its reason) or in onderzoek (2). Builds the 319,
 * validates it against its XSD, logs it as sent and moves the request on; one transaction. A
 * request already refused or granted cannot be answered again.
 */
export async function answerRequest(services: AccessServices, tx: Tx, ctx: AccessContext, requestId: string, input: AnswerRequestInput): Promise<AnswerRequestResult> {
  const standard = standardOf(requirePurpose(ctx));
  const row = await repo.findRequest(tx, requestId);
  if (!row || row.standard !== standard) throw notFound({ nl: 'Dit verzoek bestaat niet (onder dit doel).', en: 'This request does not exist (under this purpose).' });
  await authorize(services, tx, ctx, { resource: 'allocation-request', action: 'decide', subjectBsn: row.subjectBsn, detail: `319 on request ${row.referentieAanbieder} from AGB ${row.providerAgb}` });
  if (row.status === 'refused' || row.status === 'granted') {
    throw conflict({ nl: `Dit verzoek is al beantwoord (${row.status}).`, en: `This request has already been answered (${row.status}).` });
  }
  if (input.verzoekAntwoord === '2' && row.status === 'in-onderzoek') {
    throw conflict({ nl: 'Dit verzoek is al in onderzoek gemeld.', en: 'This request was already reported as under investigation.' });
  }
  const reason = input.redenAfwijzingVerzoek ?? null;
  if (input.verzoekAntwoord === '1' && !reason) throw invalidInput({ nl: 'Geef bij een afwijzing de reden (WJ759).', en: 'A refusal needs its reason (WJ759).' }, [{ name: 'redenAfwijzingVerzoek', reason: 'required with verzoekAntwoord 1' }]);
  if (input.verzoekAntwoord === '2' && reason) throw invalidInput({ nl: 'Alleen een afwijzing heeft een reden.', en: 'Only a refusal has a reason.' }, [{ name: 'redenAfwijzingVerzoek', reason: 'only with verzoekAntwoord 1' }]);
  const now = services.clock.now();
  const identification = await repo.nextOutIdentification(tx, row.providerAgb, '319');
  const xml = build319({
    standard,
    afzender: ctx.actor.municipalityCode,
    ontvanger: row.providerAgb,
    identificatie: identification,
    dagtekening: isoDay(now),
    referentieAanbieder: row.referentieAanbieder,
    verzoekAntwoord: input.verzoekAntwoord,
    redenAfwijzingVerzoek: reason,
    woonplaatsbeginselGemeente: standard === 'ijw' ? (input.woonplaatsbeginselGemeente ?? null) : null,
  });
  // XSD and every rule on the message itself: a message that breaks one is never sent.
  refuseUnlessSendable(xml, isoDay(now));
  const messageId = newId();
  await repo.insertLog(tx, {
    id: messageId,
    municipalityCode: ctx.actor.municipalityCode,
    standard,
    messageType: '319',
    direction: 'out',
    providerAgb: row.providerAgb,
    identification,
    messageDate: isoDay(now),
    subjectBsn: row.subjectBsn,
    status: 'sent',
    headerCodes: [],
    findings: [],
    contentSha256: createHash('sha256').update(xml, 'utf8').digest('hex'),
    content: xml,
    answer: null,
    answersMessageId: null,
    at: now,
    byActor: ctx.actor.id,
  });
  await repo.insertRequestAnswer(tx, { id: newId(), municipalityCode: ctx.actor.municipalityCode, requestId: row.id, answer: input.verzoekAntwoord, refusalReason: reason, messageId, at: now, by: ctx.actor.id });
  const status = input.verzoekAntwoord === '1' ? 'refused' : 'in-onderzoek';
  await repo.setRequestStatus(tx, row.id, status);
  await appendDomainEvents(tx, [{
    municipalityCode: ctx.actor.municipalityCode,
    type: 'exchange.request-answered',
    occurredOn: isoDay(now),
    subjectRef: await clientPseudonym(tx, ctx.actor.municipalityCode, row.subjectBsn),
    law: standard === 'iwmo' ? 'wmo' : 'jeugdwet',
    data: { verzoekAntwoord: input.verzoekAntwoord, refusalReason: reason, providerAgb: row.providerAgb },
  }]);
  return { request: toInbox({ ...row, status }), messageType: '319', identification, xml };
}

export interface ClientExchangeStatus {
  careDeliveries: repo.DeliveryRow[];
  messages: { id: string; standard: Standard; messageType: string; direction: 'in' | 'out'; providerAgb: string; identification: string; messageDate: string; status: string; headerCodes: string[]; findings: repo.RegieFinding[]; at: string }[];
}

/** The message log and care delivery status of one client, under the purpose's law. Audited. */
export async function readClientExchange(services: AccessServices, tx: Tx, ctx: AccessContext, bsn: string): Promise<ClientExchangeStatus> {
  const standard = standardOf(requirePurpose(ctx));
  await authorize(services, tx, ctx, { resource: 'care-delivery', action: 'read', subjectBsn: bsn, detail: `exchange status ${standard}` });
  const messages = (await repo.logForSubject(tx, bsn)).filter((m) => m.standard === standard);
  const deliveries = await repo.deliveriesForSubject(tx, bsn, standard);
  return {
    careDeliveries: deliveries,
    messages: messages.map((m) => ({ id: m.id, standard: m.standard, messageType: m.messageType, direction: m.direction, providerAgb: m.providerAgb, identification: m.identification, messageDate: m.messageDate, status: m.status, headerCodes: m.headerCodes, findings: m.findings, at: m.at })),
  };
}
