import type { AllocationFact, BookedLine, InvoiceHeader, LineVerdict, Prestatie } from './invoice.schema';

/** Everything verification knows beyond the prestatie itself; loaded per batch of clients. */
export interface VerificationFacts {
  /** Allocations of this provider by ToewijzingNummer (any client: TR304 needs to see a mismatch). */
  allocation(toewijzingNummer: string): AllocationFact | undefined;
  /** Earlier booked prestaties of this provider on this allocation. */
  bookedOn(toewijzingNummer: string): readonly BookedLine[];
  /** An earlier booked prestatie of this provider by ReferentieNummer. */
  bookedByReference(referentieNummer: string): BookedLine | undefined;
  /** The contracted tariff (eurocents per unit) for this provider's product on a date, undefined without contract. */
  contractTariff(productCategorie: string, productCode: string | null, on: string): number | undefined;
  /** Whether the client lived in the municipality for the whole period, per the BRP. */
  residentThroughout(bsn: string, begin: string, end: string): boolean;
}

const dayMs = 86_400_000;
function days(begin: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${begin}T00:00:00Z`)) / dayMs) + 1;
}
function lastDayOfMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return `${date.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
function overlaps(a: { begindatum: string; einddatum: string }, b: { begindatum: string; einddatum: string }): boolean {
  return a.begindatum <= b.einddatum && b.begindatum <= a.einddatum;
}

/** The volume an allocation allows in a product period, per its frequency window (WMO757). */
export function allowedVolume(a: AllocationFact, begin: string, end: string): number | null {
  if (a.volume === null) return null;
  switch (a.frequentie) {
    case '1':
      return a.volume * days(begin, end);
    case '2':
      return a.volume * Math.ceil(days(begin, end) / 7);
    case '4':
      return a.volume * (begin.slice(0, 7) === end.slice(0, 7) ? 1 : 12 * (Number(end.slice(0, 4)) - Number(begin.slice(0, 4))) + Number(end.slice(5, 7)) - Number(begin.slice(5, 7)) + 1);
    default:
      // 6 "totaal binnen geldigheidsduur" (or unknown): the whole volume over the allocation's life.
      return a.volume;
  }
}

/**
 * Verifies one prestatie of a 323 against the allocation, the contract, the BRP and what was
 * booked before: the WJ001 codes of every rule it breaks. Pure: the caller books the result
 * (and adds it to `bookedOn` for the next lines of the same file).
 */
export function verifyPrestatie(header: InvoiceHeader, bsn: string, p: Prestatie, facts: VerificationFacts): LineVerdict {
  const codes: string[] = [];
  const add = (c: string): void => {
    if (!codes.includes(c)) codes.push(c);
  };
  // TR314: ReferentieNummer unique for the provider, in and across messages.
  const sameRef = facts.bookedByReference(p.referentieNummer);
  if (sameRef) add('8021');
  // TR319: the product period lies in one declaration month, not after the declaration period.
  if (p.einddatum < p.begindatum || p.begindatum.slice(0, 7) !== p.einddatum.slice(0, 7) || p.einddatum > header.periodeEind) add('9319');

  const a = facts.allocation(p.toewijzingNummer);
  if (!a) {
    add('9338'); // TR338: no allocation with this number for this provider
    return { approved: false, codes };
  }
  if (a.bsn !== bsn) add('8187'); // TR304
  if (a.removed) add('9384'); // TR384
  if (a.productCategorie !== p.productCategorie) add('9339'); // TR339
  if (a.productCode !== null && a.productCode !== p.productCode) add('9340'); // TR340
  if (a.eenheid !== null && a.eenheid !== p.eenheid) add('9341'); // TR341
  const allocationEnd = a.einddatum ?? '9999-12-31';
  if (p.begindatum < a.ingangsdatum || p.begindatum > allocationEnd) add('9307'); // TR307
  if (p.einddatum < a.ingangsdatum || p.einddatum > allocationEnd) add('9308'); // TR308
  // TR387 / TR388: a product period covers whole months, except where the allocation starts or ends inside it.
  if (p.begindatum.slice(8) !== '01' && p.begindatum !== a.ingangsdatum) add('9387');
  if (p.einddatum !== lastDayOfMonth(p.einddatum) && p.einddatum !== a.einddatum) add('9388');
  // TR346: amount = volume x tariff (not for euro's).
  if (p.eenheid !== '83' && p.bedrag !== p.geleverdVolume * p.productTarief) add('9346');
  // TR418: the tariff is the contract's on the first day of the product period.
  const tariff = facts.contractTariff(p.productCategorie, p.productCode, p.begindatum);
  if (p.eenheid !== '83' && tariff !== p.productTarief) add('0611');
  // Kern's residency check (BRP): no WJ001 code names it; the nearest is 8187 "hoort niet bij deze cliënt".
  // Not for a credit: it reverses care the municipality paid before, also for a client who has
  // since moved away or died, and refusing it would block the correction.
  if (p.debetCredit === 'D' && !facts.residentThroughout(bsn, p.begindatum, p.einddatum)) add('8187');

  const booked = facts.bookedOn(p.toewijzingNummer);
  const live = booked.filter((b) => b.approved && b.debetCredit === 'D' && !booked.some((c) => c.approved && c.debetCredit === 'C' && c.vorigReferentieNummer === b.referentieNummer));
  if (p.debetCredit === 'C') {
    // TR323: a credit reverses an earlier approved debit with the same keys; TR390: only once.
    const original = p.vorigReferentieNummer === null ? undefined : booked.find((b) => b.referentieNummer === p.vorigReferentieNummer && b.approved && b.debetCredit === 'D');
    if (!original || original.productCategorie !== p.productCategorie || original.productCode !== p.productCode || original.begindatum !== p.begindatum || original.einddatum !== p.einddatum || original.bedrag !== p.bedrag) {
      add('8017');
    } else if (booked.some((b) => b.approved && b.debetCredit === 'C' && b.vorigReferentieNummer === original.referentieNummer)) {
      add('9390');
    }
    return { approved: codes.length === 0, codes };
  }
  // TR389: no second debit for an overlapping period on the same allocation and product while the first stands.
  if (live.some((b) => b.productCategorie === p.productCategorie && b.productCode === p.productCode && overlaps(b, p))) add('9389');
  // TR321 / TR322: volume within the allocated volume in its frequency window, summed over what was booked.
  if (a.volume !== null && a.eenheid !== '83') {
    const windowBegin = a.frequentie === '6' || a.frequentie === null ? a.ingangsdatum : p.begindatum;
    const windowEnd = a.frequentie === '6' || a.frequentie === null ? allocationEnd : p.einddatum;
    const allowed = allowedVolume(a, p.begindatum, p.einddatum) ?? Infinity;
    const hhWeekly = a.productCategorie === '01' && a.frequentie === '2';
    if (!hhWeekly && (a.frequentie === '6' ? p.geleverdVolume > a.volume : p.geleverdVolume > allowed)) add('9321');
    else {
      const before = live.filter((b) => overlaps(b, { begindatum: windowBegin, einddatum: windowEnd })).reduce((s, b) => s + b.geleverdVolume, 0);
      const cap = a.frequentie === '6' || a.frequentie === null ? a.volume : allowed;
      if (!hhWeekly && before + p.geleverdVolume > cap) add('9322');
    }
  }
  // TR369: with a budget, the amounts booked on the allocation stay within it.
  if (a.budget !== null) {
    const spent = live.reduce((s, b) => s + b.bedrag, 0);
    if (spent + p.bedrag > a.budget) add('9369');
  }
  return { approved: codes.length === 0, codes };
}

/** Signed eurocents: debit adds, credit subtracts. */
export function signed(amount: number, dc: 'D' | 'C'): number {
  return dc === 'D' ? amount : -amount;
}
