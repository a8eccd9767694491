import type { Tx } from '@kern/db';

/**
 * Names of staff accounts and teams by id, for the lists that show who did what (the audit log,
 * break-the-glass grants, relations and requests, policy proposals). Staff accounts and teams are
 * identity's tables, and identity builds on access, so access cannot ask identity itself: the
 * server passes identity's `staffNames` in at start-up (AccessServices.staffNames).
 */
export type StaffNamesLookup = (
  tx: Tx,
  ids: { staff?: readonly (string | null | undefined)[]; teams?: readonly (string | null | undefined)[] },
) => Promise<{ staff: Map<string, string>; teams: Map<string, string> }>;

const none = { staff: new Map<string, string>(), teams: new Map<string, string>() };

/** The names asked for; none at all when no directory was passed in (lists then show ids only). */
export async function lookUpNames(
  lookup: StaffNamesLookup | undefined,
  tx: Tx,
  ids: { staff?: readonly (string | null | undefined)[]; teams?: readonly (string | null | undefined)[] },
): Promise<{ staff: Map<string, string>; teams: Map<string, string> }> {
  return lookup ? lookup(tx, ids) : none;
}

/** `{ [key]: value }` when there is a value, else `{}`: for spreading an optional name into a row. */
export function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
