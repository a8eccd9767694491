import { daysBetween, daysInMonth, fromParts, invalidInput, shiftDays, splitIsoDate, weekday, type IsoDate } from '@kern/kit';
import type { Calendar } from './holidays';

/**
 * Counting statutory terms.
 *
 * A term runs from the day *after* the event that starts it: the day of the melding, aanvraag or
 * signal itself does not count (as Awb 6:8 says for objection terms and Wgs art. 4(2) says with
 * "binnen drie werkdagen"). So N days after Tuesday ends N days later, 6 weeks after a Tuesday
 * ends on a Tuesday, one month after 24 March ends on 24 April.
 */

/** How long a term is, in the unit the law uses. */
export interface TermLength {
  count: number;
  unit: 'days' | 'weeks' | 'months' | 'working-days';
}

function wholeNumber(n: number, name: string): void {
  if (!Number.isInteger(n)) {
    throw invalidInput({ nl: `${name} moet een geheel getal zijn.`, en: `${name} must be a whole number.` }, [{ name, reason: 'not an integer' }]);
  }
}

export function addDays(d: IsoDate, n: number): IsoDate {
  wholeNumber(n, 'days');
  return shiftDays(d, n);
}

export function addWeeks(d: IsoDate, n: number): IsoDate {
  wholeNumber(n, 'weeks');
  return shiftDays(d, 7 * n);
}

/** Same day of the month `n` months on; clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  wholeNumber(n, 'months');
  const { year, month, day } = splitIsoDate(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Not a Saturday, not a Sunday and not a holiday of `cal`. */
export function isWorkingDay(d: IsoDate, cal: Calendar): boolean {
  const wd = weekday(d);
  return wd !== 0 && wd !== 6 && !cal.isHoliday(d);
}

/**
 * The `n`th working day after `d` (Wgs art. 4(2), "binnen drie werkdagen"): `d` itself never counts,
 * even when it is a working day, so a signal on Friday with n = 3 ends on Wednesday.
 */
export function addWorkingDays(d: IsoDate, n: number, cal: Calendar): IsoDate {
  wholeNumber(n, 'workingDays');
  if (n < 0) throw invalidInput({ nl: 'Aantal werkdagen mag niet negatief zijn.', en: 'Working days must not be negative.' }, [{ name: 'workingDays', reason: 'negative' }]);
  let day = d;
  for (let left = n; left > 0; ) {
    day = shiftDays(day, 1);
    if (isWorkingDay(day, cal)) left -= 1;
  }
  return day;
}

/** The plain end of a term: `start` plus the length, no Atw adjustment yet. */
export function nominalTermEnd(start: IsoDate, length: TermLength, cal: Calendar): IsoDate {
  switch (length.unit) {
    case 'days':
      return addDays(start, length.count);
    case 'weeks':
      return addWeeks(start, length.count);
    case 'months':
      return addMonths(start, length.count);
    case 'working-days':
      return addWorkingDays(start, length.count, cal);
  }
}

/**
 * Atw art. 4(1)(a): the Atw does not apply to terms in hours, of more than 90 days, more than
 * 12 weeks or more than three months, or in years. (Art. 4(1)(b)-(c), publication of rules and
 * deprivation of liberty, never concern the terms here.)
 */
export function atwApplies(length: TermLength): boolean {
  switch (length.unit) {
    case 'days':
      return length.count <= 90;
    case 'weeks':
      return length.count <= 12;
    case 'months':
      return length.count <= 3;
    case 'working-days':
      return true;
  }
}

/** One Atw adjustment, kept so the case page can say why the date moved. */
export type AtwStep =
  | { article: 'atw-1'; from: IsoDate; to: IsoDate; reason: string }
  | { article: 'atw-2'; from: IsoDate; to: IsoDate; freeDaysBefore: number };

/**
 * Atw art. 1 and 2 applied to a term running from the day after `start` up to and including `end`.
 * Art. 1 first (an end on a Saturday, Sunday or holiday moves to the next day that is none), then
 * art. 2 (a term of at least three days must contain two such free days, so it is extended to
 * the second one). The order does not change the date; it makes the explanation read naturally.
 */
export function applyAtw(start: IsoDate, end: IsoDate, cal: Calendar): { end: IsoDate; steps: AtwStep[] } {
  const steps: AtwStep[] = [];
  let current = end;

  if (!isWorkingDay(current, cal)) {
    const from = current;
    while (!isWorkingDay(current, cal)) current = shiftDays(current, 1);
    steps.push({ article: 'atw-1', from, to: current, reason: reasonNotWorking(from, cal) });
  }

  if (daysBetween(start, end) >= 3) {
    let free = 0;
    for (let day = shiftDays(start, 1); day <= current; day = shiftDays(day, 1)) if (isWorkingDay(day, cal)) free += 1;
    if (free < 2) {
      const from = current;
      const freeDaysBefore = free;
      while (free < 2) {
        current = shiftDays(current, 1);
        if (isWorkingDay(current, cal)) free += 1;
      }
      steps.push({ article: 'atw-2', from, to: current, freeDaysBefore });
    }
  }
  return { end: current, steps };
}

function reasonNotWorking(d: IsoDate, cal: Calendar): string {
  const holiday = cal.name(d);
  const wd = weekday(d);
  const dayName = wd === 6 ? 'een zaterdag' : wd === 0 ? 'een zondag' : undefined;
  if (holiday && dayName) return `${dayName} en ${holiday}`;
  return holiday ?? dayName ?? 'geen werkdag';
}

/** A counted term: its plain end, the end after the Atw, and each adjustment made. */
export interface TermCount {
  start: IsoDate;
  nominalEnd: IsoDate;
  end: IsoDate;
  atwApplied: boolean;
  steps: AtwStep[];
}

export function countStatutoryTerm(start: IsoDate, length: TermLength, cal: Calendar): TermCount {
  const nominalEnd = nominalTermEnd(start, length, cal);
  if (!atwApplies(length)) return { start, nominalEnd, end: nominalEnd, atwApplied: false, steps: [] };
  const { end, steps } = applyAtw(start, nominalEnd, cal);
  return { start, nominalEnd, end, atwApplied: true, steps };
}

/**
 * The last day of a statutory term that starts with an event on `start` (Atw art. 1, 2 and 4).
 * ISO strings compare as dates, so callers may use `<` and `>` on the result.
 */
export function statutoryTermEnd(start: IsoDate, length: TermLength, cal: Calendar): IsoDate {
  return countStatutoryTerm(start, length, cal).end;
}
