import { randomUUID } from 'node:crypto';
import { appendDomainEvents, isoDay, withTenant, type AnyDb, type Tx } from '@kern/db';
import { conflict, type Clock } from '@kern/kit';
import type { BookedLine, InvoiceClient, InvoiceHeader } from '../invoice.schema';
import type { InvoiceBackend, JudgedLine, PriorAnswer } from '../process-invoice';
import type { VerificationFacts } from '../verify-invoice';
import {
  allocationsByNumber,
  beat,
  otherMessageInProgress,
  appendLineEvents,
  bookedLines,
  bookMessage,
  contractTariffs,
  declaratieNummerUsedElsewhere,
  failMessage,
  findMessage,
  messageTotals,
  pseudonymsFor,
  refuseMessage,
  stageLines,
  upsertReceivingMessage,
  type MessageKey,
  type TariffRow,
} from './exchange.repository';
import type { Residence, ResidencySource } from './residency';

/**
 * The lease of a message being received. While it is processed a timer renews its heartbeat every
 * BEAT_EVERY_MS (besides every staged batch); a message whose heartbeat is older than LEASE_MS
 * belongs to a process that died (crash, kill, power cut) and no longer holds up its sender: the
 * sender's next delivery marks it failed and goes ahead. A lease rather than "failed at start-up"
 * because several instances may receive at once: one instance's restart says nothing about
 * another's messages. An error inside a living process fails the message at once (receiveInvoice).
 */
export const LEASE_MS = 60_000;
const BEAT_EVERY_MS = 15_000;

export interface PgInvoiceBackendOptions {
  db: AnyDb;
  municipalityCode: string;
  residency: ResidencySource;
  clock: Clock;
  /** Who delivered the file (actor id), kept on the message. */
  receivedBy: string;
  /** Writes the audit records of the clients a batch books, in that batch's transaction. */
  auditClients?: (tx: Tx, bsns: string[]) => Promise<void>;
}

/**
 * The InvoiceBackend on the database: facts from the allocations (0053), the contracts (0052)
 * and the BRP, loaded once per batch with one query per kind of fact; verdicts staged per batch
 * in one transaction each (table exchange_invoice_lines, under a message still receiving) and booked in one
 * transaction when the message is answered. Each call is its own tenant transaction, so a crash
 * between batches leaves only staged lines, which processing the file again replaces.
 */
export class PgInvoiceBackend implements InvoiceBackend {
  private messageId: string | undefined;
  /** The booked lines per allocation of the batch whose facts were loaded last (commitBatch follows factsFor). */
  private bookedOfBatch = new Map<string, BookedLine[]>();
  private batches = 0;
  /** Test hook: called before a batch is staged, e.g. to simulate a crash. */
  beforeCommit: ((batch: number) => void) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly o: PgInvoiceBackendOptions) {}

  /** The stored message's id once the header was seen. */
  get storedMessageId(): string | undefined {
    return this.messageId;
  }

  private key(h: InvoiceHeader): MessageKey {
    return { municipalityCode: this.o.municipalityCode, standard: h.standard, sender: h.afzender, messageType: '323', identification: h.identificatie };
  }

  private tx<T>(fn: Parameters<typeof withTenant<T>>[2]): Promise<T> {
    return withTenant(this.o.db, this.o.municipalityCode, fn);
  }

  async priorAnswer(header: InvoiceHeader): Promise<PriorAnswer | undefined> {
    return this.tx(async (tx) => {
      const k = this.key(header);
      const stored = await findMessage(tx, k);
      if (stored?.status === 'answered') {
        this.messageId = stored.id;
        // A 325 over 64 MB is not kept: say so rather than answer a repeat with an empty message.
        if (!stored.answer) {
          throw conflict({
            nl: 'Dit bericht is al verwerkt; er is niets opnieuw geboekt. Het antwoord (325) was te groot om te bewaren: de uitkomst per regel staat in de declaratie-inbox.',
            en: 'This message was processed before; nothing was booked again. Its answer (325) was too large to keep: the verdict of every line is in the invoice inbox.',
          });
        }
        return { answer: stored.answer, contentSha256: stored.contentSha256 };
      }
      if (await otherMessageInProgress(tx, k, this.o.clock.now(), LEASE_MS)) {
        throw conflict({
          nl: `Er wordt al een andere declaratie van aanbieder ${header.afzender} verwerkt. Lever dit bericht opnieuw aan als die klaar is; er is niets geboekt.`,
          en: `Another invoice of provider ${header.afzender} is being processed. Deliver this message again when it is done; nothing was booked.`,
        });
      }
      this.messageId = await upsertReceivingMessage(tx, stored?.id ?? randomUUID(), k, header, this.o.clock.now(), this.o.receivedBy);
      return undefined;
    }).then((answer) => {
      if (answer === undefined) this.keepLease();
      return answer;
    });
  }

  /** Renews the message's heartbeat on a timer until `release`: a slow batch (a large XSD validation) does not lose the lease. */
  private keepLease(): void {
    const messageId = this.messageId;
    if (!messageId || this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      // A failed renewal is not this message's failure: the next one (or the next batch) renews it.
      this.tx((tx) => beat(tx, messageId, this.o.clock.now())).catch(() => undefined);
    }, BEAT_EVERY_MS);
    this.heartbeat.unref();
  }

  /** Stops renewing the lease (the message is answered, refused or failed). */
  release(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** Processing failed inside Kern: the message is failed with the reason and no longer holds up its sender. */
  async fail(reason: string): Promise<void> {
    this.release();
    const messageId = this.messageId;
    if (!messageId) return;
    await this.tx((tx) => failMessage(tx, messageId, reason, this.o.clock.now()));
  }

  async checkHeader(header: InvoiceHeader): Promise<string[]> {
    const used = await this.tx((tx) => declaratieNummerUsedElsewhere(tx, this.key(header), header.declaratieNummer));
    return used ? ['9333'] : [];
  }

  async factsFor(header: InvoiceHeader, clients: InvoiceClient[]): Promise<VerificationFacts> {
    const numbers = new Set<string>();
    const references = new Set<string>();
    const categories = new Set<string>();
    for (const c of clients) {
      for (const p of c.prestaties) {
        numbers.add(p.toewijzingNummer);
        references.add(p.referentieNummer);
        if (p.vorigReferentieNummer) references.add(p.vorigReferentieNummer);
        categories.add(p.productCategorie);
      }
    }
    const m = this.o.municipalityCode;
    const [db, residence] = await Promise.all([
      this.tx(async (tx) => ({
        allocations: await allocationsByNumber(tx, m, header.afzender, [...numbers]),
        booked: await bookedLines(tx, m, header.standard, header.afzender, [...numbers], [...references], this.messageId ?? null),
        tariffs: await contractTariffs(tx, m, header.afzender, header.standard, [...categories]),
      })),
      this.o.residency.residence(m, clients.map((c) => c.bsn)),
    ]);
    const allocations = new Map(db.allocations.map((a) => [a.toewijzingNummer, a]));
    this.bookedOfBatch = new Map();
    const onAllocation = new Map<string, BookedLine[]>();
    const byReference = new Map<string, BookedLine>();
    for (const l of db.booked) {
      byReference.set(l.referentieNummer, l);
      const list = onAllocation.get(l.toewijzingNummer);
      if (list) list.push(l);
      else onAllocation.set(l.toewijzingNummer, [l]);
    }
    this.bookedOfBatch = onAllocation;
    return {
      allocation: (n) => allocations.get(n),
      bookedOn: (n) => onAllocation.get(n) ?? [],
      bookedByReference: (r) => byReference.get(r),
      contractTariff: (cat, code, on) => tariffOn(db.tariffs, cat, code, on),
      residentThroughout: (bsn, begin, end) => livedThroughout(residence.get(bsn), begin, end),
    };
  }

  async commitBatch(header: InvoiceHeader, lines: JudgedLine[]): Promise<void> {
    this.beforeCommit?.(++this.batches);
    const messageId = this.requireMessage();
    await this.tx(async (tx) => {
      await beat(tx, messageId, this.o.clock.now());
      const refs = await pseudonymsFor(tx, this.o.municipalityCode, lines.map((l) => l.bsn));
      await stageLines(
        tx,
        this.o.municipalityCode,
        messageId,
        header.standard,
        header.afzender,
        lines.map((l) => ({
          id: randomUUID(),
          clientIndex: l.clientIndex,
          subjectRef: refs.get(l.bsn) ?? '',
          referentieNummer: l.prestatie.referentieNummer,
          vorigReferentieNummer: l.prestatie.vorigReferentieNummer,
          toewijzingNummer: l.prestatie.toewijzingNummer,
          productCategorie: l.prestatie.productCategorie,
          productCode: l.prestatie.productCode,
          begindatum: l.prestatie.begindatum,
          einddatum: l.prestatie.einddatum,
          volume: l.prestatie.geleverdVolume,
          eenheid: l.prestatie.eenheid,
          tariffCents: l.prestatie.productTarief,
          amountCents: l.prestatie.bedrag,
          debetCredit: l.prestatie.debetCredit,
          approved: l.verdict.approved,
          codes: l.verdict.codes,
          firstSubmission: l.verdict.approved && l.prestatie.debetCredit === 'D' && !(this.bookedOfBatch.get(l.prestatie.toewijzingNummer) ?? []).some((b) => rejectedBefore(b, l)),
        })),
      );
      await this.o.auditClients?.(tx, [...new Set(lines.map((l) => l.bsn))]);
    });
  }

  async finish(header: InvoiceHeader, answer: string, contentSha256: string): Promise<void> {
    this.release();
    const messageId = this.requireMessage();
    const now = this.o.clock.now();
    await this.tx(async (tx) => {
      if (!(await bookMessage(tx, messageId, answer, now, contentSha256))) return;
      const today = isoDay(now);
      await appendLineEvents(tx, messageId, today);
      const stored = await messageTotals(tx, messageId);
      await appendDomainEvents(tx, [
        {
          municipalityCode: this.o.municipalityCode,
          type: 'exchange.invoice-verified',
          occurredOn: today,
          subjectRef: messageId,
          law: header.standard === 'iwmo' ? 'wmo' : 'jeugdwet',
          data: stored,
        },
      ]);
    });
  }

  async abandon(header: InvoiceHeader): Promise<void> {
    this.release();
    const messageId = this.messageId;
    if (!messageId) return;
    void header;
    await this.tx((tx) => refuseMessage(tx, messageId));
  }

  private requireMessage(): string {
    if (!this.messageId) throw new Error('PgInvoiceBackend: the header was not seen (priorAnswer) before booking');
    return this.messageId;
  }
}

/** The contract's tariff on a date: a row for this product code wins over one for the whole category. */
export function tariffOn(rows: readonly TariffRow[], category: string, code: string | null, on: string): number | undefined {
  const valid = rows.filter((t) => t.productCategorie === category && t.from <= on && (t.to === null || on <= t.to));
  return (valid.find((t) => t.productCode !== null && t.productCode === code) ?? valid.find((t) => t.productCode === null))?.cents;
}

/** An earlier booked, rejected debit for the same allocation, product and an overlapping period: the line is a resubmission. */
function rejectedBefore(b: BookedLine, l: JudgedLine): boolean {
  const p = l.prestatie;
  return !b.approved && b.debetCredit === 'D' && b.productCategorie === p.productCategorie && b.productCode === p.productCode && b.begindatum <= p.einddatum && p.begindatum <= b.einddatum;
}

export function livedThroughout(r: Residence | undefined, begin: string, end: string): boolean {
  if (!r) return false;
  return (r.from === null || r.from <= begin) && (r.to === null || end <= r.to);
}
