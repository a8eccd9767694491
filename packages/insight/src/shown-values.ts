import { SMALL_COUNT, SMALL_COUNT_THRESHOLD } from '@kern/access';
import type { Experiment, ExperimentResult, IndicatorValue, ShownIndicatorValue } from './contract';
import { suppress, type Cell, type Relation } from './suppress';

/** Units whose numerator counts clients or events (as publish-benchmark.ts counts them). */
const COUNT_UNITS = new Set(['percent', 'count', 'per-1000']);

const cellKey = (v: Pick<IndicatorValue, 'indicatorId' | 'period' | 'law' | 'team'>) => `${v.indicatorId}|${v.period}|${v.law}|${v.team}`;

/**
 * The cells to suppress for a role without personal data, with the threshold of 5: primary (a
 * count, denominator or their difference under 5) and complementary, because a law's or a
 * team's total is the sum of its parts and one hidden part could be recovered by subtraction.
 * `cells` must hold every law and team of the indicators and periods shown.
 */
export function suppressedCells(cells: readonly IndicatorValue[], unitOf: (indicatorId: string) => string): Set<string> {
  const hidden = new Set<string>();
  const groups = new Map<string, IndicatorValue[]>();
  for (const c of cells) {
    const g = `${c.indicatorId}|${c.period}`;
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  for (const [g, members] of groups) {
    const unit = unitOf(members[0]?.indicatorId ?? '');
    // per-1000: the denominator is the population, public anyway; the client count is what matters.
    const asCell = (v: IndicatorValue): Cell => ({ key: cellKey(v), numerator: v.numerator, denominator: unit === 'per-1000' ? null : v.denominator, countLike: COUNT_UNITS.has(unit) });
    const relations: Relation[] = [];
    for (const team of new Set(members.map((m) => m.team))) {
      relations.push({ total: `${g}|*|${team}`, parts: members.filter((m) => m.team === team && m.law !== '*').map(cellKey) });
    }
    for (const law of new Set(members.map((m) => m.law))) {
      relations.push({ total: `${g}|${law}|*`, parts: members.filter((m) => m.law === law && m.team !== '*').map(cellKey) });
    }
    for (const k of suppress(members.map(asCell), relations, SMALL_COUNT_THRESHOLD)) hidden.add(k);
  }
  return hidden;
}

const small = (n: number | null): typeof SMALL_COUNT | null => (n !== null && n < SMALL_COUNT_THRESHOLD ? SMALL_COUNT : null);

/** One value as shown: exact, or suppressed with only its small counts said to be "< 5". */
export function shownValue(v: IndicatorValue, hidden: boolean, unit: string): ShownIndicatorValue {
  if (!hidden) return { ...v, suppressed: false };
  return {
    ...v,
    numerator: COUNT_UNITS.has(unit) ? small(v.numerator) : null,
    denominator: unit === 'per-1000' ? v.denominator : small(v.denominator),
    value: null,
    inputEvents: small(v.inputEvents),
    suppressed: true,
  };
}

export { cellKey as indicatorCellKey };

type Group = { n: number | typeof SMALL_COUNT; estimate: number | null };
// An empty group names no one and has no estimate to hide (the write-up says there is not enough data).
const isSmall = (g: Group) => typeof g.n === 'number' && g.n > 0 && g.n < SMALL_COUNT_THRESHOLD;
const hideGroup = (g: Group): Group => (isSmall(g) ? { n: SMALL_COUNT, estimate: null } : g);

/**
 * An experiment as a role without personal data sees it: a group of fewer than 5 shows as "< 5"
 * without its estimate, and then no difference, interval or write-up either (each would give the
 * hidden estimate back by subtraction).
 */
export function shownExperiment(e: Experiment): Experiment {
  const r = e.result;
  if (!r) return e;
  const c = r.control;
  const groups: Group[] = [r.baseline, r.experiment, ...(c ? [c.concurrent.baseline, c.concurrent.experiment, c.differenceInDifferences.controlBaseline, c.differenceInDifferences.controlPeriod] : [])];
  if (!groups.some(isSmall)) return e;
  const effect = <T extends { baseline: Group; experiment: Group; difference: number | null; ci95: [number, number] | null }>(x: T): T => ({ ...x, baseline: hideGroup(x.baseline), experiment: hideGroup(x.experiment), difference: null, ci95: null });
  const result: ExperimentResult = {
    ...effect(r),
    ...(c ? {
      control: {
        ...c,
        concurrent: effect(c.concurrent),
        differenceInDifferences: { ...c.differenceInDifferences, controlBaseline: hideGroup(c.differenceInDifferences.controlBaseline), controlPeriod: hideGroup(c.differenceInDifferences.controlPeriod), difference: null, ci95: null },
      },
    } : {}),
  };
  return { ...e, result, writeUp: 'Onvoldoende gegevens om te tonen: een groep is kleiner dan 5. / Not enough data to show: a group is smaller than 5.' };
}
