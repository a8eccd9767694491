import { describe, expect, it } from 'vitest';
import { hiddenCohorts } from './read-fund-dashboard';

describe('small cohorts on the fund dashboard', () => {
  it('hides cohorts under 5, and with exactly one hidden also the smallest other, so no subtraction from the totals recovers it', () => {
    expect([...hiddenCohorts([{ cohort: '2026-01', residents: 12 }, { cohort: '2026-02', residents: 7 }, { cohort: '2026-03', residents: 2 }])].sort()).toEqual(['2026-02', '2026-03']);
    expect([...hiddenCohorts([{ cohort: '2026-01', residents: 3 }, { cohort: '2026-02', residents: 1 }, { cohort: '2026-03', residents: 9 }])].sort()).toEqual(['2026-01', '2026-02']);
    expect([...hiddenCohorts([{ cohort: '2026-01', residents: 5 }, { cohort: '2026-02', residents: 6 }])]).toEqual([]);
  });
});
