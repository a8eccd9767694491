import { sql, type Tx } from '@kern/db';
import { chain, genesisHash, type AuditEntry, type StoredLink } from './audit-chain';
import type { AuditRecord } from './access.schema';

/**
 * Appends entries to the municipality's chain inside the caller's transaction. The update of
 * the chain head takes its row lock first, so concurrent writers queue there and each sees
 * the hash its predecessor committed.
 */
export async function appendAuditEntries(tx: Tx, municipalityCode: string, at: Date, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const head = await bumpHead(tx, municipalityCode, entries.length);
  const records = chain(municipalityCode, { seq: head.seq - entries.length, hash: head.lastHash }, at.toISOString(), entries);
  const last = records[records.length - 1];
  if (!last) return;
  const rows = records.map(
    (r) => sql`(${municipalityCode}, ${r.seq}, ${r.at}, ${r.entry.actorId}, ${r.entry.actorKind}, ${r.entry.actorRoles}::text[], ${r.entry.actorTeams}::text[],
      ${r.entry.purpose ?? null}, ${r.entry.action}, ${r.entry.resource}, ${r.entry.subjectBsn ?? null}, ${r.entry.outcome}, ${r.entry.reason},
      ${r.entry.legalBasis ?? null}, ${r.entry.breakGlass ?? false}, ${r.entry.requestId ?? null}, ${r.prevHash}, ${r.hash}, ${r.payload})`,
  );
  await sql`
    with inserted as (
      insert into audit_log (municipality_code, seq, at, actor_id, actor_kind, actor_roles, actor_teams, purpose, action, resource,
        subject_bsn, outcome, reason, legal_basis, break_glass, request_id, prev_hash, hash, payload)
      values ${sql.join(rows)}
      returning 1
    )
    update audit_chain_heads set last_hash = ${last.hash}, prev_hash = ${last.prevHash} where municipality_code = ${municipalityCode}
  `.execute(tx);
}

/** One way the actor may be related to the subject, with the audit record it would produce. */
export interface RelatedCandidate {
  relation: 'case' | 'team-case' | 'coordinator' | 'break-glass';
  rank: number;
  entry: AuditEntry;
  payload: string;
}

/**
 * The hot path of every personal-data read, in one statement: find the actor's relations with
 * the subject, keep the best one the policy allows (the candidates, decided beforehand in
 * decide.ts), and append its audit record to the chain, hashing in SQL. Returns the relation
 * used, or undefined when none applies (then nothing was written and the caller denies).
 */
export async function appendIfRelated(
  tx: Tx,
  q: { municipalityCode: string; subjectBsn: string; purpose: string; actorId: string; teamIds: string[]; at: Date; candidates: RelatedCandidate[] },
): Promise<RelatedCandidate['relation'] | undefined> {
  const first = q.candidates[0];
  if (!first) return undefined;
  const e = first.entry;
  const at = q.at.toISOString();
  const values = q.candidates.map(
    (c) => sql`(${c.relation}::text, ${c.rank}::int, ${c.payload}::text, ${c.entry.reason}::text, ${c.entry.legalBasis ?? null}::text, ${c.entry.breakGlass ?? false}::boolean)`,
  );
  const r = await sql<{ relation: RelatedCandidate['relation'] | null; appended: number }>`
    with rel as (
      select case when i.kind = 'coordinator' then 'coordinator' when i.account_id = ${q.actorId}::uuid then 'case' else 'team-case' end as relation
        from involvements i
        where i.subject_bsn = ${q.subjectBsn} and i.closed_at is null and i.purpose = ${q.purpose}
          and (i.account_id = ${q.actorId}::uuid or i.team_id = any(${q.teamIds}::uuid[]))
      union all
      select 'break-glass' from break_glass_grants g
        where g.subject_bsn = ${q.subjectBsn} and g.account_id = ${q.actorId}::uuid and g.purpose = ${q.purpose}
          and g.expires_at > ${at}::timestamptz
    ),
    choice as (
      select c.* from (values ${sql.join(values)}) as c(relation, rank, payload, reason, legal_basis, break_glass)
      where c.relation in (select relation from rel)
      order by c.rank limit 1
    ),
    head as (
      update audit_chain_heads h
        set seq = h.seq + 1, prev_hash = h.last_hash,
            last_hash = encode(sha256(convert_to(h.last_hash || E'\n' || (select payload from choice), 'UTF8')), 'hex')
        where h.municipality_code = ${q.municipalityCode} and exists (select 1 from choice)
        returning h.seq, h.prev_hash, h.last_hash
    ),
    appended as (
      insert into audit_log (municipality_code, seq, at, actor_id, actor_kind, actor_roles, actor_teams, purpose, action, resource,
        subject_bsn, outcome, reason, legal_basis, break_glass, request_id, prev_hash, hash, payload)
      select ${q.municipalityCode}, head.seq, ${at}, ${e.actorId}, ${e.actorKind}, ${e.actorRoles}::text[], ${e.actorTeams}::text[], ${e.purpose ?? null},
        ${e.action}, ${e.resource}, ${e.subjectBsn ?? null}, 'allowed', choice.reason, choice.legal_basis, choice.break_glass, ${e.requestId ?? null},
        head.prev_hash, head.last_hash, choice.payload
      from head, choice
      returning 1
    )
    select (select relation from choice) as relation, (select count(*)::int from appended) as appended
  `.execute(tx);
  const row = r.rows[0];
  if (row?.relation && Number(row.appended) === 0) {
    // No chain head yet (a municipality activated before heads existed): create it and retry.
    await sql`insert into audit_chain_heads (municipality_code, seq, last_hash) values (${q.municipalityCode}, 0, ${genesisHash(q.municipalityCode)}) on conflict do nothing`.execute(tx);
    return appendIfRelated(tx, q);
  }
  return row?.relation ?? undefined;
}

async function bumpHead(tx: Tx, municipalityCode: string, n: number): Promise<{ seq: number; lastHash: string }> {
  const bumped = await sql<{ seq: number; last_hash: string }>`
    update audit_chain_heads set seq = seq + ${n} where municipality_code = ${municipalityCode} returning seq, last_hash
  `.execute(tx);
  const row = bumped.rows[0];
  if (row) return { seq: Number(row.seq), lastHash: row.last_hash };
  await sql`insert into audit_chain_heads (municipality_code, seq, last_hash)
    values (${municipalityCode}, 0, ${genesisHash(municipalityCode)}) on conflict do nothing`.execute(tx);
  return bumpHead(tx, municipalityCode, n);
}

export interface AuditFilter {
  subjectBsn?: string | undefined;
  actorId?: string | undefined;
  outcome?: 'allowed' | 'denied' | undefined;
  breakGlass?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
}

interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string;
  actor_name: string | null;
  actor_kind: 'staff' | 'citizen' | 'system';
  actor_roles: string[];
  actor_teams: string[];
  purpose: string | null;
  action: string;
  resource: string;
  subject_bsn: string | null;
  outcome: 'allowed' | 'denied';
  reason: string;
  legal_basis: string | null;
  break_glass: boolean;
  request_id: string | null;
}

/** Newest first; `before` pages backwards by seq. RLS limits it to the tenant in scope. */
export async function findAuditRecords(tx: Tx, f: AuditFilter): Promise<AuditRecord[]> {
  const where = [sql`true`];
  if (f.subjectBsn) where.push(sql`a.subject_bsn = ${f.subjectBsn}`);
  if (f.actorId) where.push(sql`a.actor_id = ${f.actorId}`);
  if (f.outcome) where.push(sql`a.outcome = ${f.outcome}`);
  if (f.breakGlass !== undefined) where.push(sql`a.break_glass = ${f.breakGlass}`);
  if (f.from) where.push(sql`a.at >= ${f.from}::date`);
  if (f.to) where.push(sql`a.at < (${f.to}::date + 1)`);
  if (f.before !== undefined) where.push(sql`a.seq < ${f.before}`);
  const result = await sql<AuditRow>`
    select a.seq, a.at, a.actor_id, s.display_name as actor_name, a.actor_kind, a.actor_roles, a.actor_teams, a.purpose, a.action,
      a.resource, a.subject_bsn, a.outcome, a.reason, a.legal_basis, a.break_glass, a.request_id
    from audit_log a
    left join staff_accounts s on a.actor_kind = 'staff' and s.id::text = a.actor_id
    where ${sql.join(where, sql` and `)}
    order by a.seq desc
    limit ${f.limit}
  `.execute(tx);
  return result.rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    ...(r.actor_name ? { actorName: r.actor_name } : {}),
    actorKind: r.actor_kind,
    actorRoles: r.actor_roles,
    actorTeams: r.actor_teams,
    ...(r.purpose ? { purpose: r.purpose } : {}),
    action: r.action,
    resource: r.resource,
    ...(r.subject_bsn ? { subjectBsn: r.subject_bsn } : {}),
    outcome: r.outcome,
    reason: r.reason,
    ...(r.legal_basis ? { legalBasis: r.legal_basis } : {}),
    breakGlass: r.break_glass,
    ...(r.request_id ? { requestId: r.request_id } : {}),
  }));
}

export async function readChain(tx: Tx, municipalityCode: string): Promise<{ links: StoredLink[]; headHash?: string }> {
  const links = await sql<{ seq: number; prev_hash: string; hash: string; payload: string }>`
    select seq, prev_hash, hash, payload from audit_log where municipality_code = ${municipalityCode} order by seq
  `.execute(tx);
  const head = await sql<{ last_hash: string }>`select last_hash from audit_chain_heads where municipality_code = ${municipalityCode}`.execute(tx);
  const headHash = head.rows[0]?.last_hash;
  return {
    links: links.rows.map((l) => ({ seq: Number(l.seq), prevHash: l.prev_hash, hash: l.hash, payload: l.payload })),
    ...(headHash ? { headHash } : {}),
  };
}

export async function countAuditRecords(tx: Tx): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}
