import { describe, expect, it } from 'vitest';
import type { AllocationFact, BookedLine, InvoiceHeader, Prestatie } from './invoice.schema';
import { verifyPrestatie, type VerificationFacts } from './verify-invoice';

const header: InvoiceHeader = {
  standard: 'iwmo', afzender: '12345678', ontvanger: '0363', identificatie: 'B1', dagtekening: '2026-11-05', basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0',
  declaratieNummer: 'D1', periodeBegin: '2026-10-01', periodeEind: '2026-10-31', declaratieDagtekening: '2026-11-05', totaalBedrag: 5000, totaalDebetCredit: 'D',
};
const bsn = '999990019';
const allocation: AllocationFact = { toewijzingNummer: 'T1', bsn, providerAgb: '12345678', productCategorie: '02', productCode: '02A01', ingangsdatum: '2026-01-01', einddatum: '2026-12-31', eenheid: '04', volume: 5, frequentie: '4', budget: null, removed: false };
const prestatie: Prestatie = { referentieNummer: 'R1', vorigReferentieNummer: null, toewijzingNummer: 'T1', productCategorie: '02', productCode: '02A01', begindatum: '2026-10-01', einddatum: '2026-10-31', geleverdVolume: 4, eenheid: '04', productTarief: 1250, bedrag: 5000, debetCredit: 'D' };
const booked = (over: Partial<BookedLine>): BookedLine => ({ ...prestatie, approved: true, ...over });

function facts(over: { allocation?: Partial<AllocationFact> | null; booked?: BookedLine[]; tariff?: number | undefined; resident?: boolean } = {}): VerificationFacts {
  const a = over.allocation === null ? undefined : { ...allocation, ...over.allocation };
  const lines = over.booked ?? [];
  return {
    allocation: (n) => (a && n === a.toewijzingNummer ? a : undefined),
    bookedOn: (n) => lines.filter((l) => l.toewijzingNummer === n),
    bookedByReference: (r) => lines.find((l) => l.referentieNummer === r),
    contractTariff: () => ('tariff' in over ? over.tariff : 1250),
    residentThroughout: () => over.resident ?? true,
  };
}
const verify = (p: Partial<Prestatie> = {}, f: VerificationFacts = facts(), forBsn = bsn) => verifyPrestatie(header, forBsn, { ...prestatie, ...p }, f);

describe('invoice verification per prestatie', () => {
  it('approves a prestatie that matches allocation, contract, BRP and history', () => {
    expect(verify()).toEqual({ approved: true, codes: [] });
  });
  it('TR338 refuses a prestatie without an allocation with that number: 9338', () => {
    expect(verify({}, facts({ allocation: null })).codes).toEqual(['9338']);
  });
  it('TR304 refuses a prestatie on another client\'s allocation: 8187', () => {
    expect(verify({}, facts(), '999990020').codes).toContain('8187');
  });
  it('TR384 refuses a prestatie on a removed allocation (RedenWijziging 13): 9384', () => {
    expect(verify({}, facts({ allocation: { removed: true } })).codes).toEqual(['9384']);
  });
  it('TR339 refuses another product category than allocated: 9339', () => {
    expect(verify({ productCategorie: '03' }, facts({ tariff: 1250 })).codes).toContain('9339');
  });
  it('TR340 refuses another product code than allocated: 9340', () => {
    expect(verify({ productCode: '02A02' }).codes).toContain('9340');
  });
  it('TR340 accepts any product code when the allocation names only the category', () => {
    expect(verify({ productCode: '02A02' }, facts({ allocation: { productCode: null } })).approved).toBe(true);
  });
  it('TR341 refuses another unit than allocated: 9341', () => {
    expect(verify({ eenheid: '01' }).codes).toContain('9341');
  });
  it('TR307 refuses a product period starting before the allocation: 9307', () => {
    expect(verify({}, facts({ allocation: { ingangsdatum: '2026-10-15' } })).codes).toContain('9307');
  });
  it('TR308 refuses a product period ending after the allocation: 9308', () => {
    expect(verify({}, facts({ allocation: { einddatum: '2026-10-20' } })).codes).toContain('9308');
  });
  it('TR307 / TR308 accept a partial month where the allocation starts and ends inside it', () => {
    expect(verify({ begindatum: '2026-10-10', einddatum: '2026-10-20' }, facts({ allocation: { ingangsdatum: '2026-10-10', einddatum: '2026-10-20' } })).approved).toBe(true);
  });
  it('TR319 refuses a product period outside the declaration period: 9319', () => {
    expect(verify({ begindatum: '2026-11-01', einddatum: '2026-11-30' }).codes).toContain('9319');
  });
  it('TR319 refuses a product period spanning two months: 9319', () => {
    expect(verify({ begindatum: '2026-09-01', einddatum: '2026-10-31' }).codes).toContain('9319');
  });
  it('TR319 accepts a product period of an earlier month', () => {
    expect(verify({ begindatum: '2026-09-01', einddatum: '2026-09-30' }).approved).toBe(true);
  });
  it('TR387 refuses a product period not starting on the first of the month: 9387', () => {
    expect(verify({ begindatum: '2026-10-02' }).codes).toContain('9387');
  });
  it('TR388 refuses a product period not ending on the last of the month: 9388', () => {
    expect(verify({ einddatum: '2026-10-30' }).codes).toContain('9388');
  });
  it('TR346 refuses an amount that is not volume x tariff: 9346', () => {
    expect(verify({ bedrag: 5001 }).codes).toEqual(['9346']);
  });
  it('TR418 refuses a tariff other than the contract\'s at that date: 0611', () => {
    expect(verify({ productTarief: 1300, bedrag: 5200 }).codes).toEqual(['0611']);
  });
  it('TR418 refuses a prestatie without a contracted tariff: 0611', () => {
    expect(verify({}, facts({ tariff: undefined })).codes).toEqual(['0611']);
  });
  it('refuses a client who did not live in the municipality in the period per the BRP: 8187', () => {
    expect(verify({}, facts({ resident: false })).codes).toEqual(['8187']);
  });
  it('TR321 refuses more volume than allocated per month: 9321', () => {
    expect(verify({ geleverdVolume: 6, bedrag: 7500 }).codes).toEqual(['9321']);
  });
  it('TR321 allows per-week volume times the weeks in the period', () => {
    expect(verify({ geleverdVolume: 25, bedrag: 31250 }, facts({ allocation: { frequentie: '2' } })).approved).toBe(true);
    expect(verify({ geleverdVolume: 26, bedrag: 32500 }, facts({ allocation: { frequentie: '2' } })).codes).toEqual(['9321']);
  });
  it('TR322 refuses when earlier invoices in the same window leave too little volume: 9322', () => {
    const earlier = booked({ referentieNummer: 'R0', productCode: '02A02', geleverdVolume: 2 });
    expect(verify({}, facts({ allocation: { productCode: null }, booked: [earlier] })).codes).toEqual(['9322']);
  });
  it('TR322 counts over the allocation\'s life for frequency 6 (totaal)', () => {
    const earlier = booked({ referentieNummer: 'R0', begindatum: '2026-09-01', einddatum: '2026-09-30', geleverdVolume: 4 });
    expect(verify({}, facts({ allocation: { frequentie: '6', volume: 8 }, booked: [earlier] })).approved).toBe(true);
    expect(verify({}, facts({ allocation: { frequentie: '6', volume: 7 }, booked: [earlier] })).codes).toEqual(['9322']);
  });
  it('TR369 refuses amounts beyond the allocated budget: 9369', () => {
    const f = facts({ allocation: { volume: null, frequentie: null, eenheid: '83', budget: 10000 }, booked: [booked({ referentieNummer: 'R0', begindatum: '2026-09-01', einddatum: '2026-09-30', eenheid: '83', bedrag: 6000 } as Partial<BookedLine>)] });
    expect(verify({ eenheid: '83', geleverdVolume: 4000, productTarief: 1, bedrag: 4000 }, f).approved).toBe(true);
    expect(verify({ eenheid: '83', geleverdVolume: 4001, productTarief: 1, bedrag: 4001 }, f).codes).toEqual(['9369']);
  });
  it('TR314 refuses a ReferentieNummer delivered before: 8021', () => {
    expect(verify({}, facts({ booked: [booked({ begindatum: '2026-09-01', einddatum: '2026-09-30' })] })).codes).toContain('8021');
  });
  it('TR389 refuses a second debit for an overlapping period: 9389', () => {
    const first = booked({ referentieNummer: 'R0', geleverdVolume: 1, bedrag: 1250 });
    expect(verify({}, facts({ allocation: { volume: 10 }, booked: [first] })).codes).toEqual(['9389']);
  });
  it('TR389 allows a new debit once the earlier one was credited', () => {
    const first = booked({ referentieNummer: 'R0' });
    const credit = booked({ referentieNummer: 'R0C', vorigReferentieNummer: 'R0', debetCredit: 'C' });
    expect(verify({}, facts({ booked: [first, credit] })).approved).toBe(true);
  });
  it('TR323 approves a credit that reverses an earlier approved debit', () => {
    const first = booked({ referentieNummer: 'R0' });
    expect(verify({ referentieNummer: 'R1C', vorigReferentieNummer: 'R0', debetCredit: 'C' }, facts({ booked: [first] })).approved).toBe(true);
  });
  it('approves a credit for a client who no longer lives in the municipality (residency is asked of debits only)', () => {
    const first = booked({ referentieNummer: 'R0' });
    expect(verify({ referentieNummer: 'R1C', vorigReferentieNummer: 'R0', debetCredit: 'C' }, facts({ booked: [first], resident: false })).approved).toBe(true);
  });
  it('TR323 refuses a credit without a matching earlier debit: 8017', () => {
    expect(verify({ referentieNummer: 'R1C', vorigReferentieNummer: 'R9', debetCredit: 'C' }).codes).toEqual(['8017']);
    const first = booked({ referentieNummer: 'R0', bedrag: 2500, geleverdVolume: 2 });
    expect(verify({ referentieNummer: 'R1C', vorigReferentieNummer: 'R0', debetCredit: 'C' }, facts({ booked: [first] })).codes).toEqual(['8017']);
  });
  it('TR390 refuses a second credit of the same debit: 9390', () => {
    const first = booked({ referentieNummer: 'R0' });
    const credit = booked({ referentieNummer: 'R0C', vorigReferentieNummer: 'R0', debetCredit: 'C' });
    expect(verify({ referentieNummer: 'R0C2', vorigReferentieNummer: 'R0', debetCredit: 'C' }, facts({ booked: [first, credit] })).codes).toEqual(['9390']);
  });
});
