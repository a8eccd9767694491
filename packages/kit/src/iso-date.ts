import { z } from 'zod';

/** A calendar day as the law counts days: YYYY-MM-DD that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** For HTTP input: a malformed or impossible date is a 400 that names the field, never a database error. */
export const calendarDateSchema = z.string().refine(isCalendarDate, 'a calendar date YYYY-MM-DD');
