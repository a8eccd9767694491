import { parseCsv } from '@kern/kit';
import { describe, expect, it } from 'vitest';
import { toCsv } from './read-indicators';

describe('indicator and benchmark downloads as CSV', () => {
  it('neutralise a formula in a text cell and keep numbers (also negative ones) numbers', () => {
    const csv = toCsv([{ indicatorId: '=1+1', law: '*', numerator: -3, value: null, suppressed: true }], ['indicatorId', 'law', 'numerator', 'value', 'suppressed']);
    expect(parseCsv(csv).records.map((r) => r.cells)).toEqual([['indicatorId', 'law', 'numerator', 'value', 'suppressed'], ["'=1+1", '*', '-3', '', 'true']]);
  });
});
