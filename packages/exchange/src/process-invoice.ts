import { createHash } from 'node:crypto';
import { answer325Parts, answerClientXml, type AnswerIdentity } from './build-325';
import { parseInvoiceClient, parseInvoiceHeader, readInvoiceClient } from './invoice-parse';
import type { BookedLine, InvoiceClient, InvoiceHeader, LineVerdict, Prestatie } from './invoice.schema';
import { clientTexts, defaultLimits, splitInvoice, type InvoiceBatch, type SplitLimits } from './invoice-split';
import { MessageRefusal } from './refusal';
import { InvoiceContentRules } from './rules/invoice-content-rules';
import { returnCodes } from './contract/return-codes';
import { openTempFile } from './temp-file';
import { signed, verifyPrestatie, type VerificationFacts } from './verify-invoice';
import { defaultXsdThreads, validateAgainstXsd, xsdPool, type XsdFinding } from './xsd';
import { declaredBasePrefixes, type XNode } from './xml-lite';

export interface JudgedLine {
  clientIndex: number;
  bsn: string;
  prestatie: Prestatie;
  verdict: LineVerdict;
}

/**
 * Where facts come from and where verdicts go: in memory (validate, tests, bench) or the database.
 * Booking is staged per message: `commitBatch` stages a batch idempotently (keyed by message and
 * ReferentieNummer, one transaction), facts never include the message's own staged lines, and only
 * `finish` makes the lines count (payment, later verification). So a crash mid-message is resumed
 * by processing the file again (same verdicts, no double booking), and a refusal `abandon`s what
 * was staged: nothing is ever half-booked.
 */
export interface InvoiceBackend {
  /**
   * The stored answer when a message with this identity (TR056: standard, type, sender and
   * Identificatie) was answered before, with the SHA-256 of its content (null when not kept):
   * the same content gets the same answer with no second effect, other content is refused (9056).
   */
  priorAnswer(header: InvoiceHeader): Promise<PriorAnswer | undefined>;
  /** Header-level codes beyond the XSD: e.g. 9333 (DeclaratieNummer of another message). */
  checkHeader(header: InvoiceHeader): Promise<string[]>;
  factsFor(header: InvoiceHeader, clients: InvoiceClient[]): Promise<VerificationFacts>;
  /** Stages one batch's verdicts (one transaction in the database backend), idempotently. */
  commitBatch(header: InvoiceHeader, lines: JudgedLine[]): Promise<void>;
  /** The message is answered: its staged lines count from now on, and the answer and the content's SHA-256 are kept. */
  finish(header: InvoiceHeader, answer: string, contentSha256: string): Promise<void>;
  /** The message is refused: whatever was staged for it is dropped. */
  abandon(header: InvoiceHeader): Promise<void>;
}

export interface PriorAnswer {
  answer: string;
  contentSha256: string | null;
}

export interface InvoiceOutcome {
  header: InvoiceHeader | null;
  refusal: MessageRefusal | null;
  clients: number;
  lines: number;
  approvedLines: number;
  rejectedLines: number;
  submittedCents: number;
  approvedCents: number;
  rejectedCents: number;
  /** The message was answered before: the stored answer was given again, nothing was booked. */
  repeated: boolean;
}

export interface ProcessOptions {
  today: string;
  /** The municipality's CBS code without GM (S300 when Ontvanger differs); omit to accept any. */
  municipality?: string;
  answerIdentity: AnswerIdentity;
  /** Receives the 325, piece by piece. */
  answer: (piece: string) => void | Promise<void>;
  onLine?: (line: JudgedLine) => void;
  onProgress?: (clients: number, lines: number) => void;
  limits?: SplitLimits;
  /** Skip the XSD (the bench measures with it; tests of pure verification may not need it). */
  validateXsd?: boolean;
  /**
   * Threads that validate batches against the XSD while this one reads and verifies the batches
   * before them: 0 validates everything on the calling thread. Default: one per core beyond the
   * first (at least one, at most two). Only a message of more than one batch uses them.
   */
  xsdThreads?: number;
  /** false: only the XSD and header rules (`kern exchange validate`), no prestatie is judged or booked. */
  verify?: boolean;
}

const ruleOf = new Map(returnCodes.map((c) => [c.code, c.rule ?? c.code]));
export function ruleForCode(code: string): string {
  return ruleOf.get(code) ?? (code === '8187' ? 'TR304' : code);
}

function withOverlay(base: VerificationFacts, judged: Map<string, BookedLine[]>, byRef: Map<string, BookedLine>): VerificationFacts {
  return {
    allocation: (n) => base.allocation(n),
    bookedOn: (n) => {
      const own = judged.get(n);
      return own ? [...base.bookedOn(n), ...own] : base.bookedOn(n);
    },
    bookedByReference: (r) => byRef.get(r) ?? base.bookedByReference(r),
    contractTariff: (c, p, on) => base.contractTariff(c, p, on),
    residentThroughout: (b, s, e) => base.residentThroughout(b, s, e),
  };
}

/** The source as it is read, with the SHA-256 of every byte of it (TR056 compares a repeat's content). */
async function* hashing(source: AsyncIterable<Buffer | string>, hash: ReturnType<typeof createHash>): AsyncIterable<Buffer | string> {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}

/** A batch on its way: its XSD verdict may still be coming from a validation thread. */
interface Pending {
  batch: InvoiceBatch;
  verdict: Promise<XsdFinding[]>;
}

/**
 * The whole 323 -> 325 pipeline over a stream: split, XSD-validate each batch as a small
 * document, verify every prestatie, book per batch, write the 325. A refusal of the message
 * (XSD, header rules) throws nothing: it is the outcome, and the 325 says it in its header.
 *
 * Validation runs ahead on `xsdThreads` other threads while this thread reads the batches
 * before it (a batch is read, verified and booked only after its own verdict has come); the first
 * batch, which holds the header, is validated here before anything else happens.
 */
export async function processInvoiceStream(source: AsyncIterable<Buffer | string>, backend: InvoiceBackend, o: ProcessOptions): Promise<InvoiceOutcome> {
  const outcome: InvoiceOutcome = { header: null, refusal: null, clients: 0, lines: 0, approvedLines: 0, rejectedLines: 0, submittedCents: 0, approvedCents: 0, rejectedCents: 0, repeated: false };
  const kept: string[] = [];
  let keptChars = 0;
  const answer = async (piece: string): Promise<void> => {
    // The answer is kept for a repeated message; a 325 of rejected lines beyond 64 MB is not kept.
    if (keptChars <= 64 << 20) {
      kept.push(piece);
      keptChars += piece.length;
    }
    await o.answer(piece);
  };
  // The rejected clients' part of the 325, kept on disk until the totals for its head are known.
  const clientsOut = await openTempFile('kern-325-', 'clients.xml');
  let rejectedClients = 0;
  const validate = o.validateXsd !== false;
  const threads = validate ? (o.xsdThreads ?? defaultXsdThreads()) : 0;
  let basePrefixes: ReadonlySet<string> = new Set();

  const verdictOf = (batch: InvoiceBatch): Promise<XsdFinding[]> => {
    if (!validate) return Promise.resolve([]);
    if (threads === 0 || batch.firstClient === 0) return Promise.resolve(validateAgainstXsd(batch.type, batch.document));
    const v = xsdPool(threads).validate(batch.type, batch.document);
    v.catch(() => undefined); // awaited in order by `handle`; a batch never reached (refusal before it) must not leave an unhandled rejection
    return v;
  };

  const hash = createHash('sha256');
  const money = new InvoiceContentRules();
  let prior: PriorAnswer | undefined;
  /** Returns false when the message was answered before (the rest is only read, for its hash). */
  const handle = async ({ batch, verdict }: Pending): Promise<boolean> => {
    const findings = await verdict;
    if (findings.length > 0) {
      const f = findings[0];
      throw new MessageRefusal('0001', f?.kind === 'not-well-formed' ? 'XML' : 'XSD', `clients ${batch.firstClient + 1}-${batch.firstClient + batch.count}: ${f?.message ?? 'invalid'}`);
    }
    let header = outcome.header;
    if (!header) {
      header = parseInvoiceHeader(batch.type, batch.prelude + batch.closing);
      outcome.header = header;
      basePrefixes = declaredBasePrefixes(batch.prelude);
      const earlier = o.verify === false ? undefined : await backend.priorAnswer(header);
      if (earlier !== undefined) {
        prior = earlier;
        return false;
      }
      const codes: string[] = [];
      if (header.dagtekening > o.today || header.declaratieDagtekening > o.today) codes.push('8848'); // TR135
      if (o.municipality !== undefined && header.ontvanger !== o.municipality) codes.push('S300'); // TR378
      codes.push(...(await backend.checkHeader(header)));
      if (codes.length > 0) throw new MessageRefusal(codes[0] as string, ruleForCode(codes[0] as string), `header refused: ${codes.join(', ')}`);
    }
    const texts = [...clientTexts(batch)];
    const parsed = texts.map((c) => readInvoiceClient(c, basePrefixes));
    const facts = await backend.factsFor(header, parsed);
    const judgedOn = new Map<string, BookedLine[]>();
    const judgedRef = new Map<string, BookedLine>();
    const overlay = withOverlay(facts, judgedOn, judgedRef);
    const lines: JudgedLine[] = [];
    for (let i = 0; i < parsed.length; i++) {
      const client = parsed[i] as InvoiceClient;
      const clientIndex = batch.firstClient + i;
      let rejected: { index: number; codes: string[] }[] | undefined;
      money.client(client.bsn);
      for (let j = 0; j < client.prestaties.length; j++) {
        const p = client.prestaties[j] as Prestatie;
        money.prestatie(header, client.bsn, p);
        const verdict = o.verify === false ? { approved: true, codes: [] } : verifyPrestatie(header, client.bsn, p, overlay);
        const line: JudgedLine = { clientIndex, bsn: client.bsn, prestatie: p, verdict };
        lines.push(line);
        const booked: BookedLine = { ...p, approved: verdict.approved };
        judgedRef.set(p.referentieNummer, booked);
        const on = judgedOn.get(p.toewijzingNummer);
        if (on) on.push(booked);
        else judgedOn.set(p.toewijzingNummer, [booked]);
        const cents = signed(p.bedrag, p.debetCredit);
        outcome.lines++;
        outcome.submittedCents += cents;
        if (verdict.approved) {
          outcome.approvedLines++;
          outcome.approvedCents += cents;
        } else {
          outcome.rejectedLines++;
          outcome.rejectedCents += cents;
          (rejected ??= []).push({ index: j, codes: verdict.codes });
        }
        o.onLine?.(line);
      }
      if (rejected) {
        // Only a rejected client is answered with its received content: read its tree now.
        const nodes = parseInvoiceClient(texts[i] as string, basePrefixes).nodes;
        rejectedClients++;
        await clientsOut.write(answerClientXml(header, client.bsn, rejected.map((r) => ({ node: nodes[r.index] as XNode, codes: r.codes }))));
      }
    }
    outcome.clients += parsed.length;
    if (o.verify !== false) await backend.commitBatch(header, lines);
    o.onProgress?.(outcome.clients, outcome.lines);
    return true;
  };

  try {
    try {
      const queue: Pending[] = [];
      let answered = true;
      for await (const batch of splitInvoice(hashing(source, hash), o.limits ?? defaultLimits)) {
        // Answered before: the rest of the file is only read, so its hash says whether it is the same message.
        if (!answered) continue;
        queue.push({ batch, verdict: verdictOf(batch) });
        // Keep the validation threads busy: up to `threads` batches are validated ahead of the one read here.
        while (answered && queue.length > (outcome.header ? threads : 0)) answered = await handle(queue.shift() as Pending);
      }
      while (answered && queue.length > 0) answered = await handle(queue.shift() as Pending);
      if (prior) {
        const sha = hash.digest('hex');
        if (prior.contentSha256 === null || prior.contentSha256 === sha) {
          outcome.repeated = true;
          await o.answer(prior.answer);
          return outcome;
        }
        throw new MessageRefusal('9056', 'TR056', `${outcome.header?.standard === 'ijw' ? 'JW' : 'WMO'}323 ${outcome.header?.identificatie ?? ''} of sender ${outcome.header?.afzender ?? ''} was received before with other content`);
      }
      if (outcome.header) money.end(outcome.header, outcome.submittedCents);
    } catch (e) {
      if (!(e instanceof MessageRefusal)) throw e;
      outcome.refusal = e;
    }
    await clientsOut.close();
    const header = outcome.header;
    if (!header) {
      // Not even a header to answer: the caller reports the refusal; there is no 325 to address.
      return outcome;
    }
    if (outcome.refusal) {
      // 9056: the identity belongs to the message answered before, which stays as it was.
      if (o.verify !== false && outcome.refusal.code !== '9056') await backend.abandon(header);
      // 9333 is a finding on the class Declaratie, answered on DeclaratieAntwoord (IV087); every other refusal on the header only.
      const parts = answer325Parts(header, o.answerIdentity, outcome.refusal.code === '9333' ? { declarationRefused: ['9333'] } : { headerCodes: [outcome.refusal.code], refused: true });
      await o.answer(parts.head + parts.tail);
      return outcome;
    }
    const parts = answer325Parts(header, o.answerIdentity, { headerCodes: ['0200'], submittedCents: outcome.submittedCents, approvedCents: outcome.approvedCents, hasClients: rejectedClients > 0 });
    await answer(parts.head);
    if (rejectedClients > 0) {
      for await (const piece of clientsOut.readBack()) await answer(piece);
    }
    await answer(parts.tail);
    if (o.verify !== false) await backend.finish(header, keptChars <= 64 << 20 ? kept.join('') : '', hash.digest('hex'));
    return outcome;
  } finally {
    await clientsOut.dispose();
  }
}
