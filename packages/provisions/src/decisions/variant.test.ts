import { describe, expect, it } from 'vitest';
import { categoryFitsLaw, validateVariant, type VariantInput } from './variant';

const base: VariantInput = { category: '02', productCode: '02A01', volume: 3, unit: '04', frequency: '2', validFrom: '2026-04-01', validTo: '2026-12-31' };
const names = (r: ReturnType<typeof validateVariant>) => (r.ok ? [] : r.problems.map((p) => p.name));

describe('allocation variants (Toewijzingsvarianten inspanning-output)', () => {
  it('accepts a specific allocation: 3 hours per week with an end date', () => {
    expect(validateVariant('wmo', base)).toEqual({ ok: true, kind: 'specifiek' });
  });

  it('requires an end date for frequency per week', () => {
    expect(names(validateVariant('wmo', { ...base, validTo: null }))).toEqual(['validTo']);
  });

  it('leaves the end date optional for per month and total within the period', () => {
    expect(validateVariant('wmo', { ...base, frequency: '4', validTo: null }).ok).toBe(true);
    expect(validateVariant('wmo', { ...base, frequency: '6', validTo: null }).ok).toBe(true);
  });

  it.each([['16'], ['14'], ['84'], ['83']])('refuses "per day" with unit %s, which the tables only allow per week, month or total', (unit) => {
    expect(names(validateVariant('jeugdwet', { ...base, category: '45', productCode: '45A01', unit, frequency: '1' }))).toEqual(['frequency']);
  });

  it.each([['01'], ['04'], ['82']])('accepts "per day" with unit %s', (unit) => {
    expect(validateVariant('jeugdwet', { ...base, category: '45', productCode: '45A01', unit, frequency: '1' }).ok).toBe(true);
  });

  it('refuses a unit outside WJ756 and a frequency outside WMO757', () => {
    expect(names(validateVariant('wmo', { ...base, unit: '05' }))).toEqual(['unit']);
    expect(names(validateVariant('wmo', { ...base, frequency: '3' }))).toEqual(['frequency']);
  });

  it('wants volume, unit and frequency together', () => {
    expect(names(validateVariant('wmo', { ...base, frequency: null }))).toEqual(['volume']);
  });

  it('refuses a product code without a size, and a specific allocation with a budget', () => {
    expect(names(validateVariant('wmo', { ...base, volume: null, unit: null, frequency: null }))).toEqual(['volume']);
    expect(names(validateVariant('wmo', { ...base, budgetCents: 10_000 }))).toEqual(['budgetCents']);
  });

  it('accepts aspecific allocations with and without a budget; with a budget only with an end date (except LTA category 55)', () => {
    const aspecific = { category: '07', validFrom: '2026-04-01' };
    expect(validateVariant('wmo', aspecific)).toEqual({ ok: true, kind: 'aspecifiek-zonder-budget' });
    expect(validateVariant('wmo', { ...aspecific, budgetCents: 250_000, validTo: '2026-12-31' })).toEqual({ ok: true, kind: 'aspecifiek-met-budget' });
    expect(names(validateVariant('wmo', { ...aspecific, budgetCents: 250_000 }))).toEqual(['validTo']);
    expect(validateVariant('jeugdwet', { category: '55', budgetCents: 250_000, validFrom: '2026-04-01' }).ok).toBe(true);
  });

  it('refuses a size without a product code (aspecific allocations carry none)', () => {
    expect(names(validateVariant('wmo', { ...base, productCode: null }))).toEqual(['productCode']);
  });

  it('refuses a volume out of range, a negative budget and an end before the start', () => {
    expect(names(validateVariant('wmo', { ...base, volume: 0 }))).toEqual(['volume']);
    expect(names(validateVariant('wmo', { category: '07', budgetCents: -1, validFrom: '2026-04-01', validTo: '2026-12-31' }))).toEqual(['budgetCents']);
    expect(names(validateVariant('wmo', { ...base, validTo: '2026-03-01' }))).toEqual(['validTo']);
  });

  it('names the field path it was given', () => {
    expect(names(validateVariant('wmo', { ...base, unit: '99' }, 'provisions[1]'))).toEqual(['provisions[1].unit']);
  });
});

describe('product categories per law', () => {
  it('keeps Wmo to 01-18 (WMO020) and the Jeugdwet to 31-38 and 40-55 (JZ020)', () => {
    expect(['01', '18'].every((c) => categoryFitsLaw('wmo', c))).toBe(true);
    expect(['00', '19', '31', '45'].some((c) => categoryFitsLaw('wmo', c))).toBe(false);
    expect(['31', '38', '40', '55'].every((c) => categoryFitsLaw('jeugdwet', c))).toBe(true);
    expect(['01', '30', '39', '56'].some((c) => categoryFitsLaw('jeugdwet', c))).toBe(false);
  });

  it('refuses a Jeugdwet category in a Wmo decision with a message in both languages', () => {
    const r = validateVariant('wmo', { ...base, category: '45' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message.nl).toMatch(/hoort niet bij de Wmo/);
  });
});
