import { sql, type Tx } from '@kern/db';
import type { Role } from '@kern/access';

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

interface RawAccount {
  id: string;
  municipality_code: string;
  municipality_name: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  active: boolean;
  teams: { id: string; name: string }[] | string | null;
}

const accountSelect = sql`
  select a.id, a.municipality_code, m.name as municipality_name, a.username, a.display_name, a.password_hash, a.roles, a.active,
    coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
      from team_memberships tm join teams t on t.id = tm.team_id where tm.account_id = a.id), '[]'::json) as teams
  from staff_accounts a join municipalities m on m.code = a.municipality_code`;

function toAccount(r: RawAccount): AccountRow {
  const teams = typeof r.teams === 'string' ? (JSON.parse(r.teams) as { id: string; name: string }[]) : (r.teams ?? []);
  return {
    id: r.id,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
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
  return r.rows[0] ? toAccount(r.rows[0]) : undefined;
}

export async function findAccountById(tx: Tx, id: string): Promise<AccountRow | undefined> {
  const r = await sql<RawAccount>`${accountSelect} where a.id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toAccount(r.rows[0]) : undefined;
}

export async function findSessionAccount(tx: Tx, idHash: string, now: Date): Promise<{ account: AccountRow; csrfToken: string; lastSeenAt: Date } | undefined> {
  const r = await sql<RawAccount & { csrf_token: string; last_seen_at: Date }>`
    select s.csrf_token, s.last_seen_at, x.* from staff_sessions s
    join (${accountSelect}) x on x.id = s.account_id
    where s.id_hash = ${idHash} and s.expires_at > ${now.toISOString()}::timestamptz and x.active`.execute(tx);
  const row = r.rows[0];
  return row ? { account: toAccount(row), csrfToken: row.csrf_token, lastSeenAt: new Date(row.last_seen_at) } : undefined;
}

export async function insertSession(
  tx: Tx,
  s: { idHash: string; accountId: string; municipalityCode: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await sql`insert into staff_sessions (id_hash, account_id, municipality_code, csrf_token, created_at, expires_at, last_seen_at)
    values (${s.idHash}, ${s.accountId}, ${s.municipalityCode}, ${s.csrfToken}, ${s.now.toISOString()}, ${s.expiresAt.toISOString()}, ${s.now.toISOString()})`.execute(tx);
}

export async function touchSession(tx: Tx, idHash: string, now: Date): Promise<void> {
  await sql`update staff_sessions set last_seen_at = ${now.toISOString()} where id_hash = ${idHash}`.execute(tx);
}

export async function deleteSession(tx: Tx, idHash: string): Promise<void> {
  await sql`delete from staff_sessions where id_hash = ${idHash}`.execute(tx);
}

export async function deleteOtherSessions(tx: Tx, accountId: string, keepIdHash: string): Promise<void> {
  await sql`delete from staff_sessions where account_id = ${accountId}::uuid and id_hash <> ${keepIdHash}`.execute(tx);
}

export async function recentFailures(tx: Tx, keys: string[], since: Date): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from login_attempts
    where key = any(${keys}::text[]) and attempted_at > ${since.toISOString()}::timestamptz and not succeeded`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}

export async function recordAttempt(tx: Tx, keys: string[], at: Date, succeeded: boolean): Promise<void> {
  for (const key of keys) {
    await sql`insert into login_attempts (key, attempted_at, succeeded) values (${key}, ${at.toISOString()}, ${succeeded})`.execute(tx);
  }
}

export async function updatePasswordHash(tx: Tx, accountId: string, passwordHash: string, at: Date): Promise<void> {
  await sql`update staff_accounts set password_hash = ${passwordHash}, password_changed_at = ${at.toISOString()} where id = ${accountId}::uuid`.execute(tx);
}

export async function insertAccount(
  tx: Tx,
  a: { id: string; municipalityCode: string; username: string; displayName: string; passwordHash: string; roles: Role[] },
): Promise<void> {
  await sql`insert into staff_accounts (id, municipality_code, username, display_name, password_hash, roles)
    values (${a.id}, ${a.municipalityCode}, ${a.username}, ${a.displayName}, ${a.passwordHash}, ${a.roles}::text[])`.execute(tx);
}

export async function insertTeam(tx: Tx, t: { id: string; municipalityCode: string; name: string; area: string | null }): Promise<void> {
  await sql`insert into teams (id, municipality_code, name, area) values (${t.id}, ${t.municipalityCode}, ${t.name}, ${t.area})`.execute(tx);
}

export async function insertMembership(tx: Tx, m: { accountId: string; teamId: string; municipalityCode: string }): Promise<void> {
  await sql`insert into team_memberships (account_id, team_id, municipality_code) values (${m.accountId}, ${m.teamId}, ${m.municipalityCode})`.execute(tx);
}

export async function findTeamByName(tx: Tx, name: string): Promise<{ id: string } | undefined> {
  const r = await sql<{ id: string }>`select id from teams where name = ${name}`.execute(tx);
  return r.rows[0];
}
