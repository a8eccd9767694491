import { problemMessage, type Problem } from '../api';
import type { Lang } from '../i18n';
import { reasonMessage, reasonText } from '../server-reasons';

/**
 * Puts a server refusal (problem+json) next to the fields it names: `fields` maps the server's
 * parameter names (invalidParams[].name, e.g. "until" or "housing.ceilingCents") to input ids.
 * A field named alone gets the server's message in the reader's language. When the problem names
 * several fields, each gets its own reason, said in the reader's language (server-reasons.ts);
 * a reason we cannot say is never shown raw to a Dutch reader. A problem that names no known
 * field returns {} and belongs in an alert above the form.
 */
export function problemFieldErrors(problem: Problem, lang: Lang, fields: Record<string, string>): Record<string, string> {
  const params = (problem.invalidParams ?? []).map((p) => ({ ...p, name: p.name.replace(/^body\./, '') }));
  const matched = params
    .map((p) => ({ p, id: fields[p.name] ?? fields[p.name.split('.').slice(0, -1).join('.')] ?? fields[p.name.split('.')[0] ?? ''] }))
    .filter((m): m is { p: (typeof params)[number]; id: string } => Boolean(m.id));
  const message = problemMessage(problem, lang);
  const out: Record<string, string> = {};
  for (const { p, id } of matched) {
    if (out[id]) continue;
    if (matched.length === 1) out[id] = message;
    else out[id] = reasonMessage(p.reason, lang) ?? `${message} (${reasonText(p.reason, lang)})`;
  }
  return out;
}

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
export function focusFirst(errors: Record<string, string>): void {
  const first = Object.keys(errors)[0];
  if (first) document.getElementById(first)?.focus();
}
