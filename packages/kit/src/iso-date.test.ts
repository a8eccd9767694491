import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './iso-date';

describe('isCalendarDate', () => {
  it('accepts real days, including 29 February in a leap year', () => {
    for (const d of ['2026-03-24', '2024-02-29', '2000-02-29', '1999-12-31']) expect(isCalendarDate(d), d).toBe(true);
  });
  it('refuses impossible days and other formats', () => {
    for (const d of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '26-03-24', '2026-3-4', '2026-03-24T00:00', "2026-03-24' or 1=1"]) {
      expect(isCalendarDate(d), d).toBe(false);
    }
  });
});
