import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from './insight.schema';
import { indicatorCellKey, shownValue, suppressedCells } from './shown-values';

const cell = (law: string, team: string, numerator: number, denominator: number | null): IndicatorValue => ({
  indicatorId: 'i', period: '2026-Q1', law, team, numerator, denominator, value: denominator ? (100 * numerator) / denominator : numerator, inputEvents: denominator ?? numerator,
  definitionVersion: 1, computedAt: '2026-04-01T00:00:00.000Z',
});

describe('indicator cells shown to roles without personal data', () => {
  it('suppresses a team cell under 5 and one more team, so the total minus the others does not give it away', () => {
    const cells = [cell('*', '*', 40, 60), cell('*', 'noord', 30, 40), cell('*', 'zuid', 2, 3), cell('*', 'west', 8, 17)];
    const hidden = suppressedCells(cells, () => 'percent');
    expect([...hidden].sort()).toEqual([indicatorCellKey(cells[2] as IndicatorValue), indicatorCellKey(cells[3] as IndicatorValue)].sort());
  });

  it('says "< 5" only of the counts that are that small, and no value', () => {
    expect(shownValue(cell('*', 'zuid', 2, 3), true, 'percent')).toMatchObject({ numerator: '< 5', denominator: '< 5', value: null, inputEvents: '< 5', suppressed: true });
    expect(shownValue(cell('*', 'west', 8, 17), true, 'percent')).toMatchObject({ numerator: null, denominator: null, value: null, inputEvents: null, suppressed: true });
    expect(shownValue(cell('*', 'zuid', 2, 3), false, 'percent')).toMatchObject({ numerator: 2, denominator: 3, suppressed: false });
  });
});
