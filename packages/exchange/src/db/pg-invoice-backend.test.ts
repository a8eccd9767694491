import { describe, expect, it } from 'vitest';
import { returnCodeText } from '../contract/invoice-inbox.schema';
import { livedThroughout, tariffOn } from './pg-invoice-backend';

describe('the contract tariff on a date', () => {
  const rows = [
    { productCategorie: '02', productCode: null, cents: 1100, from: '2026-01-01', to: null },
    { productCategorie: '02', productCode: '02A01', cents: 1250, from: '2026-01-01', to: '2026-09-30' },
    { productCategorie: '02', productCode: '02A01', cents: 1300, from: '2026-10-01', to: null },
  ];
  it('takes the row valid on that date, a product row before the whole category', () => {
    expect(tariffOn(rows, '02', '02A01', '2026-09-30')).toBe(1250);
    expect(tariffOn(rows, '02', '02A01', '2026-10-01')).toBe(1300);
    expect(tariffOn(rows, '02', '02A09', '2026-10-01')).toBe(1100);
  });
  it('has none before any contract or in another category', () => {
    expect(tariffOn(rows, '02', '02A01', '2025-12-31')).toBeUndefined();
    expect(tariffOn(rows, '04', '04A01', '2026-10-01')).toBeUndefined();
  });
});

describe('residence throughout a period', () => {
  it('holds only when the known residence covers the whole period', () => {
    expect(livedThroughout({ from: null, to: null }, '2026-10-01', '2026-10-31')).toBe(true);
    expect(livedThroughout({ from: '2026-10-15', to: null }, '2026-10-01', '2026-10-31')).toBe(false);
    expect(livedThroughout({ from: '2020-01-01', to: '2026-10-20' }, '2026-10-01', '2026-10-31')).toBe(false);
    expect(livedThroughout(undefined, '2026-10-01', '2026-10-31')).toBe(false);
  });
});

describe('return code texts', () => {
  it('every code Kern sets on a 325 has its Dutch text from WJ001 and an English one', () => {
    for (const code of ['0001', '0200', '0611', '8001', '8017', '8021', '8187', '8848', '9307', '9308', '9319', '9321', '9322', '9333', '9338', '9339', '9340', '9341', '9346', '9369', '9384', '9387', '9388', '9389', '9390', 'S300']) {
      const t = returnCodeText(code);
      expect(t.nl, code).not.toBe(code);
      expect(t.en, code).not.toBe(t.nl);
    }
    expect(returnCodeText('0611')).toMatchObject({ rule: 'TR418', en: 'The tariff submitted does not match the contracted tariff.' });
  });
});
