import type { z } from 'zod';
import { validateWith } from '../validation';

/**
 * Checks a portal form with the route's own body schema (from @kern/portal/contract) before the
 * round trip. `fields` maps a schema path to its input's id and label; the answer is the first
 * problem as one sentence that names the field ("Wat gaat u doen?: Vul dit veld in."), and the
 * input it is about, so the page can show it and move focus there.
 */
export function checkForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  lang: 'nl' | 'en',
  fields: Record<string, { id: string; label: string }>,
): { ok: true; value: z.output<S> } | { ok: false; message: string; id: string } {
  const ids = Object.fromEntries(Object.entries(fields).map(([path, f]) => [path, f.id]));
  const checked = validateWith(schema, input, lang, ids);
  if (checked.ok) return checked;
  const first = checked.errors[0];
  const label = Object.values(fields).find((f) => f.id === first?.id)?.label;
  return { ok: false, message: label ? `${label}: ${first?.message ?? ''}` : (first?.message ?? ''), id: first?.id ?? '' };
}
