import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWeeks, addWorkingDays, countStatutoryTerm, isWorkingDay, statutoryTermEnd, type TermLength } from './counting';
import { officeCalendar, statutoryCalendar, statutoryCalendarWith } from './holidays';

const cal = statutoryCalendar;

describe('calendar arithmetic', () => {
  it.each([
    ['2025-12-30', 3, '2026-01-02'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it.each([
    ['2024-02-22', 1, '2024-02-29'],
    ['2025-12-18', 2, '2026-01-01'],
  ])('addWeeks(%s, %i) = %s', (d, n, expected) => {
    expect(addWeeks(d, n)).toBe(expected);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2100-01-31', 1, '2100-02-28'], // 2100 is not a leap year
    ['2025-03-31', 1, '2025-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('addMonths(%s, %i) = %s (clamped to the end of a shorter month)', (d, n, expected) => {
    expect(addMonths(d, n)).toBe(expected);
  });

  it('rejects impossible dates and fractional counts', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow();
    expect(() => addWeeks('2026-03-01', 1.5)).toThrow();
  });
});

describe('working days', () => {
  it.each([
    ['2026-03-07', false], // Saturday
    ['2026-03-08', false], // Sunday
    ['2026-03-09', true],
    ['2026-04-03', false], // Good Friday, Atw art. 3 lid 2
    ['2026-05-05', false],
  ])('isWorkingDay(%s) = %s on the statutory calendar', (d, expected) => {
    expect(isWorkingDay(d, cal)).toBe(expected);
  });

  it.each([
    ['2026-03-02', 1, '2026-03-03'], // Monday: the next day is the first
    ['2026-03-06', 3, '2026-03-11'], // Friday: Mon, Tue, Wed
    ['2026-03-07', 1, '2026-03-09'], // from a Saturday
    ['2026-03-02', 0, '2026-03-02'],
  ])('addWorkingDays(%s, %i) = %s: the day itself never counts', (d, n, expected) => {
    expect(addWorkingDays(d, n, cal)).toBe(expected);
  });
});

describe('statutoryTermEnd: counted from the day after the start event (Atw art. 1, 2, 4)', () => {
  const days = (count: number): TermLength => ({ count, unit: 'days' });
  const weeks = (count: number): TermLength => ({ count, unit: 'weeks' });
  const months = (count: number): TermLength => ({ count, unit: 'months' });

  it.each([
    ['1 day from Monday ends Tuesday: the start day does not count', '2026-03-02', days(1), '2026-03-03'],
    ['a plain weekday end stays', '2026-12-16', weeks(2), '2026-12-30'],
    // Friday 2 January 2026 is equated with a holiday by the decree in force (Atw art. 3 lid 3).
    ['crossing New Year onto Nieuwjaarsdag moves past the decreed Friday 2 January to Monday 5 January', '2025-12-18', weeks(2), '2026-01-05'],
    ['ending on Christmas Day moves past Boxing Day and the weekend', '2026-12-18', weeks(1), '2026-12-28'],
    ['ending on Easter Monday moves to Tuesday', '2026-03-09', weeks(4), '2026-04-07'],
    ['ending on Good Friday moves past Easter to Tuesday', '2026-03-20', weeks(2), '2026-04-07'],
    ["ending on King's Day 2026 (Monday 27 April) moves to Tuesday", '2026-04-13', weeks(2), '2026-04-28'],
    ["ending on King's Day 2025 (Saturday 26 April) moves to Monday", '2025-04-19', weeks(1), '2025-04-28'],
    ['ending on 5 May 2026 moves to 6 May', '2026-03-24', weeks(6), '2026-05-06'],
    // Friday 7 May 2027 is a decreed day (Atw art. 3 lid 3).
    ['ending on 5 May 2027 runs into Ascension Day and the decreed Friday 7 May, and ends Monday 10 May', '2027-04-21', weeks(2), '2027-05-10'],
    ['ending on a Saturday moves to Monday', '2026-03-07', weeks(1), '2026-03-16'],
    ['a 3-month term is still within the Atw (art. 4)', '2025-12-01', months(3), '2026-03-02'],
    ['a 12-week term is still within the Atw (art. 4)', '2025-12-07', weeks(12), '2026-03-02'],
    ['a 6-month term is outside the Atw (art. 4(1)(a)) and may end on a Sunday', '2025-09-01', months(6), '2026-03-01'],
    ['a 13-week term is outside the Atw (art. 4(1)(a))', '2025-11-30', weeks(13), '2026-03-01'],
  ])('%s', (_why, start, length, expected) => {
    expect(statutoryTermEnd(start, length, cal)).toBe(expected);
  });

  describe('Atw art. 2: a term of at least three days contains two free days', () => {
    it('3 days from Thursday 24 December 2026: Sunday -> Monday 28 (art. 1) -> Tuesday 29 (art. 2)', () => {
      const count = countStatutoryTerm('2026-12-24', days(3), cal);
      expect(count.nominalEnd).toBe('2026-12-27');
      expect(count.end).toBe('2026-12-29');
      expect(count.steps).toEqual([
        { article: 'atw-1', from: '2026-12-27', to: '2026-12-28', reason: 'een zondag' },
        { article: 'atw-2', from: '2026-12-28', to: '2026-12-29', freeDaysBefore: 1 },
      ]);
    });

    it('3 days from the Thursday before Easter 2026 end on Wednesday 8 April, not Tuesday 7', () => {
      expect(statutoryTermEnd('2026-04-02', days(3), cal)).toBe('2026-04-08');
    });

    it('does not extend when the term already has two free days', () => {
      expect(countStatutoryTerm('2026-03-04', days(3), cal)).toMatchObject({ end: '2026-03-09', steps: [{ article: 'atw-1' }] });
    });

    it('does not apply to a 2-day term (art. 1 only)', () => {
      expect(statutoryTermEnd('2026-12-24', days(2), cal)).toBe('2026-12-28');
    });
  });

  it('uses days equated by royal decree when the calendar has them', () => {
    const withDecree = statutoryCalendarWith([
      { date: '2026-01-02', source: 'test' },
      { date: '2027-05-07', source: 'test' },
    ]);
    expect(statutoryTermEnd('2025-12-18', weeks(2), withDecree)).toBe('2026-01-05');
    expect(statutoryTermEnd('2027-04-21', weeks(2), withDecree)).toBe('2027-05-10');
  });

  it('differs on an office calendar without Good Friday or 5 May', () => {
    const office = officeCalendar({ liberationDay: 'never' });
    expect(statutoryTermEnd('2026-03-20', weeks(2), office)).toBe('2026-04-03');
    expect(statutoryTermEnd('2026-03-24', weeks(6), office)).toBe('2026-05-05');
  });
});
