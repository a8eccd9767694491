import { anyOf, type Tx } from '@kern/db';

/**
 * Team names by id, for telling a resident which team looked at their data (the citizen portal's
 * access log shows role, team and purpose, never a staff member's name). Teams are identity's table.
 */
export async function findTeamNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await tx.selectFrom('teams').select(['id', 'name']).where('id', '=', anyOf(uuids, 'uuid')).execute();
  return new Map(rows.map((x) => [x.id, x.name]));
}
