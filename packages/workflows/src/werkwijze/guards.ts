import type { Guard } from './werkwijze.schema';

/** The outcome of a guard: when it fails, `reason` says which condition did not hold. */
export type GuardResult = { ok: true } | { ok: false; reason: { nl: string; en: string } };

const show = (v: unknown): string => (v === undefined ? 'empty' : JSON.stringify(v));
const showNl = (v: unknown): string => (v === undefined ? 'leeg' : JSON.stringify(v));

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Evaluates a guard over the case's recorded fields. */
export function evaluateGuard(guard: Guard, fields: Record<string, unknown>): GuardResult {
  if ('all' in guard) {
    for (const g of guard.all) {
      const r = evaluateGuard(g, fields);
      if (!r.ok) return r;
    }
    return { ok: true };
  }
  if ('any' in guard) {
    const failures = guard.any.map((g) => evaluateGuard(g, fields));
    if (failures.some((r) => r.ok)) return { ok: true };
    const reasons = failures.flatMap((r) => (r.ok ? [] : [r.reason]));
    return { ok: false, reason: { nl: `geen van deze geldt: ${reasons.map((r) => r.nl).join('; ')}`, en: `none of these holds: ${reasons.map((r) => r.en).join('; ')}` } };
  }
  if ('not' in guard) {
    return evaluateGuard(guard.not, fields).ok
      ? { ok: false, reason: { nl: `het volgende mag niet gelden: ${describeGuard(guard.not, 'nl')}`, en: `this must not hold: ${describeGuard(guard.not, 'en')}` } }
      : { ok: true };
  }
  const value = fields[guard.field];
  if ('equals' in guard) {
    return value === guard.equals
      ? { ok: true }
      : { ok: false, reason: { nl: `veld ${guard.field} is ${showNl(value)}, moet ${JSON.stringify(guard.equals)} zijn`, en: `field ${guard.field} is ${show(value)}, must be ${JSON.stringify(guard.equals)}` } };
  }
  if ('in' in guard) {
    // An array field (e.g. several provision categories) passes when every element is in the list.
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    const ok = values.length > 0 && values.every((v) => guard.in.some((allowed) => allowed === v));
    const list = guard.in.map((v) => JSON.stringify(v)).join(', ');
    return ok
      ? { ok: true }
      : { ok: false, reason: { nl: `veld ${guard.field} is ${showNl(value)}, moet een van ${list} zijn`, en: `field ${guard.field} is ${show(value)}, must be one of ${list}` } };
  }
  const isPresent = present(value);
  return isPresent === guard.present
    ? { ok: true }
    : guard.present
      ? { ok: false, reason: { nl: `veld ${guard.field} moet ingevuld zijn`, en: `field ${guard.field} must be filled in` } }
      : { ok: false, reason: { nl: `veld ${guard.field} moet leeg zijn`, en: `field ${guard.field} must be empty` } };
}

/** Every field a guard reads: what the validator checks some step records. */
export function guardFields(guard: Guard): string[] {
  if ('all' in guard) return guard.all.flatMap(guardFields);
  if ('any' in guard) return guard.any.flatMap(guardFields);
  if ('not' in guard) return guardFields(guard.not);
  return [guard.field];
}

/** A readable rendering, for transition labels in the viewer and for diffs. */
export function describeGuard(guard: Guard, lang: 'nl' | 'en' = 'en'): string {
  const and = lang === 'nl' ? ' en ' : ' and ';
  const or = lang === 'nl' ? ' of ' : ' or ';
  if ('all' in guard) return `(${guard.all.map((g) => describeGuard(g, lang)).join(and)})`;
  if ('any' in guard) return `(${guard.any.map((g) => describeGuard(g, lang)).join(or)})`;
  if ('not' in guard) return `${lang === 'nl' ? 'niet' : 'not'} ${describeGuard(guard.not, lang)}`;
  if ('equals' in guard) return `${guard.field} = ${JSON.stringify(guard.equals)}`;
  if ('in' in guard) return `${guard.field} ${lang === 'nl' ? 'in' : 'in'} [${guard.in.map((v) => JSON.stringify(v)).join(', ')}]`;
  return guard.present ? `${guard.field} ${lang === 'nl' ? 'ingevuld' : 'present'}` : `${guard.field} ${lang === 'nl' ? 'leeg' : 'empty'}`;
}
