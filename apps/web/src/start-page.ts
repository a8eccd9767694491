import type { Role } from '@kern/access/contract';
import { paths } from './router';
import { isCaseworker } from './werkwijze';

/**
 * Where a person lands after login: the page of their own work. Caseworkers start at their
 * worklist; the others at the page their role exists for, never at a resident search they may not use.
 * With several roles the casework comes first, then the order below.
 */
const START_PAGES: readonly [Role, string][] = [
  // The contracting area opens at the product catalogue, with the contracts one link away (catalogue e2e).
  ['contract-manager', paths.catalogue],
  ['team-lead', paths.accessRequests],
  ['quality-analyst', paths.insight],
  ['auditor', paths.audit],
  ['functional-administrator', paths.werkwijzen],
];

export function startPage(roles: readonly string[]): string {
  if (isCaseworker(roles)) return paths.worklist;
  return START_PAGES.find(([role]) => roles.includes(role))?.[1] ?? paths.search;
}
