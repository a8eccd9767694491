import { isDomainError, shiftDays } from '@kern/kit';
import { describe, expect, it } from 'vitest';
import { easterSunday, monarchsDay, officeCalendar, statutoryCalendar, statutoryCalendarWith } from './holidays';

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  // Cross-checked against python-dateutil's independent implementation.
  it.each([
    [1900, '1900-04-15'],
    [1943, '1943-04-25'],
    [1954, '1954-04-18'],
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
    [2200, '2200-04-06'],
  ])('Easter %i falls on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('refuses years outside 1900-2200 instead of guessing', () => {
    expect(() => easterSunday(1899)).toThrow();
    expect(() => statutoryCalendar.isHoliday('2201-01-01')).toThrow();
    let code: string | undefined;
    try {
      easterSunday(2201);
    } catch (e) {
      code = isDomainError(e) ? e.code : 'not a DomainError';
    }
    expect(code).toBe('invalid-input');
  });
});

describe("monarchsDay: the day the monarch's birthday is celebrated", () => {
  it.each([
    [2014, '2014-04-26', 'Koningsdag'], // first King's Day: 27 April 2014 was a Sunday
    [2025, '2025-04-26', 'Koningsdag'], // 27 April 2025 is a Sunday
    [2026, '2026-04-27', 'Koningsdag'],
    [2031, '2031-04-26', 'Koningsdag'],
    [2013, '2013-04-30', 'Koninginnedag'],
    [2006, '2006-04-29', 'Koninginnedag'], // Beatrix: Sunday 30 April -> Saturday 29 April
    [1989, '1989-04-29', 'Koninginnedag'],
    [1975, '1975-04-30', 'Koninginnedag'],
    [1967, '1967-05-01', 'Koninginnedag'], // Juliana: Sunday 30 April -> Monday 1 May
    [1935, '1935-08-31', 'Koninginnedag'], // Wilhelmina
  ])('%i: %s (%s)', (year, date, name) => {
    expect(monarchsDay(year)).toEqual({ date, name });
    expect(statutoryCalendar.name(date)).toBe(name);
  });

  it('King\'s Day 2025 is on Saturday 26 April, and Sunday 27 April is not a holiday', () => {
    expect(statutoryCalendar.isHoliday('2025-04-26')).toBe(true);
    expect(statutoryCalendar.isHoliday('2025-04-27')).toBe(false);
  });
});

describe('statutoryCalendar (Atw art. 3 lid 1 and 2)', () => {
  it('has exactly these nine days in 2026, Good Friday and 5 May included', () => {
    const lid12 = statutoryCalendarWith([]);
    const found: [string, string | undefined][] = [];
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = shiftDays(d, 1)) if (lid12.isHoliday(d)) found.push([d, lid12.name(d)]);
    expect(found).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag'],
      ['2026-04-03', 'Goede Vrijdag'],
      ['2026-04-06', 'Tweede paasdag'],
      ['2026-04-27', 'Koningsdag'],
      ['2026-05-05', 'Bevrijdingsdag'],
      ['2026-05-14', 'Hemelvaartsdag'],
      ['2026-05-25', 'Tweede pinksterdag'],
      ['2026-12-25', 'Eerste kerstdag'],
      ['2026-12-26', 'Tweede kerstdag'],
    ]);
  });

  it.each(['2025-05-05', '2026-05-05', '2027-05-05', '2029-05-05'])('5 May is a holiday every year for statutory terms (%s)', (d) => {
    expect(statutoryCalendar.isHoliday(d)).toBe(true);
  });

  it('names both holidays when Ascension Day falls on 5 May (2016)', () => {
    expect(statutoryCalendar.name('2016-05-05')).toBe('Hemelvaartsdag en Bevrijdingsdag');
  });

  it('leaves ordinary days alone', () => {
    expect(statutoryCalendar.isHoliday('2026-03-24')).toBe(false);
    expect(statutoryCalendar.name('2026-03-24')).toBeUndefined();
  });
});

describe('statutoryCalendarWith (Atw art. 3 lid 3, days equated by royal decree)', () => {
  it('adds the equated days as data, leaving the art. 3 lid 1-2 calendar unchanged', () => {
    const cal = statutoryCalendarWith([{ date: '2026-05-15', source: 'test decree' }]);
    expect(cal.isHoliday('2026-05-15')).toBe(true);
    expect(cal.name('2026-05-15')).toContain('Atw art. 3 lid 3');
    expect(cal.isHoliday('2026-05-14')).toBe(true);
    expect(statutoryCalendarWith([]).isHoliday('2026-05-15')).toBe(false);
  });

  it('rejects an equated day that is not a date', () => {
    expect(() => statutoryCalendarWith([{ date: '2026-02-30', source: 'x' }])).toThrow();
  });
});

describe('officeCalendar (a municipality\'s own service levels)', () => {
  it.each([
    ['lustrum', '2025-05-05', true],
    ['lustrum', '2026-05-05', false],
    ['lustrum', '2030-05-05', true],
    ['always', '2026-05-05', true],
    ['never', '2025-05-05', false],
  ] as const)('Liberation Day rule %s: %s is a holiday = %s', (rule, date, expected) => {
    expect(officeCalendar({ liberationDay: rule }).isHoliday(date)).toBe(expected);
  });

  it('treats Good Friday as a working day unless the municipality closes', () => {
    expect(officeCalendar({ liberationDay: 'lustrum' }).isHoliday('2026-04-03')).toBe(false);
    expect(officeCalendar({ liberationDay: 'lustrum', goodFriday: true }).name('2026-04-03')).toBe('Goede Vrijdag');
  });

  it('keeps the holidays every calendar shares', () => {
    const cal = officeCalendar({ liberationDay: 'never' });
    expect(['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26'].every((d) => cal.isHoliday(d))).toBe(true);
  });
});
