import type { AllocationFact, BookedLine, InvoiceClient, InvoiceHeader } from './invoice.schema';
import type { InvoiceBackend, JudgedLine } from './process-invoice';
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
export class MemoryBackend implements InvoiceBackend {
  private readonly allocations = new Map<string, AllocationFact>();
  private readonly bookedOn = new Map<string, BookedLine[]>();
  private readonly byRef = new Map<string, BookedLine>();
  private readonly declarations = new Set<string>();
  private readonly residents = new Map<string, { from: string; to: string | null }[]>();
  readonly committed: JudgedLine[] = [];
  /** Keep every judged line in `committed` (tests); the bench turns it off. */
  keepLines = true;

  constructor(private readonly facts: MemoryFacts) {
    for (const a of facts.allocations) this.allocations.set(a.toewijzingNummer, a);
    for (const r of facts.residents) {
      const list = this.residents.get(r.bsn);
      if (list) list.push(r);
      else this.residents.set(r.bsn, [r]);
    }
  }

  book(line: BookedLine): void {
    this.byRef.set(line.referentieNummer, line);
    const on = this.bookedOn.get(line.toewijzingNummer);
    if (on) on.push(line);
    else this.bookedOn.set(line.toewijzingNummer, [line]);
  }

  checkHeader(header: InvoiceHeader): Promise<string[]> {
    return Promise.resolve(this.declarations.has(`${header.afzender}/${header.declaratieNummer}`) ? ['9333'] : []);
  }

  factsFor(_header: InvoiceHeader, _clients: InvoiceClient[]): Promise<VerificationFacts> {
    const facts: VerificationFacts = {
      allocation: (n) => this.allocations.get(n),
      bookedOn: (n) => this.bookedOn.get(n) ?? [],
      bookedByReference: (r) => this.byRef.get(r),
      contractTariff: (cat, code, on) => this.facts.tariffs.find((t) => t.productCategorie === cat && (t.productCode === null || t.productCode === code) && t.from <= on && (t.to === null || on <= t.to))?.cents,
      residentThroughout: (bsn, begin, end) => (this.residents.get(bsn) ?? []).some((r) => r.from <= begin && (r.to === null || end <= r.to)),
    };
    return Promise.resolve(facts);
  }

  commitBatch(header: InvoiceHeader, lines: JudgedLine[]): Promise<void> {
    this.declarations.add(`${header.afzender}/${header.declaratieNummer}`);
    for (const l of lines) {
      this.book({ ...l.prestatie, approved: l.verdict.approved });
      if (this.keepLines) this.committed.push(l);
    }
    return Promise.resolve();
  }
}
