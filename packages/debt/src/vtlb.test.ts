import { describe, expect, it } from 'vitest';
import { computeVtlb, euro, type VtlbResult } from './vtlb';
import { normTableOn, shippedNormTables, vtlbNormTableSchema, type VtlbNormTable } from './vtlb-norms';

const norms = normTableOn('2026-03-24', shippedNormTables) as VtlbNormTable;
const amounts = (r: VtlbResult) => Object.fromEntries(r.lines.filter((l) => l.code !== 'correction').map((l) => [l.code, l.amountCents]));

describe('VTLB worked examples (norms 2026-H1: single EUR 1,091.71, couple EUR 1,559.58, 95% base)', () => {
  it('single: 95% of the single norm, housing above EUR 250, no health supplement when zorgtoeslag covers the premium', () => {
    const r = computeVtlb({ referenceDate: '2026-03-24', situation: 'single', costSharers: 1, netIncomeCents: 180_000, housingCostsCents: 80_000, healthPremiumCents: 15_000, zorgtoeslagCents: 12_000 }, norms);
    // 1,091.71 x 95% = 1,037.1245 -> 1,037.12; housing 800 - 250 = 550; health 150 - 120 - 50 < 0 -> 0.
    expect(amounts(r)).toEqual({ bijstandsnorm: 109_171, base: 103_712, housing: 55_000, health: 0, vtlb: 158_712, income: 180_000, capacity: 21_288 });
    expect(r.lines.find((l) => l.code === 'base')?.explanation.nl).toBe('Basis van het VTLB: 95% van € 1.091,71 = € 1.037,12 (Recofa).');
  });

  it('single parent: the single norm, housing capped at the ceiling, health supplement and a childcare correction', () => {
    const r = computeVtlb({
      referenceDate: '2026-03-24', situation: 'single-parent', children: 2, costSharers: 1, netIncomeCents: 200_000, housingCostsCents: 95_000,
      healthPremiumCents: 16_000, zorgtoeslagCents: 10_000, corrections: [{ label: 'Eigen bijdrage kinderopvang', cents: 7_500 }],
    }, norms);
    // housing min(950, 900.07) - 250 = 650.07; health 160 - 100 - 50 = 10; VTLB 1,037.12 + 650.07 + 10 + 75 = 1,772.19.
    expect(amounts(r)).toEqual({ bijstandsnorm: 109_171, base: 103_712, housing: 65_007, health: 1_000, vtlb: 177_219, income: 200_000, capacity: 22_781 });
    expect(r.lines.filter((l) => l.code === 'correction')).toEqual([expect.objectContaining({ amountCents: 7_500, label: { nl: 'Eigen bijdrage kinderopvang', en: 'Eigen bijdrage kinderopvang' } })]);
    expect(r.lines.find((l) => l.code === 'housing')?.explanation.nl).toContain('begrensd op € 900,07');
  });

  it('couple: 95% of the couple norm, housing above EUR 300, premium norm for two adults', () => {
    const r = computeVtlb({ referenceDate: '2026-03-24', situation: 'couple', costSharers: 2, netIncomeCents: 260_000, housingCostsCents: 100_000, healthPremiumCents: 32_000, zorgtoeslagCents: 20_000 }, norms);
    // 1,559.58 x 95% = 1,481.601 -> 1,481.60; housing 900.07 - 300 = 600.07; health 320 - 200 - 100 = 20.
    expect(amounts(r)).toEqual({ bijstandsnorm: 155_958, base: 148_160, housing: 60_007, health: 2_000, vtlb: 210_167, income: 260_000, capacity: 49_833 });
  });

  it('couple with children: the couple norm (children do not raise it), a travel correction', () => {
    const r = computeVtlb({
      referenceDate: '2026-03-24', situation: 'couple-with-children', children: 3, costSharers: 2, netIncomeCents: 300_000, housingCostsCents: 70_000,
      healthPremiumCents: 30_000, zorgtoeslagCents: 25_000, corrections: [{ label: 'Reiskosten woon-werkverkeer', cents: 4_500 }],
    }, norms);
    expect(amounts(r)).toEqual({ bijstandsnorm: 155_958, base: 148_160, housing: 40_000, health: 0, vtlb: 192_660, income: 300_000, capacity: 107_340 });
    expect(r.lines[0]?.explanation.nl).toContain('Kinderen verhogen de norm niet');
  });

  it('cost-sharer: a single person sharing the home with two other adults gets (40% + 3 x 30%) / 3 of the couple norm', () => {
    const r = computeVtlb({ referenceDate: '2026-03-24', situation: 'single', costSharers: 3, netIncomeCents: 120_000, housingCostsCents: 40_000, healthPremiumCents: 15_000, zorgtoeslagCents: 12_000 }, norms);
    // 1,559.58 x 43.33% = 675.818 -> 675.82; x 95% = 642.029 -> 642.03; housing 400 - 250 = 150.
    expect(amounts(r)).toEqual({ bijstandsnorm: 67_582, base: 64_203, housing: 15_000, health: 0, vtlb: 79_203, income: 120_000, capacity: 40_797 });
    expect(r.lines[0]?.explanation.nl).toContain('43,33% van € 1.559,58 = € 675,82');
  });

  it('cost-sharer couple: both partners get the per-person cost-sharer norm', () => {
    const r = computeVtlb({ referenceDate: '2026-03-24', situation: 'couple', costSharers: 3, netIncomeCents: 0, housingCostsCents: 0, healthPremiumCents: 0 }, norms);
    expect(r.lines[0]?.amountCents).toBe(135_164);
    expect(r.capacityCents).toBe(0);
    expect(r.lines.at(-1)?.explanation.nl).toContain('geen aflossingscapaciteit');
  });

  it('the art. 22a formula for one person gives back the single norm', () => {
    expect(Math.round((155_958 * 7000) / 10_000)).toBe(norms.singleNormCents);
  });

  it('refuses a household situation that does not add up, and a date outside the table', () => {
    expect(() => computeVtlb({ referenceDate: '2026-03-24', situation: 'couple', costSharers: 1, netIncomeCents: 1, housingCostsCents: 0, healthPremiumCents: 0 }, norms)).toThrow(/costSharers|at least 2/);
    expect(() => computeVtlb({ referenceDate: '2026-03-24', situation: 'single-parent', costSharers: 1, netIncomeCents: 1, housingCostsCents: 0, healthPremiumCents: 0 }, norms)).toThrow(/child/);
    expect(() => computeVtlb({ referenceDate: '2026-03-24', situation: 'single', costSharers: 1, netIncomeCents: -5, housingCostsCents: 0, healthPremiumCents: 0 }, norms)).toThrow();
    expect(() => computeVtlb({ referenceDate: '2026-08-01', situation: 'single', costSharers: 1, netIncomeCents: 1, housingCostsCents: 0, healthPremiumCents: 0 }, norms)).toThrow(RangeError);
  });

  it('formats euros the Dutch way', () => {
    expect(euro(123_456_789)).toBe('€ 1.234.567,89');
    expect(euro(5)).toBe('€ 0,05');
  });
});

describe('norm tables as dated data', () => {
  it('picks the table valid on the date, a municipality\'s own before the shipped ones', () => {
    expect(normTableOn('2026-07-01', shippedNormTables)?.validFrom).toBe('2026-07-01');
    const own = vtlbNormTableSchema.parse({ ...norms, validFrom: '2026-01-01', validUntil: '2026-06-30', singleNormCents: 110_000 });
    expect(normTableOn('2026-02-01', [own], shippedNormTables)?.singleNormCents).toBe(110_000);
    expect(normTableOn('2027-02-01', [own], shippedNormTables)).toBeUndefined();
  });

  it('refuses a table that does not start on 1 January or 1 July, ends before it starts, or has a single norm above the couple norm', () => {
    const bad = (patch: Partial<VtlbNormTable>) => vtlbNormTableSchema.safeParse({ ...norms, ...patch }).success;
    expect(bad({ validFrom: '2026-03-01' })).toBe(false);
    expect(bad({ validFrom: '2026-07-01', validUntil: '2026-06-30' })).toBe(false);
    expect(bad({ singleNormCents: 200_000 })).toBe(false);
    expect(bad({ coupleNormCents: -1 })).toBe(false);
    expect(bad({})).toBe(true);
  });

  it('says which figures are assumptions', () => {
    expect(norms.assumptions.join(' ')).toMatch(/assumption/);
  });
});
