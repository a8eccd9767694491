import { describe, expect, it } from 'vitest';
import { goalsClosedBy } from './agree-to-plan-version';
import type { PlanVersionRow } from './plans.repository';

const version = (n: number, goals: { id: string; status: 'open' | 'achieved' | 'dropped' }[]): PlanVersionRow => ({
  version: n,
  content: { goals: goals.map((g) => ({ ...g, domain: 'financien', memberBsn: null, text: g.id })), actions: [], agreements: [], reviewDates: [] },
  changeNote: null,
  createdAt: '2026-01-01T00:00:00Z',
  agreedAt: null,
});

describe('which goals an agreed version closes (the plan.goal-closed events)', () => {
  it('counts goals achieved or dropped since the version agreed before, once', () => {
    const before = version(1, [{ id: 'a', status: 'open' }, { id: 'b', status: 'achieved' }, { id: 'c', status: 'open' }]);
    const agreed = version(2, [{ id: 'a', status: 'achieved' }, { id: 'b', status: 'achieved' }, { id: 'c', status: 'dropped' }, { id: 'd', status: 'open' }]);
    expect(goalsClosedBy(before, agreed).map((g) => [g.id, g.status])).toEqual([['a', 'achieved'], ['c', 'dropped']]);
  });

  it('counts a goal closed in the very first agreed version', () => {
    expect(goalsClosedBy(undefined, version(1, [{ id: 'a', status: 'achieved' }, { id: 'b', status: 'open' }])).map((g) => g.id)).toEqual(['a']);
  });
});
