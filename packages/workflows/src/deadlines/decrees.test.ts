import { shiftDays } from '@kern/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { computeDeadline } from './deadline';
import { installDecrees, knownDecrees, statutoryCalendar } from './holidays';
import { objectionDueFor } from './decrees.test-helpers';

afterEach(() => installDecrees([]));

// Expectations worked out by hand from the law: Atw art. 1 (an end on Saturday, Sunday or a
// holiday moves to the next day that is none), art. 3 (the holidays, Good Friday, 5 May every
// year, the decreed days of DOMAIN.md) and Awb 6:7/6:8 (six weeks from the day after the decision).
describe('the statutory calendar knows the decreed days by default (Atw art. 3 lid 3)', () => {
  it('has the five days of the decree in force and the five of its predecessor', () => {
    const decreed: string[] = [];
    for (let d = '2023-01-01'; d <= '2028-12-31'; d = shiftDays(d, 1)) if (statutoryCalendar.name(d)?.includes('lid 3')) decreed.push(d);
    expect(decreed).toEqual(['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30', '2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26']);
  });

  it('a Wmo term (2 weeks) ending on Friday 15 May 2026 ends on Monday 18 May 2026', () => {
    const d = computeDeadline({ termId: 'wmo-beschikking', start: '2026-05-01' });
    expect(d.due).toBe('2026-05-18');
    expect(d.explanation.join(' ')).toContain('gelijkgestelde dag');
  });

  it('the objection term of a decision of 3 April 2026 (Good Friday) ends on 18 May 2026', () => {
    expect(objectionDueFor('2026-04-03')).toBe('2026-05-18');
  });

  it.each([
    // [why, decision date, due]: 6 weeks after the decision, then Atw art. 1
    ['ends on Good Friday 18 April 2025, past Easter to Tuesday 22 April', '2025-03-07', '2025-04-22'],
    ["ends on King's Day Saturday 26 April 2025, to Monday 28 April", '2025-03-15', '2025-04-28'],
    ['ends on 5 May 2025 (a Monday), to Tuesday 6 May', '2025-03-24', '2025-05-06'],
    ['ends on Ascension 29 May 2025, past the decreed Friday 30 May to Monday 2 June', '2025-04-17', '2025-06-02'],
    ['ends on Whit Monday 9 June 2025, to Tuesday 10 June', '2025-04-28', '2025-06-10'],
    ['ends on 5 May 2026 (a Tuesday; 5 May counts every year), to Wednesday 6 May', '2026-03-24', '2026-05-06'],
    ['ends on Ascension 14 May 2026, past the decreed 15 May and the weekend to Monday 18 May', '2026-04-02', '2026-05-18'],
    ['ends on Christmas Day 2026 (Friday), past Boxing Day and Sunday to Monday 28 December', '2026-11-13', '2026-12-28'],
    ['ends on Nieuwjaarsdag 2026, past the decreed Friday 2 January to Monday 5 January', '2025-11-20', '2026-01-05'],
    ['ends on 5 May 2027 (Wednesday), to Thursday 6 May? no: Ascension; past the decreed 7 May to Monday 10 May', '2027-03-24', '2027-05-10'],
    ["ends on King's Day 27 April 2028 (Thursday), past the decreed 28 April to Monday 1 May", '2028-03-16', '2028-05-01'],
    ['ends on Ascension 25 May 2028, past the decreed 26 May to Monday 29 May', '2028-04-13', '2028-05-29'],
    ['ends on Whit Monday 5 June 2028, to Tuesday 6 June', '2028-04-24', '2028-06-06'],
    ['ends on Boxing Day 2028 (Tuesday), to Wednesday 27 December', '2028-11-14', '2028-12-27'],
  ])('objection term: %s', (_why, decidedOn, due) => {
    expect(objectionDueFor(decidedOn)).toBe(due);
  });

  it('a term past the last known decree says so in its explanation; one before does not', () => {
    const inside = computeDeadline({ termId: 'awb-bezwaar', start: '2028-10-02' });
    expect(inside.beyondKnownDecrees).toBe(false);
    const past = computeDeadline({ termId: 'awb-bezwaar', start: '2028-12-01' });
    expect(past.beyondKnownDecrees).toBe(true);
    expect(past.explanation.at(-1)).toContain('na zondag 31 december 2028 zijn nog geen besluiten bekend');
  });

  it('an added decree is used and moves the knowledge horizon', () => {
    installDecrees([
      { id: 'test-2029-2031', title: 'Testbesluit 2029-2031', publishedOn: '2028-10-01', sourceNote: null, publication: 'Stcrt. 2028, 1', coversFrom: '2029-01-01', coversUntil: '2031-12-31', days: ['2029-05-11'] },
    ]);
    expect(knownDecrees()).toHaveLength(3);
    expect(statutoryCalendar.isHoliday('2029-05-11')).toBe(true);
    expect(statutoryCalendar.name('2029-05-11')).toContain('Stcrt. 2028, 1');
    expect(computeDeadline({ termId: 'awb-bezwaar', start: '2028-12-01' }).beyondKnownDecrees).toBe(false);
  });

  it.each([
    ['an overlapping period', { coversFrom: '2028-06-01' }, 'coversFrom'],
    ['a Saturday', { days: ['2029-05-12'] }, 'days.0'],
    ['a day outside the period', { days: ['2032-01-02'] }, 'days.0'],
    ['no days', { days: [] }, 'days'],
    ['an end before the start', { coversUntil: '2028-12-31', coversFrom: '2029-01-01' }, 'coversUntil'],
    ['an existing id', { id: 'atw-gelijkgestelde-dagen-2026-2028' }, 'id'],
  ])('refuses a decree with %s, naming the field', (_why, change, field) => {
    const decree = { id: 'test-2029-2031', title: 'Testbesluit 2029-2031', publishedOn: null, publication: null, sourceNote: null, coversFrom: '2029-01-01', coversUntil: '2031-12-31', days: ['2029-05-11'], ...change };
    let thrown: unknown;
    try {
      installDecrees([decree]);
    } catch (e) {
      thrown = e;
    }
    expect(JSON.stringify(thrown)).toContain(`"name":"${field}"`);
    expect(knownDecrees()).toHaveLength(2);
  });
});
