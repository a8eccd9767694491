import { describe, expect, it } from 'vitest';
import { accessLogQuerySchema, groupAccessLog, type AccessLogEntry } from './contract';

const entry = (at: string, over: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  at, who: 'staff', role: 'wijkteam-generalist', team: 'Wijkteam Noord', purpose: 'wmo', action: 'read', what: 'resident', outcome: 'allowed', ...over,
});

describe('"who looked" grouped by person or team and purpose', () => {
  it('counts the reads of one team for one purpose on one line, with the first and last time and how often it was refused', () => {
    const groups = groupAccessLog([
      entry('2026-12-03T10:00:00.000Z'),
      entry('2026-12-01T09:00:00.000Z', { what: 'case' }),
      entry('2026-12-02T09:00:00.000Z', { outcome: 'denied' }),
    ]);
    expect(groups).toEqual([{ who: 'staff', role: 'wijkteam-generalist', team: 'Wijkteam Noord', purpose: 'wmo', count: 3, denied: 1, first: '2026-12-01T09:00:00.000Z', last: '2026-12-03T10:00:00.000Z' }]);
  });

  it('keeps another purpose, another team, another role and the citizen themself apart', () => {
    const groups = groupAccessLog([
      entry('2026-12-01T09:00:00.000Z'),
      entry('2026-12-01T09:00:00.000Z', { purpose: 'jeugdwet' }),
      entry('2026-12-01T09:00:00.000Z', { team: 'Wijkteam Zuid' }),
      entry('2026-12-01T09:00:00.000Z', { role: 'wmo-consulent' }),
      entry('2026-12-01T09:00:00.000Z', { who: 'me', role: null, team: null, purpose: null }),
    ]);
    expect(groups).toHaveLength(5);
    expect(groups.every((g) => g.count === 1)).toBe(true);
  });

  it('puts the one who looked most often first, and on a tie the latest', () => {
    const groups = groupAccessLog([
      entry('2026-12-01T09:00:00.000Z', { team: 'A' }),
      entry('2026-12-05T09:00:00.000Z', { team: 'B' }),
      entry('2026-12-02T09:00:00.000Z', { team: 'C' }),
      entry('2026-12-03T09:00:00.000Z', { team: 'C' }),
    ]);
    expect(groups.map((g) => g.team)).toEqual(['C', 'B', 'A']);
  });

  it('gives nothing for an empty history', () => {
    expect(groupAccessLog([])).toEqual([]);
  });
});

describe('the "who looked" filter', () => {
  it('hides the citizen\'s own reads unless asked for them', () => {
    expect(accessLogQuerySchema.parse({}).own).toBe(false);
    expect(accessLogQuerySchema.parse({ own: 'true' }).own).toBe(true);
  });

  it('refuses a period that ends before it starts, on the end date', () => {
    const result = accessLogQuerySchema.safeParse({ from: '2026-12-05', to: '2026-12-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['to']);
  });

  it('refuses a date that is not a calendar day and a page cursor that is no positive number', () => {
    expect(accessLogQuerySchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(accessLogQuerySchema.safeParse({ before: '-3' }).success).toBe(false);
  });
});
