import { describe, expect, it } from 'vitest';
import { decisionDeadline, firstConversationDeadline, moratoriumLatestEnd, urgencyOfSignal } from './wgs-terms';

describe('Wgs art. 4 lid 1: first conversation within four weeks (Algemene termijnenwet)', () => {
  it.each([
    ['an ordinary Monday', '2026-03-23', '2026-04-20'],
    ["ending on King's Day (Monday 27 April 2026) moves to the 28th", '2026-03-30', '2026-04-28'],
    ['ending on Liberation Day (5 May, every year for statutory terms) moves to the 6th', '2026-04-07', '2026-05-06'],
    ["ending on a Saturday before King's Day moves past the weekend and King's Day", '2026-03-28', '2026-04-28'],
    ['ending on Christmas Day moves past Boxing Day and the weekend', '2026-11-27', '2026-12-28'],
  ])('%s: from %s due %s', (_what, start, due) => {
    const r = firstConversationDeadline(start, null);
    expect(r.termId).toBe('wgs-eerste-gesprek');
    expect(r.due).toBe(due);
  });
});

describe('Wgs art. 4 lid 2: first conversation within three working days in a threatening situation', () => {
  it.each([
    // The deadline engine equates Good Friday with the holidays (Atw art. 3 lid 2, see holidays.ts).
    ['Good Friday and Easter Monday skipped', '2026-04-02', '2026-04-09'],
    ['from Good Friday: weekend and Easter Monday skipped', '2026-04-03', '2026-04-09'],
    ['Liberation Day skipped', '2026-04-30', '2026-05-06'],
    ['Ascension Day and the day after it, equated by Royal decree (Atw art. 3(3)), skipped', '2026-05-13', '2026-05-20'],
    ['Whit Monday skipped', '2026-05-22', '2026-05-28'],
    ['Christmas, Boxing Day and the weekend skipped', '2026-12-23', '2026-12-29'],
    ['New Year\'s Day skipped', '2026-12-30', '2027-01-05'],
  ])('%s: from %s due %s', (_what, start, due) => {
    const r = firstConversationDeadline(start, 'eviction');
    expect(r.termId).toBe('wgs-eerste-gesprek-urgent');
    expect(r.due).toBe(due);
  });

  it('treats eviction, cut-off of energy or water and health-insurance termination as urgent, arrears alone not', () => {
    expect(['eviction', 'cut-off-energy', 'cut-off-water', 'health-insurance-termination'].map(urgencyOfSignal)).toEqual(['eviction', 'cut-off-energy', 'cut-off-water', 'health-insurance-termination']);
    expect(urgencyOfSignal('arrears')).toBeNull();
  });

  it('names the skipped holidays in the explanation', () => {
    expect(firstConversationDeadline('2026-04-03', 'cut-off-energy').explanation.join(' ')).toMatch(/Paasmaandag|Tweede paasdag/i);
  });
});

describe('Wgs art. 4a: the beschikking within the municipal term, at most eight weeks', () => {
  it.each([
    ['eight weeks by default', '2026-04-20', 8, '2026-06-15'],
    ['a municipal term of six weeks', '2026-04-20', 6, '2026-06-01'],
    ['ending on Whit Monday moves to Tuesday', '2026-03-30', 8, '2026-05-26'],
  ])('%s: from %s (%i weeks) due %s', (_what, start, weeks, due) => {
    expect(decisionDeadline(start, weeks).due).toBe(due);
  });

  it('refuses a municipal term over the statutory eight weeks', () => {
    expect(() => decisionDeadline('2026-04-20', 9)).toThrow();
  });
});

describe('Wgs art. 5 / Fw 287b: cooling-off or moratorium at most six months', () => {
  it.each([
    ['six calendar months', '2026-03-24', '2026-09-24'],
    ['a maximum duration is not moved off a Sunday (Atw art. 4)', '2026-04-04', '2026-10-04'],
    ['month end clamps', '2026-08-31', '2027-02-28'],
  ])('%s: from %s until %s', (_what, from, until) => {
    expect(moratoriumLatestEnd(from).due).toBe(until);
  });
});
