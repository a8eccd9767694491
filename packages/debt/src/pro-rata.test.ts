import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payoutBasisPoints, proRataShares } from './pro-rata';

const claims = fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 40 });

describe('pro-rata shares by largest remainder', () => {
  it('sum exactly to the available amount in cents whenever it does not exceed the claims', () => {
    fc.assert(fc.property(claims, fc.double({ min: 0, max: 1, noNaN: true }), (cs, f) => {
      const total = cs.reduce((s, c) => s + c, 0);
      const available = Math.floor(total * f);
      const shares = proRataShares(available, cs);
      expect(shares.reduce((s, x) => s + x, 0)).toBe(available);
    }), { numRuns: 500 });
  });

  it('never give a creditor more than its claim, nor a negative amount, for any available amount', () => {
    fc.assert(fc.property(claims, fc.integer({ min: 0, max: 3_000_000_000 }), (cs, available) => {
      const shares = proRataShares(available, cs);
      shares.forEach((s, i) => {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(cs[i] ?? 0);
      });
      const total = cs.reduce((s, c) => s + c, 0);
      expect(shares.reduce((s, x) => s + x, 0)).toBe(Math.min(available, total));
    }), { numRuns: 500 });
  });

  it('stay within one cent of the exact proportional share (the same percentage of every claim)', () => {
    fc.assert(fc.property(claims, fc.double({ min: 0, max: 1, noNaN: true }), (cs, f) => {
      const total = cs.reduce((s, c) => s + c, 0);
      const available = Math.floor(total * f);
      const shares = proRataShares(available, cs);
      shares.forEach((s, i) => {
        const exact = total === 0 ? 0 : (available * (cs[i] ?? 0)) / total;
        expect(Math.abs(s - exact)).toBeLessThan(1 + 1e-6);
      });
    }), { numRuns: 300 });
  });

  it('gives the leftover cents to the largest remainders: 100 cents over three equal claims is 34/33/33', () => {
    expect(proRataShares(100, [500, 500, 500])).toEqual([34, 33, 33]);
    // 1,000.00 over 600.00 / 300.00 / 100.00 claims of 2,000.00 in total: exactly half of each.
    expect(proRataShares(100_000, [120_000, 60_000, 20_000])).toEqual([60_000, 30_000, 10_000]);
    // exact shares 333.33 / 333.33 / 333.33 of 1000 cents: floor 333 each, one cent to the first.
    expect(proRataShares(1000, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(proRataShares(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('pays every claim in full when there is enough, and nothing when there is nothing', () => {
    expect(proRataShares(1_000_000, [10, 20])).toEqual([10, 20]);
    expect(proRataShares(0, [10, 20])).toEqual([0, 0]);
    expect(proRataShares(5, [0, 0])).toEqual([0, 0]);
  });

  it('refuses negative or fractional amounts', () => {
    expect(() => proRataShares(-1, [10])).toThrow(RangeError);
    expect(() => proRataShares(1.5, [10])).toThrow(RangeError);
    expect(() => proRataShares(10, [-10])).toThrow(RangeError);
  });

  it('expresses the payout as basis points of every claim', () => {
    expect(payoutBasisPoints(50_000, 200_000)).toBe(2500);
    expect(payoutBasisPoints(300_000, 200_000)).toBe(10_000);
    expect(payoutBasisPoints(1, 3)).toBe(3333);
  });
});
