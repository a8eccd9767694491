import { describe, expect, it } from 'vitest';
import { categoryOfLaw, checkContract, checkContractedProduct, checkProvider, isValidAgb } from './contracting-rules';

const names = (f: { name: string }[]) => f.map((x) => x.name);

describe('AGB code', () => {
  it('is eight digits whose zorgsoort is not 00', () => {
    expect(isValidAgb('98000101')).toBe(true);
    expect(isValidAgb('01234567')).toBe(true);
    for (const bad of ['9800010', '980001011', '9800010A', '00123456', '', ' 9800010']) expect(isValidAgb(bad)).toBe(false);
  });
  it('a provider needs a valid AGB code, a name and, if given, an eight-digit KvK number', () => {
    expect(checkProvider({ agbCode: '98000101', name: 'Zorg', kvkNumber: null })).toEqual([]);
    expect(names(checkProvider({ agbCode: '1234', name: ' ', kvkNumber: '123' }))).toEqual(['agbCode', 'name', 'kvkNumber']);
  });
});

describe('funding model', () => {
  const base = { validFrom: '2026-01-01', validTo: null };
  it('taakgericht needs a budget; inspanningsgericht and outputgericht have none', () => {
    expect(checkContract({ ...base, fundingModel: 'taakgericht', budgetCents: 1_000_000 })).toEqual([]);
    expect(names(checkContract({ ...base, fundingModel: 'taakgericht', budgetCents: null }))).toEqual(['budgetCents']);
    expect(checkContract({ ...base, fundingModel: 'inspanningsgericht', budgetCents: null })).toEqual([]);
    expect(names(checkContract({ ...base, fundingModel: 'outputgericht', budgetCents: 5 }))).toEqual(['budgetCents']);
  });
  it('a budget is whole, non-negative eurocents', () => {
    expect(names(checkContract({ ...base, fundingModel: 'taakgericht', budgetCents: -1 }))).toEqual(['budgetCents']);
    expect(names(checkContract({ ...base, fundingModel: 'taakgericht', budgetCents: 0.5 }))).toEqual(['budgetCents']);
  });
  it('a contract does not end before it starts', () => {
    expect(names(checkContract({ validFrom: '2026-01-01', validTo: '2025-12-31', fundingModel: 'outputgericht', budgetCents: null }))).toEqual(['validTo']);
  });
});

describe('contracted product', () => {
  const contract = { law: 'jeugdwet' as const, validFrom: '2026-01-01', validTo: '2026-12-31' };
  const p = { category: '45', unit: '01', tariffCents: 150, validFrom: '2026-01-01', validTo: '2026-12-31' };
  it('within its contract, with a category of the contract\'s law, a WJ756 unit and a tariff in whole cents, is valid', () => {
    expect(checkContractedProduct(p, contract)).toEqual([]);
  });
  it('refuses a category of the other law', () => {
    expect(categoryOfLaw('wmo', '02')).toBe(true);
    expect(categoryOfLaw('wmo', '45')).toBe(false);
    expect(names(checkContractedProduct({ ...p, category: '02' }, contract))).toEqual(['category']);
  });
  it('refuses a unit outside WJ756', () => {
    expect(names(checkContractedProduct({ ...p, unit: '05' }, contract))).toEqual(['unit']);
  });
  it('refuses a tariff that is negative, fractional or over eight digits', () => {
    for (const tariffCents of [-1, 1.5, 100_000_000]) expect(names(checkContractedProduct({ ...p, tariffCents }, contract))).toEqual(['tariffCents']);
    expect(checkContractedProduct({ ...p, tariffCents: 99_999_999 }, contract)).toEqual([]);
  });
  it('refuses a period outside the contract, including an open end on a contract that ends', () => {
    expect(names(checkContractedProduct({ ...p, validFrom: '2025-12-31' }, contract))).toEqual(['validFrom']);
    expect(names(checkContractedProduct({ ...p, validTo: null }, contract))).toEqual(['validFrom']);
    expect(checkContractedProduct({ ...p, validTo: null }, { ...contract, validTo: null })).toEqual([]);
    expect(names(checkContractedProduct({ ...p, validTo: '2025-06-30' }, contract))).toEqual(['validTo']);
  });
});
