import { describe, expect, it } from 'vitest';
import { idRanges } from './run-month';

describe('idRanges: the chunks of a monthly run', () => {
  it.each([1, 2, 3, 5, 7, 64])('splits the uuid space into %i contiguous ranges that cover it all', (n) => {
    const ranges = idRanges(n);
    expect(ranges).toHaveLength(n);
    expect(ranges[0]?.fromId).toBe('00000000-0000-0000-0000-000000000000');
    expect(ranges.at(-1)?.toId).toBeNull();
    for (let i = 1; i < n; i++) expect(ranges[i]?.fromId).toBe(ranges[i - 1]?.toId);
  });

  it('puts every id in exactly one range', () => {
    const ranges = idRanges(5);
    for (const id of ['00000000-0000-4000-8000-000000000000', '33333333-0000-4000-8000-000000000000', '7fffffff-ffff-4fff-bfff-ffffffffffff', 'ffffffff-ffff-4fff-bfff-ffffffffffff']) {
      expect(ranges.filter((r) => id >= r.fromId && (r.toId === null || id < r.toId))).toHaveLength(1);
    }
  });
});
