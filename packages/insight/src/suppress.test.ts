import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { primarySuppressed, suppress, SUPPRESSION_THRESHOLD, type Cell } from './suppress';

/** A total with its per-law parts, as publishBenchmark builds them (parts add up to the total). */
const groupArb = fc
  .array(fc.record({ den: fc.integer({ min: 0, max: 60 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 6 })
  .map((parts) => {
    const cells: Cell[] = parts.map((p, i) => ({ key: `law${i}`, denominator: p.den, numerator: Math.round(p.den * p.share), countLike: true }));
    const total: Cell = { key: '*', denominator: cells.reduce((s, c) => s + (c.denominator ?? 0), 0), numerator: cells.reduce((s, c) => s + (c.numerator ?? 0), 0), countLike: true };
    return { cells: [total, ...cells], relation: { total: '*', parts: cells.map((c) => c.key) } };
  });

describe('small-cell suppression', () => {
  it('suppresses a cell whose count, denominator or complement is under 10', () => {
    expect(primarySuppressed({ key: 'a', numerator: 9, denominator: 40, countLike: true })).toBe(true);
    expect(primarySuppressed({ key: 'a', numerator: 35, denominator: 40, countLike: true })).toBe(true); // 5 not in time, by subtraction
    expect(primarySuppressed({ key: 'a', numerator: 20, denominator: 40, countLike: true })).toBe(false);
    expect(primarySuppressed({ key: 'a', numerator: 1234, denominator: 9, countLike: false })).toBe(true); // mean over 9 clients
  });

  it('hides a second cell when only one part of a total would be hidden (no recovery by subtraction)', () => {
    const cells: Cell[] = [
      { key: '*', numerator: 50, denominator: 100, countLike: true },
      { key: 'wmo', numerator: 3, denominator: 5, countLike: true },
      { key: 'jeugd', numerator: 20, denominator: 45, countLike: true },
      { key: 'wgs', numerator: 27, denominator: 50, countLike: true },
    ];
    const hidden = suppress(cells, [{ total: '*', parts: ['wmo', 'jeugd', 'wgs'] }]);
    expect([...hidden].sort()).toEqual(['jeugd', 'wmo']);
  });

  it('property: no published cell is under the threshold, and no relation has exactly one hidden cell', () => {
    fc.assert(
      fc.property(groupArb, ({ cells, relation }) => {
        const hidden = suppress(cells, [relation]);
        for (const c of cells) {
          if (hidden.has(c.key)) continue;
          expect(c.denominator ?? 0).toBeGreaterThanOrEqual(SUPPRESSION_THRESHOLD);
          expect(c.numerator ?? 0).toBeGreaterThanOrEqual(SUPPRESSION_THRESHOLD);
          expect((c.denominator ?? 0) - (c.numerator ?? 0)).toBeGreaterThanOrEqual(SUPPRESSION_THRESHOLD);
        }
        const members = [relation.total, ...relation.parts];
        const hiddenMembers = members.filter((k) => hidden.has(k));
        expect(hiddenMembers.length).not.toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});
