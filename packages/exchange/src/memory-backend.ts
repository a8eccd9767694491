import type { AllocationFact, BookedLine, InvoiceClient, InvoiceHeader } from './invoice.schema';
import type { InvoiceBackend, JudgedLine, PriorAnswer } from './process-invoice';
import type { VerificationFacts } from './verify-invoice';

export interface MemoryFacts {
  allocations: AllocationFact[];
  /** Contract tariffs: productCategorie/productCode -> list of { from, to, cents }. */
  tariffs: { productCategorie: string; productCode: string | null; from: string; to: string | null; cents: number }[];
  /** Residents of the municipality with the period they lived there. */
  residents: { bsn: string; from: string; to: string | null }[];
}

/**
 * Facts and bookings held in memory: for `kern exchange validate`, the bench and tests. The
 * database backend gives the same answers from the provisions, contracting and registry modules.
 */
interface MessageState {
  declaratieNummer: string;
  staged: Map<string, BookedLine>;
  /** The staged lines per ToewijzingNummer: earlier batches of the same message count as earlier lines. */
  stagedOn: Map<string, BookedLine[]>;
  answer?: string;
  contentSha256?: string;
}

export class MemoryBackend implements InvoiceBackend {
  private readonly allocations = new Map<string, AllocationFact>();
  private readonly bookedOn = new Map<string, BookedLine[]>();
  private readonly byRef = new Map<string, BookedLine>();
  private readonly messages = new Map<string, MessageState>();
  private readonly residents = new Map<string, { from: string; to: string | null }[]>();
  /** Lines of answered messages, in order (tests read them; the bench turns keeping them off). */
  readonly committed: JudgedLine[] = [];
  private readonly pending = new Map<string, JudgedLine[]>();
  keepLines = true;
  /** Test hook: called before a batch is staged, e.g. to simulate a crash. */
  beforeCommit: ((batch: number) => void) | undefined;
  private batches = 0;

  constructor(private readonly facts: MemoryFacts) {
    for (const a of facts.allocations) this.allocations.set(a.toewijzingNummer, a);
    for (const r of facts.residents) {
      const list = this.residents.get(r.bsn);
      if (list) list.push(r);
      else this.residents.set(r.bsn, [r]);
    }
  }

  /** TR056: the identity is the kind of message (standard and number), the sender and the Identificatie. */
  private key(h: InvoiceHeader): string {
    return `${h.afzender}/${h.standard}/323/${h.identificatie}`;
  }

  /** Lines staged for a message that is not answered yet (a crash left them). */
  stagedCount(h: InvoiceHeader): number {
    return this.messages.get(this.key(h))?.staged.size ?? 0;
  }

  private book(line: BookedLine): void {
    this.byRef.set(line.referentieNummer, line);
    const on = this.bookedOn.get(line.toewijzingNummer);
    if (on) on.push(line);
    else this.bookedOn.set(line.toewijzingNummer, [line]);
  }

  priorAnswer(header: InvoiceHeader): Promise<PriorAnswer | undefined> {
    const k = this.key(header);
    const m = this.messages.get(k);
    if (m?.answer !== undefined) return Promise.resolve({ answer: m.answer, contentSha256: m.contentSha256 ?? null });
    // A restart verifies every line again: what a crashed run staged is dropped.
    this.messages.delete(k);
    this.pending.delete(k);
    return Promise.resolve(undefined);
  }

  checkHeader(header: InvoiceHeader): Promise<string[]> {
    const other = [...this.messages.entries()].some(([k, m]) => k !== this.key(header) && k.startsWith(`${header.afzender}/${header.standard}/`) && m.answer !== undefined && m.declaratieNummer === header.declaratieNummer);
    return Promise.resolve(other ? ['9333'] : []);
  }

  factsFor(header: InvoiceHeader, _clients: InvoiceClient[]): Promise<VerificationFacts> {
    // Lines of earlier batches of this message count like booked ones (duplicates, volume, credits).
    const current = this.messages.get(this.key(header));
    const facts: VerificationFacts = {
      allocation: (n) => this.allocations.get(n),
      bookedOn: (n) => {
        const booked = this.bookedOn.get(n) ?? [];
        const staged = current?.stagedOn.get(n);
        return staged ? [...booked, ...staged] : booked;
      },
      bookedByReference: (r) => this.byRef.get(r) ?? current?.staged.get(r),
      contractTariff: (cat, code, on) => this.facts.tariffs.find((t) => t.productCategorie === cat && (t.productCode === null || t.productCode === code) && t.from <= on && (t.to === null || on <= t.to))?.cents,
      residentThroughout: (bsn, begin, end) => (this.residents.get(bsn) ?? []).some((r) => r.from <= begin && (r.to === null || end <= r.to)),
    };
    return Promise.resolve(facts);
  }

  commitBatch(header: InvoiceHeader, lines: JudgedLine[]): Promise<void> {
    this.beforeCommit?.(++this.batches);
    const k = this.key(header);
    let m = this.messages.get(k);
    if (!m) {
      m = { declaratieNummer: header.declaratieNummer, staged: new Map(), stagedOn: new Map() };
      this.messages.set(k, m);
    }
    const fresh: JudgedLine[] = [];
    for (const l of lines) {
      if (m.staged.has(l.prestatie.referentieNummer)) continue; // a reference twice in one message: the first one counts (the second is rejected)
      const booked: BookedLine = { ...l.prestatie, approved: l.verdict.approved };
      m.staged.set(l.prestatie.referentieNummer, booked);
      const on = m.stagedOn.get(l.prestatie.toewijzingNummer);
      if (on) on.push(booked);
      else m.stagedOn.set(l.prestatie.toewijzingNummer, [booked]);
      fresh.push(l);
    }
    if (this.keepLines) this.pending.set(k, [...(this.pending.get(k) ?? []), ...fresh]);
    return Promise.resolve();
  }

  finish(header: InvoiceHeader, answer: string, contentSha256: string): Promise<void> {
    const k = this.key(header);
    const m = this.messages.get(k) ?? { declaratieNummer: header.declaratieNummer, staged: new Map<string, BookedLine>(), stagedOn: new Map<string, BookedLine[]>() };
    m.answer = answer;
    m.contentSha256 = contentSha256;
    this.messages.set(k, m);
    for (const line of m.staged.values()) this.book(line);
    this.committed.push(...(this.pending.get(k) ?? []));
    this.pending.delete(k);
    return Promise.resolve();
  }

  abandon(header: InvoiceHeader): Promise<void> {
    const k = this.key(header);
    if (this.messages.get(k)?.answer === undefined) this.messages.delete(k);
    this.pending.delete(k);
    return Promise.resolve();
  }
}
