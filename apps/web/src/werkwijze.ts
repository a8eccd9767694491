/** Shared knowledge about werkwijzen and cases that several pages need. */
import type { DeadlineStatus, StepFieldSchema, WerkwijzeStatus } from './api';
import type { MessageKey } from './i18n';

/** The fixed core phases every werkwijze maps onto, in order. */
export const CORE_PHASES = ['melding', 'onderzoek', 'besluit', 'uitvoering', 'evaluatie', 'afsluiting'] as const;
export type CorePhase = (typeof CORE_PHASES)[number];

export function isCorePhase(value: string): value is CorePhase {
  return (CORE_PHASES as readonly string[]).includes(value);
}

export function phaseKey(phase: string): MessageKey | null {
  return isCorePhase(phase) ? `phase.${phase}` : null;
}

const DEADLINE_STATUSES: readonly DeadlineStatus[] = ['met', 'met-late', 'on-time', 'due-soon', 'overdue'];

export function deadlineKey(status: string | null | undefined): MessageKey {
  return status && (DEADLINE_STATUSES as readonly string[]).includes(status) ? `deadline.${status as DeadlineStatus}` : 'deadline.none';
}

const WERKWIJZE_STATUSES: readonly WerkwijzeStatus[] = ['available', 'active', 'retired'];

export function werkwijzeStatusKey(status: string): MessageKey | null {
  return (WERKWIJZE_STATUSES as readonly string[]).includes(status) ? `werkwijze.status.${status as WerkwijzeStatus}` : null;
}

/** Roles that work cases: they land on the worklist after login. */
export const CASEWORKER_ROLES = [
  'wijkteam-generalist',
  'wmo-consultant',
  'youth-consultant',
  'income-consultant',
  'debt-counsellor',
  'decision-maker',
] as const;

export function isCaseworker(roles: readonly string[]): boolean {
  return roles.some((role) => (CASEWORKER_ROLES as readonly string[]).includes(role));
}

export const FUNCTIONAL_ADMINISTRATOR = 'functional-administrator';

/**
 * A typed-in value as the server should receive it: true/false, a number, or the text itself.
 * Only plain numbers become numbers: "01" (a code) and "123456789012345678901" (too long to keep
 * exactly) stay text.
 */
export function parseFieldValue(raw: string): boolean | number | string {
  const text = raw.trim();
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n))) return n;
  }
  return raw;
}

/** How a step field is asked for in a form; null when the form cannot ask for it (nested objects). */
export type FieldControl = 'text' | 'textarea' | 'date' | 'number' | 'select' | 'boolean' | 'checkboxes' | 'list';

export function fieldControl(schema: StepFieldSchema): FieldControl | null {
  switch (schema.type) {
    case 'boolean':
      return 'boolean';
    case 'object':
      return null;
    case 'array': {
      const items = schema.items;
      if (items?.enum && items.enum.length > 0) return 'checkboxes';
      return !items || items.type === 'string' || items.type === 'number' || items.type === 'integer' ? 'list' : null;
    }
    case 'number':
    case 'integer':
      return schema.enum && schema.enum.length > 0 ? 'select' : 'number';
    case 'string':
      if (schema.enum && schema.enum.length > 0) return 'select';
      if (schema.format === 'date') return 'date';
      return (schema.minLength ?? 0) >= 10 ? 'textarea' : 'text';
  }
}

/** What a form holds for one field: text for one input, the chosen options for a checkbox group. */
export type FormValue = string | string[];

/** The form value for what the case recorded (types as recorded: "01" stays "01"). */
export function toFormValue(control: FieldControl, recorded: unknown): FormValue {
  if (control === 'checkboxes') return Array.isArray(recorded) ? recorded.map((v) => String(v)) : [];
  if (control === 'list') return Array.isArray(recorded) ? recorded.map((v) => String(v)).join(', ') : '';
  if (control === 'boolean') return recorded === true ? 'true' : recorded === false ? 'false' : '';
  if (typeof recorded === 'string') return recorded;
  return typeof recorded === 'number' || typeof recorded === 'boolean' ? String(recorded) : '';
}

/** Why a form value does not fit its schema; `n` is the limit named in the message. */
export interface FieldProblem {
  kind: 'required' | 'choose' | 'chooseOne' | 'minLength' | 'maxLength' | 'number' | 'integer' | 'minimum' | 'maximum' | 'date' | 'enum';
  n?: number;
}

export type ReadField = { ok: true; value: unknown } | { ok: false; problem: FieldProblem };

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function readNumber(schema: StepFieldSchema, text: string): ReadField {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return { ok: false, problem: { kind: 'number' } };
  if (schema.type === 'integer' && !Number.isInteger(n)) return { ok: false, problem: { kind: 'integer' } };
  if (schema.minimum !== undefined && n < schema.minimum) return { ok: false, problem: { kind: 'minimum', n: schema.minimum } };
  if (schema.maximum !== undefined && n > schema.maximum) return { ok: false, problem: { kind: 'maximum', n: schema.maximum } };
  return { ok: true, value: n };
}

/**
 * The typed value to send for a form value, checked the way the server checks it. An empty value
 * reads as `undefined` (nothing recorded), or as a problem when the field is required.
 */
export function readFormValue(schema: StepFieldSchema, control: FieldControl, value: FormValue, required: boolean): ReadField {
  if (Array.isArray(value)) {
    if (value.length === 0) return required ? { ok: false, problem: { kind: 'chooseOne' } } : { ok: true, value: undefined };
    // In the order of the options; a recorded value that is no option (any more) cannot be shown, so it goes.
    const options = schema.items?.enum ?? [];
    const chosen = options.filter((option) => value.includes(String(option)));
    if (chosen.length === 0) return required ? { ok: false, problem: { kind: 'chooseOne' } } : { ok: true, value: undefined };
    return { ok: true, value: chosen };
  }
  const text = value.trim();
  if (text === '') {
    if (!required) return { ok: true, value: undefined };
    return { ok: false, problem: { kind: control === 'select' || control === 'boolean' ? 'choose' : control === 'list' ? 'chooseOne' : 'required' } };
  }
  switch (control) {
    case 'boolean':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false, problem: { kind: 'choose' } };
    case 'select': {
      const option = (schema.enum ?? []).find((candidate) => String(candidate) === text);
      return option === undefined ? { ok: false, problem: { kind: 'enum' } } : { ok: true, value: option };
    }
    case 'number':
      return readNumber(schema, text);
    case 'list': {
      const parts = text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      const items = schema.items;
      if (items?.type !== 'number' && items?.type !== 'integer') return { ok: true, value: parts };
      const numbers: number[] = [];
      for (const part of parts) {
        const read = readNumber(items, part);
        if (!read.ok) return read;
        numbers.push(read.value as number);
      }
      return { ok: true, value: numbers };
    }
    case 'date':
      return ISO_DATE.test(text) ? { ok: true, value: text } : { ok: false, problem: { kind: 'date' } };
    case 'checkboxes':
      return { ok: false, problem: { kind: 'enum' } };
    case 'text':
    case 'textarea':
      if (schema.minLength !== undefined && text.length < schema.minLength) return { ok: false, problem: { kind: 'minLength', n: schema.minLength } };
      if (schema.maxLength !== undefined && text.length > schema.maxLength) return { ok: false, problem: { kind: 'maxLength', n: schema.maxLength } };
      return { ok: true, value: text };
  }
}

/** "01, 4 ,12" -> ['01', '12'] plus whether everything was a two-digit code. */
export function parseCategories(raw: string): { codes: string[]; valid: boolean } {
  const parts = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return { codes: parts, valid: parts.every((part) => /^\d{2}$/.test(part)) };
}

/** "steps[2].roles[0] (regel 14)" -> path and line (the server names the line in Dutch or English). */
export function splitParamName(name: string): { path: string; line: number | null } {
  const match = /^(.*?)\s*\((?:regel|line)\s+(\d+)\)\s*$/.exec(name);
  if (!match || match[2] === undefined) return { path: name, line: null };
  return { path: match[1] ?? name, line: Number(match[2]) };
}

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
