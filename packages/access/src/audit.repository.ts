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
 * The hot path of every personal-data read, in one call of kern_append_if_related (migration
 * 0009): find the actor's relations with the subject, keep the best one the policy allows (the
 * candidates, decided beforehand in decide.ts), and append its audit record to the chain,
 * hashing in SQL. Returns the relation used, or undefined when none applies (then nothing was
 * written and the caller denies).
 */
export async function appendIfRelated(
  tx: Tx,
  q: { municipalityCode: string; subjectBsn: string; purpose: string; actorId: string; teamIds: string[]; at: Date; candidates: RelatedCandidate[] },
): Promise<RelatedCandidate['relation'] | undefined> {
  const first = q.candidates[0];
  if (!first) return undefined;
  const e = first.entry;
  // Candidates in order of preference: the function takes the first relation the actor has.
  const c = [...q.candidates].sort((x, y) => x.rank - y.rank);
  const r = await sql<{ relation: RelatedCandidate['relation'] | null }>`
    select kern_append_if_related(
      ${q.municipalityCode}, ${q.subjectBsn}, ${q.purpose}, ${q.actorId}::uuid, ${q.teamIds}::uuid[], ${q.at.toISOString()}::timestamptz,
      ${c.map((x) => x.relation)}::text[], ${c.map((x) => x.payload)}::text[], ${c.map((x) => x.entry.reason)}::text[],
      ${c.map((x) => x.entry.legalBasis ?? null)}::text[], ${c.map((x) => x.entry.breakGlass ?? false)}::boolean[],
      ${e.actorKind}, ${e.actorRoles}::text[], ${e.action}, ${e.resource}, ${e.requestId ?? null}
    ) as relation`.execute(tx);
  return r.rows[0]?.relation ?? undefined;
}

async function bumpHead(tx: Tx, municipalityCode: string, n: number): Promise<{ seq: number; lastHash: string }> {
  const bumped = await sql<{ seq: number; last_hash: string }>`
    update audit_chain_heads set seq = seq + ${n} where municipality_code = ${municipalityCode} returning seq, last_hash
  `.execute(tx);
  const row = bumped.rows[0];
  if (row) return { seq: Number(row.seq), lastHash: row.last_hash };
  await startAuditChain(tx, municipalityCode);
  return bumpHead(tx, municipalityCode, n);
}

/** The genesis of a municipality's audit chain; idempotent. */
export async function startAuditChain(tx: Tx, municipalityCode: string): Promise<void> {
  await sql`insert into audit_chain_heads (municipality_code, seq, last_hash)
    values (${municipalityCode}, 0, ${genesisHash(municipalityCode)}) on conflict do nothing`.execute(tx);
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
