import { describe, expect, it } from 'vitest';
import type { Experiment, IndicatorValue } from './contract';
import { indicatorCellKey, shownExperiment, shownValue, suppressedCells } from './shown-values';

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

const experiment = (baselineN: number, experimentN: number): Experiment => ({
  id: '00000000-0000-4000-8000-000000000001', title: 't', hypothesis: 'h', intervention: 'i', targetGroup: 'g', indicatorId: 'plan-goals-reached', teamId: null, controlTeamId: null,
  baselineFrom: '2024-01', baselineTo: '2024-03', periodFrom: '2024-04', periodTo: '2024-06', createdAt: '2024-07-01T00:00:00.000Z',
  writeUp: `baseline 50.0% (n=${baselineN}), experiment 75.0% (n=${experimentN})`,
  result: { measure: 'difference-in-proportions', baseline: { n: baselineN, estimate: 0.5 }, experiment: { n: experimentN, estimate: 0.75 }, difference: 0.25, ci95: [0.1, 0.4], detected: true, better: 'yes' },
});

describe('experiment groups shown to roles without personal data', () => {
  it('shows a group under 5 as "< 5" without its estimate, and then no difference or write-up that would give it back', () => {
    const shown = shownExperiment(experiment(40, 3));
    expect(shown.result).toMatchObject({ baseline: { n: 40, estimate: 0.5 }, experiment: { n: '< 5', estimate: null }, difference: null, ci95: null });
    expect(shown.writeUp).not.toMatch(/n=3|75\.0/);
    expect(shownExperiment(experiment(40, 30))).toEqual(experiment(40, 30));
    // An empty group names no one: its write-up ("not enough data") stays.
    expect(shownExperiment(experiment(0, 30))).toEqual(experiment(0, 30));
  });
});
