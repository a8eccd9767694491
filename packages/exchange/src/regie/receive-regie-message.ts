import { createHash } from 'node:crypto';
import { authorize, runAsTenant, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, clientPseudonym, isoDay, type Tx } from '@kern/db';
import { DomainError, newId } from '@kern/kit';
import { buildRetour } from '../build-retour';
import { judgeStart, judgeStop, parseStartStop, startStopMessageFindings } from '../care-delivery/start-stop-rules';
import type { Finding } from '../inbound/header-rules';
import { readInboundMessage, type InboundMessage } from '../inbound/read-message';
import { returnOf, type MessageNumber, type Standard } from '../messages';
import { MessageRefusal } from '../refusal';
import { parse315, parse317 } from '../requests/request-parse';
import { judge315, judge317, requestMessageFindings, type RequestFacts } from '../requests/request-rules';
import { child, childText, children, req, type XNode } from '../xml-lite';
import { validateAgainstXsd } from '../xsd';
import * as repo from './regie.repository';
import type { RegieFinding } from './regie.repository';

/** The regie messages a provider sends to the municipality; 323 (invoices) has its own flow. */
export const receivableRegieTypes = ['302', '305', '307', '315', '317', '320'] as const;
export type ReceivableRegieType = (typeof receivableRegieTypes)[number];

/** A message refused before any rule ran (hostile, not iWmo/iJw 3.2, XSD-invalid, not for this municipality): nothing is recorded. */
export class RegieRefused extends DomainError {
  constructor(
    readonly rule: string,
    readonly returnCode: string,
    detail: string,
  ) {
    super('invalid-input', { nl: `Bericht geweigerd (${rule}, retourcode ${returnCode}): ${detail}`, en: `Message refused (${rule}, return code ${returnCode}): ${detail}` }, [{ name: rule, reason: `${returnCode}: ${detail}` }]);
  }
}

export interface ReceiveResult {
  standard: Standard;
  messageType: MessageNumber;
  /** The message's identity (for a 302/320 its IdentificatieRetour). */
  identification: string;
  providerAgb: string;
  /** answered: judged and answered (lines may still carry codes); refused: the whole message refused by a content rule (nothing booked); recorded: a 302/320 recorded. */
  status: 'answered' | 'refused' | 'recorded';
  /** True when this exact message was received before: the stored answer is returned and nothing happens again. */
  duplicate: boolean;
  headerCodes: string[];
  /** Every code other than 0200, with the rule and the element it is on. */
  findings: RegieFinding[];
  /** The retour (306, 308, 316, 318) as sent, XSD-validated; null for a 302/320. */
  answer: { messageType: MessageNumber; xml: string } | null;
}

const lawOf = (s: Standard): 'wmo' | 'jeugdwet' => (s === 'iwmo' ? 'wmo' : 'jeugdwet');
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function read(xml: string): InboundMessage {
  try {
    return readInboundMessage(xml);
  } catch (e) {
    if (e instanceof MessageRefusal) throw new RegieRefused(e.rule, e.code, e.message);
    throw e;
  }
}

/**
 * What receiving needs besides access: the provisions module's answer to "the provider
 * acknowledged this allocation as sent at that moment" (a 302 with only 0200). The port keeps the
 * dependency pointing from the exchange to nothing in provisions; apps wire provisions'
 * acknowledgeAllocation here. Without it the acknowledgement is kept in the exchange's own log only.
 */
export interface RegieServices extends AccessServices {
  allocationAcknowledged?: ((tx: Tx, toewijzingNummer: string, sentAllocatedAt: string, at: Date) => Promise<boolean>) | undefined;
}

/**
 * Receives one regie message from a care provider (305, 307, 315, 317, or a retour 302/320 on a
 * message Kern sent) for the actor's municipality: refuses hostile or invalid input before
 * anything is written, checks the actor may receive it under the message's law, audits the
 * client, applies the technical rules, books what they allow (care delivery, the requests inbox,
 * the retour of a 301/319) and answers with the retour carrying the WJ001 codes on the element
 * each is about. The same message (sender, type, identification) received again returns the
 * stored answer and books nothing; the same identification with other content is refused (TR056).
 */
export async function receiveRegieMessage(services: RegieServices, tx: Tx, ctx: AccessContext, xml: string): Promise<ReceiveResult> {
  const msg = read(xml);
  const number = msg.type.number;
  if (!(receivableRegieTypes as readonly string[]).includes(number)) {
    throw new RegieRefused('TYPE', '0001', `${msg.type.name} is not a regie message Kern receives here${number === '323' ? ' (invoices go through exchange process)' : ''}`);
  }
  const isRetour = number === '302' || number === '320';
  const municipality = isRetour ? msg.header.afzender : msg.header.ontvanger;
  const provider = isRetour ? msg.header.ontvanger : msg.header.afzender;
  if (municipality !== ctx.actor.municipalityCode) {
    throw new RegieRefused('ONTVANGER', '0001', `the message is for municipality ${municipality.slice(0, 4)}, not for ${ctx.actor.municipalityCode}`);
  }
  if (ctx.purpose !== lawOf(msg.type.standard)) {
    throw new DomainError('forbidden', {
      nl: `Een ${msg.type.standard}-bericht verwerkt u onder het doel ${lawOf(msg.type.standard)} (doelbinding).`,
      en: `An ${msg.type.standard} message is processed under the purpose ${lawOf(msg.type.standard)} (purpose limitation).`,
    });
  }
  const identification = isRetour ? (msg.header.identificatieRetour ?? '') : msg.header.identificatie;
  // A 320 names no client: the client is the one of the 319 it answers (audited like any other).
  const bsn = clientBsn(msg) ?? (number === '320' ? ((await repo.findLogged(tx, { direction: 'out', standard: msg.type.standard, providerAgb: provider, messageType: '319', identification: msg.header.identificatie }))?.subjectBsn ?? null) : null);
  const resource = number === '305' || number === '307' ? 'care-delivery' : 'exchange-message';
  await authorize(services, tx, ctx, { resource, action: 'create', subjectBsn: bsn ?? undefined, detail: `${msg.type.name} ${identification} from AGB ${provider}` });

  const hash = sha256(xml);
  const earlier = await repo.findLogged(tx, { direction: 'in', standard: msg.type.standard, providerAgb: provider, messageType: number, identification });
  if (earlier) {
    if (earlier.contentSha256 !== hash) {
      throw new RegieRefused('TR056', '9056', `${msg.type.name} ${identification} of provider ${provider} was received before with other content`);
    }
    return {
      standard: earlier.standard,
      messageType: number,
      identification,
      providerAgb: provider,
      status: earlier.status === 'sent' ? 'recorded' : earlier.status,
      duplicate: true,
      headerCodes: earlier.headerCodes,
      findings: earlier.findings,
      answer: earlier.answer ? { messageType: returnOf[number] ?? number, xml: earlier.answer } : null,
    };
  }

  const now = services.clock.now();
  const today = isoDay(now);
  const base = { services, tx, ctx, msg, provider, identification, hash, now, today, bsn };
  switch (number) {
    case '305':
    case '307':
      return receiveStartStop(base);
    case '315':
    case '317':
      return receiveRequest(base);
    default:
      return receiveRetour(base);
  }
}

const isUniqueViolation = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';

/**
 * Receives a message in a transaction of its own. When the same message is delivered twice at the
 * same moment, the slower transaction hits the log's unique identity and is rolled back; it is
 * then run once more, sees the first one's answer and returns it as a duplicate.
 */
export async function deliverRegieMessage(services: RegieServices, ctx: AccessContext, xml: string): Promise<ReceiveResult> {
  try {
    return await runAsTenant(services, ctx, (tx) => receiveRegieMessage(services, tx, ctx, xml));
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return runAsTenant(services, ctx, (tx) => receiveRegieMessage(services, tx, ctx, xml));
  }
}

function clientBsn(msg: InboundMessage): string | null {
  const client = child(msg.root, 'Client');
  return client ? (childText(client, 'Bsn') ?? null) : null;
}

interface Received {
  services: RegieServices;
  tx: Tx;
  ctx: AccessContext;
  msg: InboundMessage;
  provider: string;
  identification: string;
  hash: string;
  now: Date;
  today: string;
  bsn: string | null;
}

/** Collects findings per message class node, and answers with the retour carrying them. */
class Verdicts {
  readonly byNode = new Map<XNode, Finding[]>();
  readonly list: RegieFinding[] = [];
  add(node: XNode, element: string, ref: string | null, fs: Finding[]): void {
    if (fs.length === 0) return;
    this.byNode.set(node, [...(this.byNode.get(node) ?? []), ...fs]);
    for (const f of fs) this.list.push({ element, ref, rule: f.rule, code: f.code });
  }
}

/**
 * The retour per IV028: its own identification (unique for the municipality); only the Header
 * when the message is accepted without any finding (no return codes) or refused as a whole (the
 * header with its codes); the client's classes with a code on each when a finding is on one of them.
 */
async function answer(r: Received, v: Verdicts, headerCodes: string[], refused = false): Promise<{ messageType: MessageNumber; xml: string }> {
  const accepted = !refused && v.list.length === 0;
  const retour = buildRetour(r.msg.type, r.msg.xml, {
    identificatie: await repo.nextRetourIdentification(r.tx, 'R'),
    dagtekening: r.today,
    root: r.msg.root,
    headerCodes: accepted ? [] : headerCodes,
    headerOnly: accepted || refused,
    codesFor: (n) => {
      const fs = v.byNode.get(n);
      return fs ? [...new Set(fs.map((f) => f.code))] : undefined;
    },
  });
  const invalid = validateAgainstXsd(retour.type, retour.xml);
  if (invalid.length > 0) throw new Error(`Kern built an invalid ${retour.type.name}: ${invalid[0]?.message ?? ''}`);
  return { messageType: retour.type.number, xml: retour.xml };
}

async function log(r: Received, status: repo.LogRow['status'], headerCodes: string[], findings: RegieFinding[], answerXml: string | null, answersMessageId: string | null = null): Promise<string> {
  const id = newId();
  await repo.insertLog(r.tx, {
    id,
    municipalityCode: r.ctx.actor.municipalityCode,
    standard: r.msg.type.standard,
    messageType: r.msg.type.number,
    direction: 'in',
    providerAgb: r.provider,
    identification: r.identification,
    messageDate: r.msg.header.dagtekening,
    subjectBsn: r.bsn,
    status,
    headerCodes,
    findings,
    contentSha256: r.hash,
    content: r.msg.xml,
    answer: answerXml,
    answersMessageId,
    at: r.now,
    byActor: r.ctx.actor.id,
  });
  return id;
}

/** Header and whole-message rules refuse the message: 0001 (or 8848) on the header, nothing booked. */
async function refuseWhole(r: Received, whole: { header: Finding[]; content: Finding[] }): Promise<ReceiveResult | undefined> {
  const all = [...whole.header, ...whole.content];
  if (all.length === 0) return undefined;
  const headerCodes = [...new Set(all.map((f) => f.code))];
  const findings = all.map((f) => ({ element: 'Header', ref: null, rule: f.rule, code: f.code }));
  const a = await answer(r, new Verdicts(), headerCodes, true);
  await log(r, 'refused', headerCodes, findings, a.xml);
  return result(r, 'refused', headerCodes, findings, a);
}

function result(r: Received, status: ReceiveResult['status'], headerCodes: string[], findings: RegieFinding[], a: ReceiveResult['answer']): ReceiveResult {
  return { standard: r.msg.type.standard, messageType: r.msg.type.number, identification: r.identification, providerAgb: r.provider, status, duplicate: false, headerCodes, findings, answer: a };
}

async function receiveStartStop(r: Received): Promise<ReceiveResult> {
  const m = parseStartStop(r.msg);
  const refused = await refuseWhole(r, startStopMessageFindings(m, r.msg.header.dagtekening, r.today));
  if (refused) return refused;
  // The log row first (care delivery rows point at the message that started or stopped them); its
  // answer is written once every line is judged.
  const messageId = newId();
  await insertLogWithId(r, messageId);
  const v = new Verdicts();
  const effects: { kind: 'started' | 'stopped' | 'removed' | 'stop-removed'; line: (typeof m.lines)[number] }[] = [];
  for (const l of m.lines) {
    const allocation = await repo.findAllocationByNumber(r.tx, l.toewijzingNummer);
    const deliveries = allocation ? await repo.liveDeliveries(r.tx, l.toewijzingNummer) : [];
    const fs = m.kind === '305' ? judgeStart(m, l, allocation, deliveries) : judgeStop(m, l, allocation, deliveries);
    v.add(l.node, m.kind === '305' ? 'StartProduct' : 'StopProduct', l.toewijzingNummer, fs);
    if (fs.length > 0 || !allocation) continue;
    const same = deliveries.find((d) => d.begindatum === l.begindatum);
    if (m.kind === '305') {
      if (l.statusAanlevering === '3' && same) {
        await repo.removeDelivery(r.tx, same.id);
        effects.push({ kind: 'removed', line: l });
      } else {
        await repo.insertDelivery(r.tx, { id: newId(), municipalityCode: r.ctx.actor.municipalityCode, allocationId: allocation.id, toewijzingNummer: l.toewijzingNummer, subjectBsn: m.bsn, providerAgb: m.provider, beginDate: l.begindatum, startMessageId: messageId });
        effects.push({ kind: 'started', line: l });
      }
    } else if (same) {
      if (l.statusAanlevering === '3') {
        await repo.stopDelivery(r.tx, same.id, null);
        effects.push({ kind: 'stop-removed', line: l });
      } else {
        await repo.stopDelivery(r.tx, same.id, { endDate: l.einddatum ?? l.begindatum, reason: l.redenBeeindiging, messageId });
        effects.push({ kind: 'stopped', line: l });
      }
    }
  }
  const a = await answer(r, v, ['0200']);
  await repo.setLogAnswer(r.tx, messageId, { status: 'answered', headerCodes: ['0200'], findings: v.list, answer: a.xml });
  if (effects.length > 0) {
    const subjectRef = await clientPseudonym(r.tx, r.ctx.actor.municipalityCode, m.bsn);
    await appendDomainEvents(
      r.tx,
      effects.map((e) => ({
        municipalityCode: r.ctx.actor.municipalityCode,
        type: `exchange.care-${e.kind}`,
        occurredOn: e.kind === 'stopped' ? (e.line.einddatum ?? e.line.begindatum) : e.line.begindatum,
        subjectRef,
        law: lawOf(m.standard),
        data: { messageType: m.kind, providerAgb: m.provider, ...(e.kind === 'stopped' ? { endingReason: e.line.redenBeeindiging } : {}) },
      })),
    );
  }
  return result(r, 'answered', ['0200'], v.list, a);
}

async function insertLogWithId(r: Received, id: string, final?: { status: repo.LogRow['status']; headerCodes: string[]; findings: RegieFinding[]; answer: string | null; answersMessageId: string | null }): Promise<void> {
  await repo.insertLog(r.tx, {
    id,
    municipalityCode: r.ctx.actor.municipalityCode,
    standard: r.msg.type.standard,
    messageType: r.msg.type.number,
    direction: 'in',
    providerAgb: r.provider,
    identification: r.identification,
    messageDate: r.msg.header.dagtekening,
    subjectBsn: r.bsn,
    status: final?.status ?? 'answered',
    headerCodes: final?.headerCodes ?? ['0200'],
    findings: final?.findings ?? [],
    contentSha256: r.hash,
    content: r.msg.xml,
    answer: final?.answer ?? null,
    answersMessageId: final?.answersMessageId ?? null,
    at: r.now,
    byActor: r.ctx.actor.id,
  });
}

async function receiveRequest(r: Received): Promise<ReceiveResult> {
  const req315 = r.msg.type.number === '315' ? parse315(r.msg) : null;
  const req317 = r.msg.type.number === '317' ? parse317(r.msg) : null;
  const parsed = req315 ?? req317;
  if (!parsed) throw new Error('unreachable');
  const refused = await refuseWhole(r, requestMessageFindings(parsed, r.msg.header.dagtekening, r.today));
  if (refused) return refused;
  const facts: RequestFacts = {
    referenceUsed: (ref) => repo.referenceUsed(r.tx, { standard: parsed.standard, providerAgb: parsed.provider, ref }),
    openRequest: () => repo.openRequestExists(r.tx, { standard: parsed.standard, providerAgb: parsed.provider, bsn: parsed.bsn }),
    currentAllocations: () => repo.currentAllocations(r.tx, { bsn: parsed.bsn, providerAgb: parsed.provider, standard: parsed.standard, on: r.msg.header.dagtekening }),
  };
  const v = new Verdicts();
  const accepted: { ref: string; details: Record<string, unknown> }[] = [];
  if (req315) {
    const found = await judge315(req315, facts);
    v.add(req315.client, 'Client', null, found.get(req315.client) ?? []);
    for (const p of req315.products) {
      const fs = found.get(p.node) ?? [];
      v.add(p.node, 'AangevraagdProduct', p.referentieAanbieder, fs);
      if (fs.length === 0 && !found.has(req315.client)) {
        const { node: _node, referentieAanbieder: _ref, ...details } = p;
        accepted.push({ ref: p.referentieAanbieder, details });
      }
    }
  } else if (req317) {
    const found = await judge317(req317, r.msg.header.dagtekening, facts);
    v.add(req317.verzoek, 'Verzoek', req317.referentieAanbieder, found.get(req317.verzoek) ?? []);
    for (const p of [...req317.unchanged, ...req317.toChange]) v.add(p.node, p.node.name, p.toewijzingNummer, found.get(p.node) ?? []);
    for (const p of req317.added) v.add(p.node, p.node.name, null, found.get(p.node) ?? []);
    // A 317 is one request: any finding refuses it as a whole.
    if (v.list.length === 0) {
      const strip = <T extends { node: XNode }>(x: T): Omit<T, 'node'> => {
        const { node: _n, ...rest } = x;
        return rest;
      };
      accepted.push({
        ref: req317.referentieAanbieder,
        details: { redenVerzoek: req317.redenVerzoek, unchanged: req317.unchanged.map((p) => p.toewijzingNummer), toChange: req317.toChange.map(strip), added: req317.added.map(strip) },
      });
    }
  }
  const a = await answer(r, v, ['0200']);
  const messageId = await log(r, 'answered', ['0200'], v.list, a.xml);
  for (const x of accepted) {
    await repo.insertRequest(r.tx, { id: newId(), municipalityCode: r.ctx.actor.municipalityCode, messageId, kind: parsed.kind, standard: parsed.standard, providerAgb: parsed.provider, subjectBsn: parsed.bsn, referentieAanbieder: x.ref, details: x.details, receivedAt: r.now });
  }
  if (accepted.length > 0) {
    const subjectRef = await clientPseudonym(r.tx, r.ctx.actor.municipalityCode, parsed.bsn);
    await appendDomainEvents(r.tx, accepted.map(() => ({ municipalityCode: r.ctx.actor.municipalityCode, type: 'exchange.request-received', occurredOn: r.today, subjectRef, law: lawOf(parsed.standard), data: { messageType: parsed.kind, providerAgb: parsed.provider } })));
  }
  return result(r, 'answered', ['0200'], v.list, a);
}

/**
 * A 302 (on a 301) or 320 (on a 319): recorded against the message Kern sent. The retour's
 * header carries the original's identification; its own identity is IdentificatieRetour.
 */
async function receiveRetour(r: Received): Promise<ReceiveResult> {
  const original = r.msg.type.number === '302' ? '301' : '319';
  const sent = await repo.findLogged(r.tx, { direction: 'out', standard: r.msg.type.standard, providerAgb: r.provider, messageType: original, identification: r.msg.header.identificatie });
  if (!sent) throw new RegieRefused('RETOUR', '0001', `no ${original} ${r.msg.header.identificatie} was sent to provider ${r.provider}`);
  const headerCodes = r.msg.header.retourCodes;
  const findings: RegieFinding[] = headerCodes.filter((c) => c !== '0200').map((c) => ({ element: 'Header', ref: null, rule: 'retour', code: c }));
  const messageId = newId();
  await insertLogWithId(r, messageId, { status: 'recorded', headerCodes, findings, answer: null, answersMessageId: sent.id });
  if (r.msg.type.number === '302') {
    const client = child(r.msg.root, 'Client');
    const list = client ? child(client, 'ToegewezenProducten') : undefined;
    const acknowledged: string[] = [];
    for (const p of list ? children(list, 'ToegewezenProduct') : []) {
      const nr = req(p, 'ToewijzingNummer');
      const codesNode = child(p, 'RetourCodes');
      const codes = codesNode ? children(codesNode, 'RetourCode').map((c) => c.text) : [];
      const all = [...headerCodes.filter((c) => c !== '0200'), ...codes];
      for (const c of codes.filter((x) => x !== '0200')) findings.push({ element: 'ToegewezenProduct', ref: nr, rule: 'retour', code: c });
      const done = await repo.recordAllocationRetour(r.tx, { messageId: sent.id, toewijzingNummer: nr, codes: all.length > 0 ? all : ['0200'], retourMessageId: messageId });
      // Acknowledged by its 302 (all codes 0200): the allocation as it was sent counts as received.
      if (done && all.every((c) => c === '0200')) {
        acknowledged.push(done.allocationId);
        await r.services.allocationAcknowledged?.(r.tx, nr, done.allocatedAt, r.now);
      }
    }
    if (findings.length > 0) await repo.setLogAnswer(r.tx, messageId, { status: 'recorded', headerCodes, findings, answer: null });
    if (r.bsn) {
      const subjectRef = await clientPseudonym(r.tx, r.ctx.actor.municipalityCode, r.bsn);
      await appendDomainEvents(r.tx, [{ municipalityCode: r.ctx.actor.municipalityCode, type: 'exchange.allocation-retour-received', occurredOn: r.today, subjectRef, law: lawOf(r.msg.type.standard), data: { acknowledged: acknowledged.length, returned: findings.length } }]);
    }
  } else {
    await repo.recordAnswerRetour(r.tx, sent.id, headerCodes);
  }
  return result(r, 'recorded', headerCodes, findings, null);
}
