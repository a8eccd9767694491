import { authorize, requirePurpose, type AccessContext } from '@kern/access';
import { drainQueue, type QueueOptions, type Tx } from '@kern/db';
import { findTeamNames } from '@kern/identity';
import { DomainError, invalidInput, isValidBsn, newId } from '@kern/kit';
import { authorizeForPerson } from './citizen-access';
import type { MailSender, PortalServices, ResolvedCitizenSession } from './citizen-session';
import { purposeTopic, topicPurpose, visibleMessagePurposes } from './message-purpose';
import type { Topic } from './contract';
import { enqueueMail, findContactEmail, findMessages, insertMessage, markReadBy, PORTAL_MAIL_QUEUE, upsertContact, type MessageRow } from './portal.repository';

/**
 * The secure thread between a resident and the municipality (their coordinator, or the team on
 * their case). The resident sees the role and team of whoever wrote, never a name. When staff
 * write, an e-mail says that a message waits; the e-mail never carries the message.
 */

const CASEWORKER_ROLE_ORDER = ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor'] as const;

async function toMessages(tx: Tx, rows: MessageRow[], viewer: 'citizen' | 'staff') {
  const teams = await findTeamNames(tx, rows.map((r) => r.authorTeamId).filter((t): t is string => t !== null));
  return rows.map((r) => ({
    id: r.id,
    from: (r.authorKind === 'citizen') === (viewer === 'citizen') ? ('me' as const) : ('municipality' as const),
    role: r.authorKind === 'staff' ? r.authorRole : null,
    team: r.authorKind === 'staff' && r.authorTeamId ? (teams.get(r.authorTeamId) ?? null) : null,
    body: r.body,
    sentAt: r.sentAt,
    topic: r.topic,
    read: viewer === 'citizen' ? r.authorKind === 'citizen' || r.readByCitizenAt !== null : r.authorKind === 'staff' || r.readByStaffAt !== null,
  }));
}

export async function listMyMessages(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-message', action: 'read', detail: 'message thread' }, requestId);
  const rows = await findMessages(tx, person.bsn);
  const messages = await toMessages(tx, rows, 'citizen');
  await markReadBy(tx, person.bsn, 'citizen', services.clock.now());
  return { messages: messages.reverse() };
}

/** The citizen's message goes to the staff of the purpose its topic is about (topicPurpose). */
export async function sendMyMessage(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, input: { body: string; topic: Topic }, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-message', action: 'create', detail: `message to the municipality about ${input.topic}` }, requestId);
  await insertMessage(tx, {
    id: newId(), municipalityCode: session.actor.municipalityCode, subjectBsn: person.bsn, authorKind: 'citizen', authorId: session.actor.id,
    authorRole: null, authorTeamId: null, body: input.body, at: services.clock.now(), purpose: topicPurpose[input.topic], topic: input.topic,
  });
  return { messages: (await toMessages(tx, await findMessages(tx, person.bsn), 'citizen')).reverse() };
}

export async function setMyContactEmail(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, email: string | null, requestId?: string) {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-data', action: 'update', detail: 'notification e-mail address' }, requestId);
  await upsertContact(tx, session.actor.municipalityCode, person.bsn, email, services.clock.now());
  return { email };
}

function requireBsn(bsn: string): void {
  if (!isValidBsn(bsn)) throw invalidInput({ nl: 'Dit is geen geldig burgerservicenummer.', en: 'This is not a valid citizen service number (BSN).' }, [{ name: 'bsn', reason: '11-test fails' }]);
}

/**
 * Staff side: the coordinator or the team on a case reads the thread (needs a relation under the
 * purpose), and of it only the messages of the purposes they may see (visibleMessagePurposes).
 */
export async function readThreadAsStaff(services: PortalServices, tx: Tx, ctx: AccessContext, bsn: string) {
  requireBsn(bsn);
  const purpose = requirePurpose(ctx);
  await authorize(services, tx, ctx, { resource: 'portal-message', action: 'read', subjectBsn: bsn, detail: 'portal message thread' });
  const visible = await visibleMessagePurposes(services, tx, { ...ctx, purpose }, bsn);
  const messages = (await toMessages(tx, await findMessages(tx, bsn, visible), 'staff')).reverse();
  await markReadBy(tx, bsn, 'staff', services.clock.now(), visible);
  return { messages };
}

export async function answerAsStaff(services: PortalServices, tx: Tx, ctx: AccessContext, bsn: string, body: string) {
  requireBsn(bsn);
  const purpose = requirePurpose(ctx);
  await authorize(services, tx, ctx, { resource: 'portal-message', action: 'create', subjectBsn: bsn, detail: 'answer in portal message thread' });
  if (ctx.actor.kind !== 'staff') throw new DomainError('forbidden', { nl: 'Alleen medewerkers beantwoorden berichten.', en: 'Only staff answer messages.' });
  const role = CASEWORKER_ROLE_ORDER.find((r) => ctx.actor.roles.includes(r)) ?? null;
  const now = services.clock.now();
  await insertMessage(tx, {
    id: newId(), municipalityCode: ctx.actor.municipalityCode, subjectBsn: bsn, authorKind: 'staff', authorId: ctx.actor.id,
    authorRole: role, authorTeamId: ctx.actor.teamIds[0] ?? null, body, at: now, purpose, topic: purposeTopic[purpose],
  });
  const email = await findContactEmail(tx, bsn);
  if (email) await enqueueMail(tx, { id: newId(), municipalityCode: ctx.actor.municipalityCode, toAddress: email, template: 'message-waiting' });
  const visible = await visibleMessagePurposes(services, tx, { ...ctx, purpose }, bsn);
  return { messages: (await toMessages(tx, await findMessages(tx, bsn, visible), 'staff')).reverse() };
}

/** The only mail the portal sends: no content, no name, no case; just that something waits. */
export const messageWaitingMail = {
  subject: 'Er staat een bericht voor u klaar / A message is waiting for you',
  text:
    'Beste inwoner,\n\nEr staat een nieuw bericht voor u klaar in het portaal van uw gemeente. Log in om het te lezen.\n\n' +
    'Dear resident,\n\nA new message is waiting for you in your municipality\'s portal. Log in to read it.\n',
};

/**
 * The portal's mail queue: one job per notice, run in its municipality's transaction. A send that
 * throws leaves the job queued for a later attempt (backoff), and after eight it is dead with the
 * error, for an administrator to see; the job id goes with the mail as its idempotency key, since
 * a mail server can accept a mail and the commit after it still fail.
 */
export function portalMailQueue(mail: MailSender, options: Partial<Pick<QueueOptions, 'backoffMs' | 'municipalityCode'>> = {}): QueueOptions {
  return {
    queue: PORTAL_MAIL_QUEUE,
    ...options,
    handler: async (_tx, job) => {
      const notice = job.payload as { toAddress: string; template: 'message-waiting' };
      await mail.send({ to: notice.toAddress, ...messageWaitingMail, idempotencyKey: `kern-portal-mail-${job.id}` });
    },
  };
}

/** Sends what waits in the outbox of one municipality; a failed send stays for a later round (the job worker's). */
export async function dispatchOutbox(services: { db: PortalServices['db']; mail: MailSender }, municipalityCode: string, limit = 50): Promise<number> {
  const outcomes = await drainQueue(services.db, { ...portalMailQueue(services.mail, { municipalityCode }), limit });
  return outcomes.filter((o) => o.status === 'done').length;
}

/** Demo mode: mail goes to the log (address masked), never to the network. */
export function logMailSender(log: (line: string) => void): MailSender {
  return {
    send(mail) {
      const masked = mail.to.replace(/^(.).*(@.*)$/, '$1***$2');
      log(`portal mail to ${masked}: ${mail.subject}`);
      return Promise.resolve();
    },
  };
}
