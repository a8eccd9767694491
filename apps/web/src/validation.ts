/**
 * Client-side checks, so people get an answer before a round trip. The rules come from the
 * modules' contracts (`@kern/<module>/contract`, `@kern/kit/contract`): the form validates with the
 * schema the server validates with, and each zod issue becomes a sentence a person can act on, in
 * the reader's language (issueMessage), on the field it is about.
 */
import { BSN_CHECK_MESSAGE, BSN_DIGITS_MESSAGE, isCalendarDate, issueMessage, isValidBsn } from '@kern/kit/contract';
import { z } from 'zod';
import type { Lang } from './i18n';

export { isValidBsn };
/** A calendar day YYYY-MM-DD that exists (no 30 February), as the server's calendarDateSchema checks it. */
export const isIsoDate = isCalendarDate;

/** A BSN a person types: nine digits that pass the elfproef, each failure with its own message. */
export const citizenBsnSchema = z.string().trim().regex(/^\d{9}$/, BSN_DIGITS_MESSAGE).refine(isValidBsn, BSN_CHECK_MESSAGE);

/** Normalises "1234 ab" to "1234AB"; returns null when it is not a Dutch postcode. */
export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return /^[1-9]\d{3}[A-Z]{2}$/.test(compact) ? compact : null;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MIN_BREAK_GLASS_REASON = 20;
/** The server asks for a note of at least this many characters with every suspension of a term. */
export const MIN_SUSPENSION_NOTE = 5;

export interface FieldIssue {
  /** The id of the input the message belongs to. */
  id: string;
  message: string;
}

/**
 * Validates form input with a contract schema. `fields` maps a schema path ("sessionOn",
 * "attendance.0.subjectBsn") to the id of its input; a path not in the map falls back to its
 * first part. One message per input, the first issue zod reports for it, in the order of `fields`.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  lang: Lang,
  fields: Record<string, string>,
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldIssue[] } {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const byId = new Map<string, string>();
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const id = fields[path.join('.')] ?? fields[path[0] ?? ''];
    if (!id || byId.has(id)) continue;
    byId.set(id, issueMessage(issue)[lang]);
  }
  const order = Object.values(fields);
  const errors = [...byId].map(([id, message]) => ({ id, message })).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { ok: false, errors };
}
