import { fromParts, invalidInput, isIsoDate, shiftDays, weekday, yearOf, type IsoDate } from '@kern/kit';
import { builtInDecrees, checkDecree, decreeCitation, lastCoveredDay, type EquatingDecree } from './decrees';

/**
 * Which days are not working days besides Saturday and Sunday.
 *
 * Statutory terms use the calendar of the Algemene termijnenwet (Atw, BWBR0002448) art. 3:
 *  - lid 1: Nieuwjaarsdag, tweede paasdag, Hemelvaartsdag, tweede pinksterdag, both Christmas days,
 *    the day the King's birthday is celebrated, and 5 May (every year: the Atw has no lustrum rule);
 *  - lid 2: Goede Vrijdag is equated with those days "voor de toepassing van deze wet". DOMAIN.md
 *    said otherwise; the statute text is what counts, so Good Friday is in the statutory calendar;
 *  - lid 3: the Crown may equate further days (bridge days such as the Friday after Ascension),
 *    published in the Staatscourant for a few years at a time. Those are not predictable, so they
 *    are data (decrees.ts): the decree in force and its predecessor are built in, and an operator
 *    adds the next one (`installDecrees`). Past the last known decree a deadline can only come out
 *    earlier than the law allows, never later; the explanation then says so.
 *
 * A municipality's own service levels may use an office calendar instead (DOMAIN.md), where
 * Liberation Day and Good Friday are its own choice.
 */
export interface Calendar {
  /** Named in explanations so a reader knows which calendar a date came from. */
  readonly label: string;
  isHoliday(d: IsoDate): boolean;
  /** The holiday's Dutch name (several joined with " en " when they coincide), or undefined. */
  name(d: IsoDate): string | undefined;
  /** For the statutory calendar: the last day the known decrees (art. 3 lid 3) cover. */
  equatedDaysKnownUntil?(): IsoDate | undefined;
}

export const FIRST_SUPPORTED_YEAR = 1900;
export const LAST_SUPPORTED_YEAR = 2200;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromParts(year, month, day);
}

/**
 * The day the monarch's birthday was celebrated. The Atw only refers to "de dag waarop de
 * verjaardag van de Koning wordt gevierd"; the date itself is set by royal decree and changed with
 * each monarch and with the Sunday rule:
 *  - from 2014, Koningsdag 27 April (Willem-Alexander), on Saturday 26 April when the 27th is a Sunday;
 *  - 1980-2013, Koninginnedag 30 April (kept by Beatrix), on Saturday 29 April when the 30th is a Sunday;
 *  - 1949-1979, Koninginnedag 30 April (Juliana), on Monday 1 May when the 30th is a Sunday;
 *  - up to 1948, Koninginnedag 31 August (Wilhelmina), on Monday 1 September when the 31st is a Sunday.
 * (The Atw itself dates from 1965; earlier years apply today's rules to the historical dates.)
 */
export function monarchsDay(year: number): { date: IsoDate; name: string } {
  checkYear(year);
  const sundayMoves = (date: IsoDate, by: number): IsoDate => (weekday(date) === 0 ? shiftDays(date, by) : date);
  if (year >= 2014) return { date: sundayMoves(fromParts(year, 4, 27), -1), name: 'Koningsdag' };
  if (year >= 1980) return { date: sundayMoves(fromParts(year, 4, 30), -1), name: 'Koninginnedag' };
  if (year >= 1949) return { date: sundayMoves(fromParts(year, 4, 30), +1), name: 'Koninginnedag' };
  return { date: sundayMoves(fromParts(year, 8, 31), +1), name: 'Koninginnedag' };
}

/** Liberation Day as a day off: every year, only in lustrum years (2025, 2030, ...), or never. */
export type LiberationDayRule = 'always' | 'lustrum' | 'never';

interface HolidayRules {
  goodFriday: boolean;
  liberationDay: LiberationDayRule;
  extraDays: ReadonlyMap<IsoDate, string>;
}

function holidaysOf(year: number, rules: HolidayRules): Map<IsoDate, string[]> {
  const easter = easterSunday(year);
  const days: [IsoDate, string][] = [
    [fromParts(year, 1, 1), 'Nieuwjaarsdag'],
    [shiftDays(easter, 1), 'Tweede paasdag'],
    [shiftDays(easter, 39), 'Hemelvaartsdag'],
    [shiftDays(easter, 50), 'Tweede pinksterdag'],
    [fromParts(year, 12, 25), 'Eerste kerstdag'],
    [fromParts(year, 12, 26), 'Tweede kerstdag'],
  ];
  const monarch = monarchsDay(year);
  days.push([monarch.date, monarch.name]);
  if (rules.goodFriday) days.push([shiftDays(easter, -2), 'Goede Vrijdag']);
  if (rules.liberationDay === 'always' || (rules.liberationDay === 'lustrum' && year % 5 === 0)) {
    days.push([fromParts(year, 5, 5), 'Bevrijdingsdag']);
  }
  for (const [date, name] of rules.extraDays) if (yearOf(date) === year) days.push([date, name]);

  const byDate = new Map<IsoDate, string[]>();
  // Ascension Day can fall on 5 May (2005, 2016) and Easter Monday on King's Day: keep both names.
  for (const [date, name] of days) byDate.set(date, [...(byDate.get(date) ?? []), name]);
  return byDate;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw invalidInput(
      { nl: `Feestdagen zijn bekend voor ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}, niet voor ${year}.`, en: `Holidays are known for ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}, not for ${year}.` },
      [{ name: 'year', reason: `outside ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}` }],
    );
  }
}

function calendarFrom(label: string, rules: HolidayRules): Calendar {
  // A year's holidays are computed once per calendar; a worklist asks the same years many times.
  const years = new Map<number, Map<IsoDate, string[]>>();
  const namesOn = (d: IsoDate): string[] | undefined => {
    const year = yearOf(d);
    let holidays = years.get(year);
    if (!holidays) {
      holidays = holidaysOf(year, rules);
      years.set(year, holidays);
    }
    return holidays.get(d);
  };
  return {
    label,
    isHoliday: (d) => namesOn(d) !== undefined,
    name: (d) => namesOn(d)?.join(' en '),
  };
}

const STATUTORY_LABEL = 'Algemene termijnenwet art. 3';

function equatedDaysOf(decrees: readonly EquatingDecree[]): Map<IsoDate, string> {
  const days = new Map<IsoDate, string>();
  for (const decree of decrees) for (const day of decree.days) days.set(day, `met feestdag gelijkgestelde dag (Atw art. 3 lid 3, ${decreeCitation(decree)})`);
  return days;
}

let installedDecrees: readonly EquatingDecree[] = builtInDecrees;
let installedCalendar: Calendar = calendarFrom(STATUTORY_LABEL, { goodFriday: true, liberationDay: 'always', extraDays: equatedDaysOf(builtInDecrees) });

/**
 * Atw art. 3 lid 1, 2 and 3: the calendar every statutory term is counted with, including the days
 * equated by the known decrees. It is one object for the whole process; `installDecrees` changes
 * which decrees it knows (the server and the CLI install the decrees stored for the installation).
 */
export const statutoryCalendar: Calendar = {
  label: STATUTORY_LABEL,
  isHoliday: (d) => installedCalendar.isHoliday(d),
  name: (d) => installedCalendar.name(d),
  equatedDaysKnownUntil: () => lastCoveredDay(installedDecrees),
};

/** The decrees the statutory calendar knows: the built-in ones, then those the operator added. */
export function knownDecrees(): readonly EquatingDecree[] {
  return installedDecrees;
}

/**
 * Makes the statutory calendar know the built-in decrees plus `added` (the operator's, as stored).
 * Each is checked as when it was added; an invalid set changes nothing and throws.
 */
export function installDecrees(added: readonly EquatingDecree[]): void {
  const all: EquatingDecree[] = [...builtInDecrees];
  for (const d of [...added].sort((a, b) => (a.coversFrom < b.coversFrom ? -1 : 1))) all.push(checkDecree(d, all));
  installedDecrees = all;
  installedCalendar = calendarFrom(STATUTORY_LABEL, { goodFriday: true, liberationDay: 'always', extraDays: equatedDaysOf(all) });
}

/** A day the Crown equated with a holiday (Atw art. 3 lid 3), with the decree that did so. */
export interface EquatedDay {
  date: IsoDate;
  /** e.g. "KB van 31 oktober 2016, Stcrt. 2016, 58653". */
  source: string;
}

/**
 * Atw art. 3 lid 1 and 2 plus exactly the equated days given (none of the built-in decrees): for
 * tests and for reasoning about one decree at a time.
 */
export function statutoryCalendarWith(equatedDays: readonly EquatedDay[]): Calendar {
  const extraDays = new Map<IsoDate, string>();
  for (const { date, source } of equatedDays) {
    if (!isIsoDate(date)) {
      throw invalidInput({ nl: `Ongeldige gelijkgestelde dag "${date}".`, en: `Invalid equated day "${date}".` }, [{ name: 'equatedDays', reason: 'not a calendar date YYYY-MM-DD' }]);
    }
    extraDays.set(date, `met feestdag gelijkgestelde dag (Atw art. 3 lid 3, ${source})`);
  }
  return calendarFrom('Algemene termijnenwet art. 3, met gelijkgestelde dagen', { goodFriday: true, liberationDay: 'always', extraDays });
}

export interface OfficeCalendarOptions {
  liberationDay: LiberationDayRule;
  /** Whether the office closes on Good Friday; default false. */
  goodFriday?: boolean;
}

/**
 * A municipality's own office calendar, for its non-statutory service levels only. Many collective
 * agreements give 5 May off only in lustrum years (2025, 2030, ...), hence the rule is a choice.
 */
export function officeCalendar(options: OfficeCalendarOptions): Calendar {
  const goodFriday = options.goodFriday ?? false;
  return calendarFrom(`kantoorkalender (5 mei: ${options.liberationDay}, Goede Vrijdag: ${goodFriday ? 'vrij' : 'werkdag'})`, {
    goodFriday,
    liberationDay: options.liberationDay,
    extraDays: new Map(),
  });
}
