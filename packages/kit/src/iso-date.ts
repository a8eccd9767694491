import { z } from 'zod';
import { invalidInput } from './errors';

/**
 * The one ISO-date module: calendar dates as `YYYY-MM-DD` strings, as the law counts days (the
 * deadline engine, HTTP input, letters). A statutory term is about days, not instants: working with
 * day numbers (days since 1970-01-01, counted in UTC) keeps daylight-saving changes and the
 * server's time zone out of every sum. Browser-safe (zod and the error values only).
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(d: string): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(d);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** A calendar day as the law counts days: YYYY-MM-DD that exists (no 30 February). */
export function isIsoDate(d: string): boolean {
  return parts(d) !== undefined;
}

/** The name the HTTP input checks have always used for {@link isIsoDate}. */
export const isCalendarDate = isIsoDate;

/**
 * For HTTP input: a malformed or impossible date (2026-02-30, which a bare regex lets through) is a
 * 400 that names the field, never a database error.
 */
// Marked pure so a bundle that only needs the date functions (the web app) leaves zod out.
export const calendarDateSchema = /* @__PURE__ */ z.string().refine(isIsoDate, 'a calendar date YYYY-MM-DD');
export const isoDateSchema = calendarDateSchema;

function checked(d: IsoDate): { year: number; month: number; day: number } {
  const p = parts(d);
  if (!p) {
    throw invalidInput({ nl: `Ongeldige datum "${d}"; gebruik JJJJ-MM-DD.`, en: `Invalid date "${d}"; use YYYY-MM-DD.` }, [
      { name: 'date', reason: 'not a calendar date YYYY-MM-DD' },
    ]);
  }
  return p;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC so no local offset can shift it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(d: IsoDate): number {
  return checked(d).year;
}

export function toDayNumber(d: IsoDate): number {
  const { year, month, day } = checked(d);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function splitIsoDate(d: IsoDate): { year: number; month: number; day: number } {
  return checked(d);
}

/** 0 = Sunday ... 6 = Saturday, as `Date#getUTCDay`. */
export function weekday(d: IsoDate): number {
  // Day 0 (1970-01-01) was a Thursday.
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

const WEEKDAYS_NL = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "dinsdag 5 mei 2026": how a case page and a letter write a date. */
export function formatDutchDate(d: IsoDate): string {
  const { year, month, day } = checked(d);
  return `${WEEKDAYS_NL[weekday(d)] ?? ''} ${day} ${MONTHS_NL[month - 1] ?? ''} ${year}`;
}

/** `d` moved by `n` calendar days (negative: back). */
export function shiftDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}
