import { describe, expect, it } from 'vitest';
import { compareMeans, compareProportions, differenceInDifferences } from './effect-size';

/** A small deterministic PRNG (mulberry32), so the synthetic data is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const bernoulli = (r: () => number, p: number, n: number) => Array.from({ length: n }, () => (r() < p ? 1 : 0)).reduce<number>((s, v) => s + v, 0);

describe('experiment effect sizes', () => {
  it('detects a planted 15-point improvement in a share (40% -> 55%, 500 clients per group)', () => {
    const r = rng(7);
    const effect = compareProportions({ x: bernoulli(r, 0.4, 500), n: 500 }, { x: bernoulli(r, 0.55, 500), n: 500 }, 'higher');
    expect(effect.detected).toBe(true);
    expect(effect.better).toBe('yes');
    expect(effect.ci95?.[0]).toBeGreaterThan(0);
    expect(effect.difference).toBeGreaterThan(0.08);
  });

  it('detects no effect when both groups come from the same 50% share', () => {
    const r = rng(11);
    const effect = compareProportions({ x: bernoulli(r, 0.5, 500), n: 500 }, { x: bernoulli(r, 0.5, 500), n: 500 }, 'higher');
    expect(effect.detected).toBe(false);
    expect(effect.better).toBe('inconclusive');
    expect(effect.ci95?.[0]).toBeLessThan(0);
    expect(effect.ci95?.[1]).toBeGreaterThan(0);
  });

  it('matches the hand-computed Wald interval for 30/100 against 45/100', () => {
    const e = compareProportions({ x: 30, n: 100 }, { x: 45, n: 100 }, 'higher');
    // se = sqrt(.3*.7/100 + .45*.55/100) = sqrt(0.0021 + 0.002475) = 0.067639
    expect(e.difference).toBeCloseTo(0.15, 10);
    expect(e.ci95?.[0]).toBeCloseTo(0.15 - 1.959964 * 0.0676387, 5);
    expect(e.ci95?.[1]).toBeCloseTo(0.15 + 1.959964 * 0.0676387, 5);
  });

  it('detects a planted drop in days to decision (mean 30 -> 25) and not a null difference', () => {
    const r = rng(3);
    const draw = (mean: number, n: number) => {
      const xs = Array.from({ length: n }, () => mean + (r() - 0.5) * 20);
      return { n, sum: xs.reduce((s, v) => s + v, 0), sumSquares: xs.reduce((s, v) => s + v * v, 0) };
    };
    const planted = compareMeans(draw(30, 200), draw(25, 200), 'lower');
    expect(planted).toMatchObject({ detected: true, better: 'yes' });
    const none = compareMeans(draw(30, 200), draw(30, 200), 'lower');
    expect(none.detected).toBe(false);
  });

  it('never calls an effect on too few observations', () => {
    expect(compareProportions({ x: 1, n: 10 }, { x: 9, n: 10 }, 'higher').detected).toBe(false);
    expect(compareProportions({ x: 0, n: 0 }, { x: 9, n: 10 }, 'higher').difference).toBeNull();
  });
});

describe('difference in differences against a control group', () => {
  it('matches the hand-computed interval: (45/100 - 30/100) - (35/100 - 30/100)', () => {
    const d = differenceInDifferences({ kind: 'proportion', baseline: { x: 30, n: 100 }, experiment: { x: 45, n: 100 }, controlBaseline: { x: 30, n: 100 }, controlPeriod: { x: 35, n: 100 } }, 'higher');
    // se = sqrt(.3*.7/100 + .45*.55/100 + .3*.7/100 + .35*.65/100) = sqrt(0.00895) = 0.0946044
    expect(d.difference).toBeCloseTo(0.1, 10);
    expect(d.ci95?.[0]).toBeCloseTo(0.1 - 1.959964 * 0.0946044, 5);
    expect(d.ci95?.[1]).toBeCloseTo(0.1 + 1.959964 * 0.0946044, 5);
    expect(d).toMatchObject({ detected: false, better: 'inconclusive', controlBaseline: { n: 100, estimate: 0.3 }, controlPeriod: { n: 100, estimate: 0.35 } });
  });

  it('detects a planted effect only where the control group did not change as well', () => {
    const r = rng(23);
    const draw = (p: number) => ({ x: bernoulli(r, p, 600), n: 600 });
    const effect = differenceInDifferences({ kind: 'proportion', baseline: draw(0.4), experiment: draw(0.6), controlBaseline: draw(0.4), controlPeriod: draw(0.4) }, 'higher');
    expect(effect).toMatchObject({ detected: true, better: 'yes' });
    const trend = differenceInDifferences({ kind: 'proportion', baseline: draw(0.4), experiment: draw(0.6), controlBaseline: draw(0.4), controlPeriod: draw(0.6) }, 'higher');
    expect(trend.detected).toBe(false);
  });

  it('works on means (difference of mean changes) and is never detected with fewer than 30 in a group', () => {
    const group = (n: number, mean: number) => ({ n, sum: n * mean, sumSquares: n * mean * mean + (n - 1) * 1 }); // variance 1
    const d = differenceInDifferences({ kind: 'mean', baseline: group(100, 2), experiment: group(100, 3), controlBaseline: group(100, 2), controlPeriod: group(100, 2.2) }, 'higher');
    expect(d.difference).toBeCloseTo(0.8, 10);
    expect(d.ci95?.[0]).toBeCloseTo(0.8 - 1.959964 * Math.sqrt(4 / 100), 5);
    expect(d.detected).toBe(true);
    const small = differenceInDifferences({ kind: 'mean', baseline: group(100, 2), experiment: group(100, 3), controlBaseline: group(20, 2), controlPeriod: group(100, 2) }, 'higher');
    expect(small.detected).toBe(false);
    expect(differenceInDifferences({ kind: 'mean', baseline: group(100, 2), experiment: group(100, 3), controlBaseline: { n: 0, sum: 0, sumSquares: 0 }, controlPeriod: group(100, 2) }, 'higher').difference).toBeNull();
  });
});
