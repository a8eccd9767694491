import { parseCsv } from '@kern/kit';
import { describe, expect, it } from 'vitest';
import type { InvoiceHeader, Prestatie } from './invoice.schema';
import { paymentBatchCsv } from './payment-batch';
import type { JudgedLine } from './process-invoice';

const header = { afzender: '12345678', declaratieNummer: 'D;1' } as InvoiceHeader;
const p: Prestatie = { referentieNummer: 'R1', vorigReferentieNummer: null, toewijzingNummer: 'T1', productCategorie: '02', productCode: '02A01', begindatum: '2026-10-01', einddatum: '2026-10-31', geleverdVolume: 4, eenheid: '04', productTarief: 1250, bedrag: 5000, debetCredit: 'D' };
const line = (over: Partial<Prestatie>, approved: boolean): JudgedLine => ({ clientIndex: 0, bsn: '999990019', prestatie: { ...p, ...over }, verdict: { approved, codes: approved ? [] : ['9338'] } });

describe('payment batch', () => {
  it('exports only approved lines, credits negative, with a total and without the BSN', () => {
    const r = paymentBatchCsv(header, [line({}, true), line({ referentieNummer: 'R2' }, false), line({ referentieNummer: 'R3', vorigReferentieNummer: 'R0', debetCredit: 'C', bedrag: 1250, geleverdVolume: 1 }, true)]);
    expect(r.lines).toBe(2);
    expect(r.totalCents).toBe(3750);
    expect(r.csv).not.toContain('999990019');
    expect(r.csv).not.toContain('R2;');
    expect(r.csv).toContain(';-1250\n');
    expect(r.csv).toContain('"D;1"');
    expect(r.csv.trimEnd().split('\n').at(-1)).toBe('totaal;"D;1";;;;;;;;;;3750');
  });
});

describe('payment batch as text for a spreadsheet', () => {
  it("neutralises a provider's formula in a text cell, and keeps a credit's negative amount a number", () => {
    const formula = "=cmd|'/C calc'!A33";
    const r = paymentBatchCsv(header, [line({ referentieNummer: formula, productCode: '@SUM(A1)', debetCredit: 'C', bedrag: 1250 }, true)]);
    const cells = parseCsv(r.csv).records[1]?.cells ?? [];
    expect(cells[2]).toBe(`'${formula}`);
    expect(cells[5]).toBe("'@SUM(A1)");
    expect(cells[11]).toBe('-1250');
  });
});
