import { describe, expect, it } from 'vitest';
import { paths } from './router';
import { startPage } from './start-page';

describe('startPage', () => {
  it('lands each role on the page of its own work', () => {
    expect(startPage(['wijkteam-generalist'])).toBe(paths.worklist);
    expect(startPage(['decision-maker'])).toBe(paths.worklist);
    expect(startPage(['quality-analyst'])).toBe(paths.insight);
    expect(startPage(['auditor'])).toBe(paths.audit);
    expect(startPage(['functional-administrator'])).toBe(paths.werkwijzen);
    expect(startPage(['contract-manager'])).toBe(paths.catalogue);
    expect(startPage(['team-lead'])).toBe(paths.accessRequests);
  });

  it('puts casework first for someone who also holds another role', () => {
    expect(startPage(['auditor', 'wmo-consultant'])).toBe(paths.worklist);
  });

  it('falls back to search for an account with no known role', () => {
    expect(startPage([])).toBe(paths.search);
  });
});
