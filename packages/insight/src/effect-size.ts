/**
 * Effect sizes for experiments, with 95% Wald confidence intervals (normal approximation):
 * - proportions: d = p1 - p0, se = sqrt(p0(1-p0)/n0 + p1(1-p1)/n1);
 * - means: d = m1 - m0, se = sqrt(s0^2/n0 + s1^2/n1) (Welch, unequal variances).
 * An effect is "detected" when the interval excludes zero. The approximation needs enough
 * observations: with fewer than 30 per group, or a proportion without at least 5 successes and
 * 5 failures per group, the result is reported but never called detected.
 */
import type { Effect } from './contract/insight.schema';

const Z95 = 1.959964;

export function compareProportions(baseline: { x: number; n: number }, experiment: { x: number; n: number }, better: 'higher' | 'lower' | 'neutral'): Effect {
  const p0 = baseline.n > 0 ? baseline.x / baseline.n : null;
  const p1 = experiment.n > 0 ? experiment.x / experiment.n : null;
  const empty = { measure: 'difference-in-proportions' as const, baseline: { n: baseline.n, estimate: p0 }, experiment: { n: experiment.n, estimate: p1 } };
  if (p0 === null || p1 === null) return { ...empty, difference: null, ci95: null, detected: false, better: 'inconclusive' };
  const d = p1 - p0;
  const se = Math.sqrt((p0 * (1 - p0)) / baseline.n + (p1 * (1 - p1)) / experiment.n);
  const ci: [number, number] = [d - Z95 * se, d + Z95 * se];
  const enough = [baseline, experiment].every((g) => g.n >= 30 && g.x >= 5 && g.n - g.x >= 5);
  return { ...empty, difference: d, ci95: ci, ...verdict(ci, enough, better) };
}

export function compareMeans(
  baseline: { n: number; sum: number; sumSquares: number },
  experiment: { n: number; sum: number; sumSquares: number },
  better: 'higher' | 'lower' | 'neutral',
): Effect {
  const stats = (g: { n: number; sum: number; sumSquares: number }) => {
    if (g.n === 0) return null;
    const mean = g.sum / g.n;
    const variance = g.n > 1 ? Math.max(0, (g.sumSquares - g.n * mean * mean) / (g.n - 1)) : 0;
    return { mean, variance };
  };
  const s0 = stats(baseline);
  const s1 = stats(experiment);
  const empty = { measure: 'difference-in-means' as const, baseline: { n: baseline.n, estimate: s0?.mean ?? null }, experiment: { n: experiment.n, estimate: s1?.mean ?? null } };
  if (!s0 || !s1) return { ...empty, difference: null, ci95: null, detected: false, better: 'inconclusive' };
  const d = s1.mean - s0.mean;
  const se = Math.sqrt(s0.variance / baseline.n + s1.variance / experiment.n);
  const ci: [number, number] = [d - Z95 * se, d + Z95 * se];
  return { ...empty, difference: d, ci95: ci, ...verdict(ci, baseline.n >= 30 && experiment.n >= 30, better) };
}

function verdict(ci: [number, number], enough: boolean, better: 'higher' | 'lower' | 'neutral'): Pick<Effect, 'detected' | 'better'> {
  const detected = enough && (ci[0] > 0 || ci[1] < 0);
  if (!detected || better === 'neutral') return { detected, better: 'inconclusive' };
  const up = ci[0] > 0;
  return { detected, better: (better === 'higher') === up ? 'yes' : 'no' };
}

type ShareGroup = { x: number; n: number };
type MeanGroup = { n: number; sum: number; sumSquares: number };

/**
 * Difference in differences with a control group: (experiment after - experiment before) minus
 * (control after - control before), se = sqrt of the four groups' variances of their estimate
 * (independent groups), 95% Wald interval. Detected only when all four groups have enough
 * observations (the same rule as above) and the interval excludes zero.
 */
export function differenceInDifferences(
  groups: { kind: 'proportion'; baseline: ShareGroup; experiment: ShareGroup; controlBaseline: ShareGroup; controlPeriod: ShareGroup } | { kind: 'mean'; baseline: MeanGroup; experiment: MeanGroup; controlBaseline: MeanGroup; controlPeriod: MeanGroup },
  better: 'higher' | 'lower' | 'neutral',
): { controlBaseline: { n: number; estimate: number | null }; controlPeriod: { n: number; estimate: number | null }; difference: number | null; ci95: [number, number] | null; detected: boolean; better: 'yes' | 'no' | 'inconclusive' } {
  const all = [groups.baseline, groups.experiment, groups.controlBaseline, groups.controlPeriod] as const;
  const stats = all.map((g) => {
    if (g.n === 0) return null;
    if (groups.kind === 'proportion') {
      const p = (g as ShareGroup).x / g.n;
      return { estimate: p, varianceOfEstimate: (p * (1 - p)) / g.n };
    }
    const m = g as MeanGroup;
    const mean = m.sum / m.n;
    const variance = m.n > 1 ? Math.max(0, (m.sumSquares - m.n * mean * mean) / (m.n - 1)) : 0;
    return { estimate: mean, varianceOfEstimate: variance / m.n };
  });
  const [b, x, cb, cp] = stats;
  const control = { controlBaseline: { n: groups.controlBaseline.n, estimate: cb?.estimate ?? null }, controlPeriod: { n: groups.controlPeriod.n, estimate: cp?.estimate ?? null } };
  if (!b || !x || !cb || !cp) return { ...control, difference: null, ci95: null, detected: false, better: 'inconclusive' };
  const d = x.estimate - b.estimate - (cp.estimate - cb.estimate);
  const se = Math.sqrt(b.varianceOfEstimate + x.varianceOfEstimate + cb.varianceOfEstimate + cp.varianceOfEstimate);
  const ci: [number, number] = [d - Z95 * se, d + Z95 * se];
  const enough = groups.kind === 'proportion'
    ? [groups.baseline, groups.experiment, groups.controlBaseline, groups.controlPeriod].every((g) => g.n >= 30 && g.x >= 5 && g.n - g.x >= 5)
    : all.every((g) => g.n >= 30);
  return { ...control, difference: d, ci95: ci, ...verdict(ci, enough, better) };
}
