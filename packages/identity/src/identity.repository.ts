import { sql, type TableRow, type Tx } from '@kern/db';
import type { Role } from '@kern/access';
import { municipalityName } from '@kern/tenancy';

export interface AccountRow {
  id: string;
  municipalityCode: string;
  municipalityName: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  active: boolean;
  teams: { id: string; name: string }[];
}

type RawAccount = TableRow<'staff_accounts', 'id' | 'municipality_code' | 'username' | 'display_name' | 'password_hash' | 'active'> & {
  roles: Role[];
  teams: { id: string; name: string }[] | string | null;
}

const accountSelect = sql`
  select a.id, a.municipality_code, a.username, a.display_name, a.password_hash, a.roles, a.active,
    coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
      from team_memberships tm join teams t on t.id = tm.team_id where tm.account_id = a.id), '[]'::json) as teams
  from staff_accounts a`;

/** The municipality's name is tenancy's fact (every account's municipality exists: a foreign key). */
async function toAccount(tx: Tx, r: RawAccount): Promise<AccountRow> {
  const municipality = (await municipalityName(tx, r.municipality_code)) ?? '';
  const teams = typeof r.teams === 'string' ? (JSON.parse(r.teams) as { id: string; name: string }[]) : (r.teams ?? []);
  return {
    id: r.id,
    municipalityCode: r.municipality_code,
    municipalityName: municipality,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    roles: r.roles,
    active: r.active,
    teams,
  };
}

export async function findAccountByUsername(tx: Tx, username: string): Promise<AccountRow | undefined> {
  const r = await sql<RawAccount>`${accountSelect} where a.username = ${username}`.execute(tx);
  return r.rows[0] ? toAccount(tx, r.rows[0]) : undefined;
}

export async function findAccountById(tx: Tx, id: string): Promise<AccountRow | undefined> {
  const r = await sql<RawAccount>`${accountSelect} where a.id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toAccount(tx, r.rows[0]) : undefined;
}

export async function findSessionAccount(tx: Tx, idHash: string, now: Date): Promise<{ account: AccountRow; csrfToken: string; lastSeenAt: Date } | undefined> {
  const r = await sql<RawAccount & TableRow<'staff_sessions', 'csrf_token' | 'last_seen_at'>>`
    select s.csrf_token, s.last_seen_at, x.* from staff_sessions s
    join (${accountSelect}) x on x.id = s.account_id
    where s.id_hash = ${idHash} and s.expires_at > ${now.toISOString()}::timestamptz and x.active`.execute(tx);
  const row = r.rows[0];
  return row ? { account: await toAccount(tx, row), csrfToken: row.csrf_token, lastSeenAt: new Date(row.last_seen_at) } : undefined;
}

export async function insertSession(
  tx: Tx,
  s: { idHash: string; accountId: string; municipalityCode: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await tx
    .insertInto('staff_sessions')
    .values({
      id_hash: s.idHash, account_id: s.accountId, municipality_code: s.municipalityCode, csrf_token: s.csrfToken,
      created_at: s.now.toISOString(), expires_at: s.expiresAt.toISOString(), last_seen_at: s.now.toISOString(),
    })
    .execute();
}

export async function touchSession(tx: Tx, idHash: string, now: Date): Promise<void> {
  await tx.updateTable('staff_sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(tx: Tx, idHash: string): Promise<void> {
  await tx.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteOtherSessions(tx: Tx, accountId: string, keepIdHash: string): Promise<void> {
  await tx.deleteFrom('staff_sessions').where('account_id', '=', accountId).where('id_hash', '<>', keepIdHash).execute();
}

/** Failed attempts on a key since its last success (and within `since`), with the newest one's time. */
export async function failuresSinceSuccess(tx: Tx, key: string, since: Date): Promise<{ failures: number; lastFailureAt?: Date }> {
  const r = await sql<{ n: number; last: Date | string | null }>`select count(*)::int as n, max(attempted_at) as last from login_attempts
    where key = ${key} and not succeeded and attempted_at > ${since.toISOString()}::timestamptz
      and attempted_at > coalesce((select max(attempted_at) from login_attempts where key = ${key} and succeeded), '-infinity'::timestamptz)`.execute(tx);
  const row = r.rows[0];
  return { failures: Number(row?.n ?? 0), ...(row?.last ? { lastFailureAt: new Date(row.last) } : {}) };
}

/** Failed attempts on every key that starts with `prefix`, and on how many distinct keys (addresses). */
export async function failuresByPrefix(tx: Tx, prefix: string, since: Date): Promise<{ failures: number; keys: number }> {
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const r = await sql<{ n: number; k: number }>`select count(*)::int as n, count(distinct key)::int as k from login_attempts
    where key like ${pattern} and not succeeded and attempted_at > ${since.toISOString()}::timestamptz`.execute(tx);
  return { failures: Number(r.rows[0]?.n ?? 0), keys: Number(r.rows[0]?.k ?? 0) };
}

export async function recordAttempt(tx: Tx, keys: string[], at: Date, succeeded: boolean): Promise<void> {
  for (const key of keys) {
    await tx.insertInto('login_attempts').values({ key, attempted_at: at.toISOString(), succeeded }).execute();
  }
}

export interface LoginAlertRow {
  id: string;
  username: string;
  failures: number;
  addresses: number;
  windowStart: Date;
  raisedAt: Date;
}

/** Raises the alert of the account's hour, or updates its counts; true when it is new. */
export async function upsertLoginAlert(
  tx: Tx,
  a: { id: string; municipalityCode: string; accountId: string; username: string; failures: number; addresses: number; windowStart: Date; raisedAt: Date },
): Promise<boolean> {
  const inserted = await tx
    .insertInto('login_alerts')
    .values({
      id: a.id, municipality_code: a.municipalityCode, account_id: a.accountId, username: a.username, failures: a.failures, addresses: a.addresses,
      window_start: a.windowStart.toISOString(), raised_at: a.raisedAt.toISOString(),
    })
    .onConflict((oc) => oc.columns(['account_id', 'window_start']).doNothing())
    .returning('id')
    .execute();
  if (inserted.length > 0) return true;
  await tx
    .updateTable('login_alerts')
    .set({ failures: a.failures, addresses: a.addresses })
    .where('account_id', '=', a.accountId)
    .where('window_start', '=', a.windowStart)
    .execute();
  return false;
}

/** The municipality's alerts, newest first; row-level security keeps them to the tenant in scope. */
export async function findLoginAlerts(tx: Tx, limit: number): Promise<LoginAlertRow[]> {
  const rows = await tx
    .selectFrom('login_alerts')
    .select(['id', 'username', 'failures', 'addresses', 'window_start', 'raised_at'])
    .orderBy('raised_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((x) => ({ id: x.id, username: x.username, failures: Number(x.failures), addresses: Number(x.addresses), windowStart: new Date(x.window_start), raisedAt: new Date(x.raised_at) }));
}

export async function updatePasswordHash(tx: Tx, accountId: string, passwordHash: string, at: Date): Promise<void> {
  await tx.updateTable('staff_accounts').set({ password_hash: passwordHash, password_changed_at: at.toISOString() }).where('id', '=', accountId).execute();
}

export async function insertAccount(
  tx: Tx,
  a: { id: string; municipalityCode: string; username: string; displayName: string; passwordHash: string; roles: Role[] },
): Promise<void> {
  await tx
    .insertInto('staff_accounts')
    .values({ id: a.id, municipality_code: a.municipalityCode, username: a.username, display_name: a.displayName, password_hash: a.passwordHash, roles: sql`${a.roles}::text[]` })
    .execute();
}

export async function insertTeam(tx: Tx, t: { id: string; municipalityCode: string; name: string; area: string | null }): Promise<void> {
  await tx.insertInto('teams').values({ id: t.id, municipality_code: t.municipalityCode, name: t.name, area: t.area }).execute();
}

export async function insertMembership(tx: Tx, m: { accountId: string; teamId: string; municipalityCode: string }): Promise<void> {
  await tx.insertInto('team_memberships').values({ account_id: m.accountId, team_id: m.teamId, municipality_code: m.municipalityCode }).execute();
}

export async function findTeamByName(tx: Tx, name: string): Promise<{ id: string } | undefined> {
  return tx.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst();
}
