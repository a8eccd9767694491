import { describe, expect, it } from 'vitest';
import { objectionUntil } from './record-decision';

describe('objection term (Awb 6:7 and 6:8 with the Algemene termijnenwet)', () => {
  it('runs six weeks from the day after the decision: decided Tuesday 3 March 2026, objection until Tuesday 14 April', () => {
    expect(objectionUntil('2026-03-03')).toBe('2026-04-14');
  });

  it('moves an end on a Saturday to the Monday (Atw art. 1)', () => {
    // 7 March 2026 is a Saturday; six weeks later, 18 April, too.
    expect(objectionUntil('2026-03-07')).toBe('2026-04-20');
  });

  it('moves an end on Liberation Day to the next day (5 May counts every year, Atw art. 3)', () => {
    expect(objectionUntil('2026-03-24')).toBe('2026-05-06');
  });
});
