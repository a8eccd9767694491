import { describe, expect, it } from 'vitest';
import { compareMeans, compareProportions } from './effect-size';

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
