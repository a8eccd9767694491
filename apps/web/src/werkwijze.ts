/** Shared knowledge about werkwijzen and cases that several pages need. */
import type { DeadlineStatus, WerkwijzeStatus } from './api';
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

/** A typed-in value as the server should receive it: true/false, a number, or the text itself. */
export function parseFieldValue(raw: string): boolean | number | string {
  const text = raw.trim();
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return raw;
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
