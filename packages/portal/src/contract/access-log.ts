import type { AccessLogEntry, AccessLogGroup } from './portal.schema';

/** The key of a group: the same "who" (role and team for staff) and the same purpose. */
function groupKey(e: AccessLogEntry): string {
  return JSON.stringify([e.who, e.role, e.team, e.purpose]);
}

/**
 * "Who looked" summarised: one line per person or team and purpose, with how often, how often it
 * was refused, and the first and last time; the most frequent first, then the latest. Entries may
 * come in any order.
 */
export function groupAccessLog(entries: readonly AccessLogEntry[]): AccessLogGroup[] {
  const groups = new Map<string, AccessLogGroup>();
  for (const e of entries) {
    const key = groupKey(e);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { who: e.who, role: e.role, team: e.team, purpose: e.purpose, count: 1, denied: e.outcome === 'denied' ? 1 : 0, first: e.at, last: e.at });
      continue;
    }
    g.count += 1;
    if (e.outcome === 'denied') g.denied += 1;
    if (e.at < g.first) g.first = e.at;
    if (e.at > g.last) g.last = e.at;
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.last.localeCompare(a.last));
}
