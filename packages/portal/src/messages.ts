import { AccessDenied, authorize, requirePurpose, type AccessContext, type Purpose } from '@kern/access';
import { drainQueue, type QueueOptions, type Tx } from '@kern/db';
import { findTeamNames } from '@kern/identity';
import { DomainError, invalidInput, isValidBsn, newId, notFound } from '@kern/kit';
import { municipalitySettings } from '@kern/tenancy';
import { authorizeForPerson } from './citizen-access';
import type { MailSender, PortalServices, ResolvedCitizenSession } from './citizen-session';
import { purposeTopic, topicPurpose, visibleMessagePurposes } from './message-purpose';
import type { Topic } from './contract';
import {
  enqueueMail, findContactEmail, findMessageOf, findMessages, findOpenMessages, insertMessage, markHandled, markReadBy, PORTAL_MAIL_QUEUE, upsertContact, type MessageRow,
} from './portal.repository';

/**
 * The secure thread between a resident and the municipality (their coordinator, or the team on
 * their case). The resident sees the role and team of whoever wrote, and the staff member's name
 * only where the municipality chose so (setting portalAnswerSignature). When staff
 * write, an e-mail says that a message waits; the e-mail never carries the message.
 */

const CASEWORKER_ROLE_ORDER = ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor'] as const;

async function toMessages(tx: Tx, rows: MessageRow[], viewer: 'citizen' | 'staff') {
  const teams = await findTeamNames(tx, rows.map((r) => r.authorTeamId).filter((t): t is string => t !== null));
  const byName = rows.some((r) => r.authorKind === 'staff') && (await municipalitySettings(tx)).portalAnswerSignature === 'name';
  return rows.map((r) => {
    const team = r.authorKind === 'staff' && r.authorTeamId ? (teams.get(r.authorTeamId) ?? null) : null;
    return {
    id: r.id,
    from: (r.authorKind === 'citizen') === (viewer === 'citizen') ? ('me' as const) : ('municipality' as const),
    role: r.authorKind === 'staff' ? r.authorRole : null,
    team,
    body: r.body,
    sentAt: r.sentAt,
    topic: r.topic,
    read: viewer === 'citizen' ? r.authorKind === 'citizen' || r.readByCitizenAt !== null : r.authorKind === 'staff' || r.readByStaffAt !== null,
    answeredBy: r.authorKind === 'staff' ? ((byName ? r.authorName : null) ?? team) : null,
    handled: r.authorKind === 'citizen' && r.handledAt !== null,
    };
  });
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
    authorRole: role, authorTeamId: ctx.actor.teamIds[0] ?? null, body, at: now, purpose, topic: purposeTopic[purpose], authorName: ctx.actor.name,
  });
  const email = await findContactEmail(tx, bsn);
  if (email) await enqueueMail(tx, { id: newId(), municipalityCode: ctx.actor.municipalityCode, toAddress: email, template: 'message-waiting' });
  const visible = await visibleMessagePurposes(services, tx, { ...ctx, purpose }, bsn);
  // The answer settles what the answerer was shown: those messages leave the team's inbox.
  await markHandled(tx, { subjectBsn: bsn, purposes: visible, by: ctx.actor.id, at: now });
  return { messages: (await toMessages(tx, await findMessages(tx, bsn, visible), 'staff')).reverse() };
}

/** A citizen's message that needs no answer in the portal (answered by phone, say) leaves the inbox. */
export async function markHandledAsStaff(services: PortalServices, tx: Tx, ctx: AccessContext, bsn: string, id: string) {
  requireBsn(bsn);
  const purpose = requirePurpose(ctx);
  await authorize(services, tx, ctx, { resource: 'portal-message', action: 'create', subjectBsn: bsn, detail: `portal message ${id} marked handled` });
  if (ctx.actor.kind !== 'staff') throw new DomainError('forbidden', { nl: 'Alleen medewerkers handelen berichten af.', en: 'Only staff mark messages handled.' });
  const visible = await visibleMessagePurposes(services, tx, { ...ctx, purpose }, bsn);
  const message = await findMessageOf(tx, bsn, id);
  // Another resident's id, a staff message or one of a purpose not shown: as if it did not exist.
  if (!message || message.authorKind !== 'citizen' || !visible.includes(message.purpose as Purpose)) {
    throw notFound({ nl: 'Dit bericht bestaat niet of u mag het niet zien.', en: 'This message does not exist or you may not see it.' });
  }
  await markHandled(tx, { subjectBsn: bsn, purposes: visible, id, by: ctx.actor.id, at: services.clock.now() });
  return { messages: (await toMessages(tx, await findMessages(tx, bsn, visible), 'staff')).reverse() };
}

const INBOX_SUBJECTS = 100;
const INBOX_ITEMS = 200;

/**
 * The staff inbox: citizens' messages not yet answered or handled, of the residents the actor (or
 * their team) works with under the purpose they work under, and of those only the messages that
 * purpose may see (as the thread shows them). Each resident passes the access decision, audited;
 * a resident without a relation is left out, never shown.
 */
export async function readInbox(services: PortalServices, tx: Tx, ctx: AccessContext, order: 'newest' | 'oldest') {
  const purpose = requirePurpose(ctx);
  if (ctx.actor.kind !== 'staff') throw new DomainError('forbidden', { nl: 'Alleen medewerkers hebben een postvak.', en: 'Only staff have an inbox.' });
  const candidates = await findOpenMessages(tx, purpose === 'integraal' ? ['integraal', 'wmo', 'jeugdwet', 'participatiewet', 'wgs'] : [purpose], order);
  const subjects = [...new Set(candidates.map((m) => m.subjectBsn))].slice(0, INBOX_SUBJECTS);
  const visible = new Map<string, Purpose[]>();
  for (const bsn of subjects) {
    try {
      await authorize(services, tx, ctx, { resource: 'portal-message', action: 'read', subjectBsn: bsn, detail: 'portal inbox' });
      visible.set(bsn, await visibleMessagePurposes(services, tx, { ...ctx, purpose }, bsn));
    } catch (e) {
      // No relation under this purpose: not this team's resident. Nothing was written; go on.
      if (!(e instanceof AccessDenied)) throw e;
    }
  }
  const open = candidates.filter((m) => visible.get(m.subjectBsn)?.includes(m.purpose as Purpose));
  const people = visible.size ? await services.brp.getPersonsByBsn([...visible.keys()], { municipalityCode: ctx.actor.municipalityCode }) : [];
  const names = new Map(people.map((p) => [p.bsn, p.name.fullName]));
  return {
    items: open.slice(0, INBOX_ITEMS).map((m) => ({
      id: m.id, bsn: m.subjectBsn, clientName: names.get(m.subjectBsn) ?? m.subjectBsn, topic: m.topic, purpose: m.purpose,
      excerpt: m.body.length > 140 ? `${m.body.slice(0, 139)}…` : m.body, sentAt: m.sentAt,
    })),
    total: open.length,
  };
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
