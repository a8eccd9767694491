import { anyOf, sql, type TableRow, type Tx } from '@kern/db';

/**
 * The staff directory: what other modules may know of identity's accounts and teams (names by id,
 * the teams of a municipality, who holds a role), so that none of them reads identity's tables.
 * Each function runs in the caller's transaction: the caller has made its access decision, and
 * row-level security keeps the answer to the caller's municipality. Names only: no usernames,
 * roles or password data leave identity this way.
 */
export interface StaffNames {
  /** display name by staff account id */
  staff: Map<string, string>;
  /** team name by team id */
  teams: Map<string, string>;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids a caller holds may be free text (a system actor's id): only uuids can name an account or team. */
const uuidsOf = (ids: readonly (string | null | undefined)[] | undefined) => [...new Set((ids ?? []).filter((id): id is string => !!id && uuid.test(id)))];

/** The display names of the staff accounts and the names of the teams asked for; unknown ids are left out. */
export async function staffNames(tx: Tx, ids: { staff?: readonly (string | null | undefined)[]; teams?: readonly (string | null | undefined)[] }): Promise<StaffNames> {
  const staff = uuidsOf(ids.staff);
  const teams = uuidsOf(ids.teams);
  const s = staff.length === 0 ? [] : await tx.selectFrom('staff_accounts').select(['id', 'display_name as name']).where('id', '=', anyOf(staff, 'uuid')).execute();
  const t = teams.length === 0 ? [] : await tx.selectFrom('teams').select(['id', 'name']).where('id', '=', anyOf(teams, 'uuid')).execute();
  return { staff: new Map(s.map((r) => [r.id, r.name])), teams: new Map(t.map((r) => [r.id, r.name])) };
}

/** The municipality's teams with their area (neighbourhood), by name. */
export async function listTeams(tx: Tx): Promise<{ id: string; name: string; area: string | null }[]> {
  const rows = await tx.selectFrom('teams').select(['id', 'name', 'area']).orderBy('name').execute();
  return rows.map((t) => ({ id: t.id, name: t.name, area: t.area }));
}

export async function teamExists(tx: Tx, id: string): Promise<boolean> {
  if (!uuid.test(id)) return false;
  return (await tx.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/**
 * A team with an active member holding one of the roles: the preferred team when it has one,
 * otherwise the first by name; null when no team has such a member.
 */
export async function teamWithRole(tx: Tx, roles: readonly string[], preferredTeamId: string | null): Promise<string | null> {
  const r = await sql<TableRow<'team_memberships', 'team_id'>>`
    select tm.team_id from team_memberships tm join staff_accounts a on a.id = tm.account_id join teams t on t.id = tm.team_id
    where a.active and a.roles && ${roles}::text[]
    order by (tm.team_id = ${preferredTeamId}::uuid) desc nulls last, t.name limit 1`.execute(tx);
  return r.rows[0]?.team_id ?? null;
}

/**
 * The active members of a team who hold one of the roles (any member when no role is asked),
 * by name: whom a task of that team can be handed to. Names and ids only.
 */
export async function teamMembersWithRole(tx: Tx, teamId: string, roles: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (!uuid.test(teamId)) return [];
  const r = await sql<TableRow<'staff_accounts', 'id'> & { name: TableRow<'staff_accounts', 'display_name'>['display_name'] }>`
    select a.id, a.display_name as name from team_memberships tm join staff_accounts a on a.id = tm.account_id
    where tm.team_id = ${teamId}::uuid and a.active and (${roles.length === 0} or a.roles && ${roles}::text[])
    order by a.display_name, a.id`.execute(tx);
  return r.rows.map((m) => ({ id: m.id, name: m.name }));
}
