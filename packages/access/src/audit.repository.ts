import { atCommit, sql, sqlTextLiteral, type Tx } from '@kern/db';
import { canonicalPayload, genesisHash, type AuditEntry, type StoredLink } from './audit-chain';
import type { AuditRecord } from './contract';
import { lookUpNames, type StaffNamesLookup } from './staff-names';

/** The audit records a transaction has produced and not yet appended, per municipality. */
const pending = new WeakMap<Tx, Map<string, string[]>>();

/**
 * Audits in the caller's transaction. In a withTenant transaction the records are queued and
 * appended to the municipality's hash chain at commit, in the commit's own round trip (atCommit
 * in @kern/db, kern_audit_append in migration 0060): so they are written if and only if the
 * transaction commits, and the chain head's row lock, which orders all appends of a
 * municipality, is held for that last statement only instead of from the read to the commit.
 * Outside one (withSystem: logins, seeding) they are appended at once. Each record's time and
 * canonical payload are fixed here, when the access happens.
 */
export async function appendAuditEntries(tx: Tx, municipalityCode: string, at: Date, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const payloads = entries.map((e) => canonicalPayload(municipalityCode, at.toISOString(), e));
  if (queue(tx, municipalityCode, payloads)) return;
  await appendPayloads(tx, municipalityCode, payloads);
}

function queue(tx: Tx, municipalityCode: string, payloads: string[]): boolean {
  let byMunicipality = pending.get(tx);
  if (!byMunicipality) {
    const queued = new Map<string, string[]>();
    const registered = atCommit(tx, () => {
      pending.delete(tx);
      return [...queued].filter(([, p]) => p.length > 0).map(([m, p]) => appendStatement(m, p)).join(';\n');
    });
    if (!registered) return false;
    pending.set(tx, queued);
    byMunicipality = queued;
  }
  const list = byMunicipality.get(municipalityCode) ?? [];
  list.push(...payloads);
  byMunicipality.set(municipalityCode, list);
  return true;
}

/** The append as literal SQL text for the commit step; the municipality code is four digits. */
function appendStatement(municipalityCode: string, payloads: string[]): string {
  if (!/^\d{4}$/.test(municipalityCode)) throw new Error(`audit: not a municipality code: ${municipalityCode}`);
  return `select kern_audit_append('${municipalityCode}', array[${payloads.map(sqlTextLiteral).join(', ')}]::text[])`;
}

async function appendPayloads(tx: Tx, municipalityCode: string, payloads: string[]): Promise<void> {
  await sql`select kern_audit_append(${municipalityCode}, ${payloads}::text[])`.execute(tx);
}

/**
 * Appends the transaction's queued records now, for a read of the audit log in the same
 * transaction that must see them (the auditor's search and verification, the citizen's access
 * log). From here to the commit the transaction holds the chain head's lock.
 */
export async function flushAuditEntries(tx: Tx): Promise<void> {
  const byMunicipality = pending.get(tx);
  if (!byMunicipality) return;
  for (const [municipalityCode, payloads] of byMunicipality) {
    if (payloads.length === 0) continue;
    const batch = payloads.splice(0, payloads.length);
    await appendPayloads(tx, municipalityCode, batch);
  }
}

/** One way the actor may be related to the subject, with the audit record it would produce. */
export interface RelatedCandidate {
  relation: 'case' | 'team-case' | 'coordinator' | 'break-glass';
  rank: number;
  entry: AuditEntry;
}

/**
 * The hot path of every personal-data read, in one call of kern_best_relation (migration
 * 0060): find the actor's relations with the subject and keep the best one the policy allows
 * (the candidates, decided beforehand in decide.ts); its audit record is then queued for the
 * commit. Returns the relation used, or undefined when none applies (then nothing was queued
 * and the caller denies).
 */
export async function appendIfRelated(
  tx: Tx,
  q: { municipalityCode: string; subjectBsn: string; purpose: string; actorId: string; teamIds: string[]; at: Date; candidates: RelatedCandidate[] },
): Promise<RelatedCandidate['relation'] | undefined> {
  if (q.candidates.length === 0) return undefined;
  // Candidates in order of preference: the function takes the first relation the actor has.
  const c = [...q.candidates].sort((x, y) => x.rank - y.rank);
  const r = await sql<{ idx: number | null }>`
    select kern_best_relation(
      ${q.subjectBsn}, ${q.purpose}, ${q.actorId}::uuid, ${q.teamIds}::uuid[], ${q.at.toISOString()}::timestamptz, ${c.map((x) => x.relation)}::text[]
    ) as idx`.execute(tx);
  const idx = r.rows[0]?.idx;
  const chosen = idx === null || idx === undefined ? undefined : c[Number(idx) - 1];
  if (!chosen) return undefined;
  await appendAuditEntries(tx, q.municipalityCode, q.at, [chosen.entry]);
  return chosen.relation;
}

/** The genesis of a municipality's audit chain; idempotent. */
export async function startAuditChain(tx: Tx, municipalityCode: string): Promise<void> {
  await sql`insert into audit_chain_heads (municipality_code, seq, last_hash)
    values (${municipalityCode}, 0, ${genesisHash(municipalityCode)}) on conflict do nothing`.execute(tx);
}

export interface AuditFilter {
  subjectBsn?: string | undefined;
  actorId?: string | undefined;
  /** Leave out one actor's records (a resident's own reads in "who looked"). */
  notActorId?: string | undefined;
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
/** Staff actors' names come from `staffNames` (identity's directory) when given; without it, records carry ids only. */
export async function findAuditRecords(tx: Tx, f: AuditFilter, staffNames?: StaffNamesLookup): Promise<AuditRecord[]> {
  await flushAuditEntries(tx);
  const where = [sql`true`];
  if (f.subjectBsn) where.push(sql`a.subject_bsn = ${f.subjectBsn}`);
  if (f.actorId) where.push(sql`a.actor_id = ${f.actorId}`);
  if (f.notActorId) where.push(sql`a.actor_id <> ${f.notActorId}`);
  if (f.outcome) where.push(sql`a.outcome = ${f.outcome}`);
  if (f.breakGlass !== undefined) where.push(sql`a.break_glass = ${f.breakGlass}`);
  if (f.from) where.push(sql`a.at >= ${f.from}::date`);
  if (f.to) where.push(sql`a.at < (${f.to}::date + 1)`);
  if (f.before !== undefined) where.push(sql`a.seq < ${f.before}`);
  const result = await sql<Omit<AuditRow, 'actor_name'>>`
    select a.seq, a.at, a.actor_id, a.actor_kind, a.actor_roles, a.actor_teams, a.purpose, a.action,
      a.resource, a.subject_bsn, a.outcome, a.reason, a.legal_basis, a.break_glass, a.request_id
    from audit_log a
    where ${sql.join(where, sql` and `)}
    order by a.seq desc
    limit ${f.limit}
  `.execute(tx);
  const names = (await lookUpNames(staffNames, tx, { staff: result.rows.filter((r) => r.actor_kind === 'staff').map((r) => r.actor_id) })).staff;
  return result.rows.map((row) => ({ ...row, actor_name: row.actor_kind === 'staff' ? names.get(row.actor_id) : undefined })).map((r) => ({
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

export async function readChain(tx: Tx, municipalityCode: string, fromSeq = 1): Promise<{ links: StoredLink[]; headHash?: string; headSeq?: number }> {
  await flushAuditEntries(tx);
  // Every column a reader shows comes along, so that verification can hold it to the hash.
  const links = await sql<AuditRow & { prev_hash: string; hash: string; payload: string }>`
    select seq, at, actor_id, actor_kind, actor_roles, actor_teams, purpose, action, resource, subject_bsn, outcome, reason, legal_basis,
      break_glass, request_id, prev_hash, hash, payload
    from audit_log where municipality_code = ${municipalityCode} and seq >= ${fromSeq} order by seq
  `.execute(tx);
  const head = await sql<{ last_hash: string; seq: number }>`select last_hash, seq from audit_chain_heads where municipality_code = ${municipalityCode}`.execute(tx);
  const headHash = head.rows[0]?.last_hash;
  const headSeq = head.rows[0]?.seq;
  return {
    links: links.rows.map((l) => ({
      seq: Number(l.seq),
      prevHash: l.prev_hash,
      hash: l.hash,
      payload: l.payload,
      at: new Date(l.at).toISOString(),
      entry: {
        actorId: l.actor_id,
        actorKind: l.actor_kind,
        actorRoles: l.actor_roles,
        actorTeams: l.actor_teams,
        purpose: l.purpose ?? undefined,
        action: l.action,
        resource: l.resource,
        subjectBsn: l.subject_bsn ?? undefined,
        outcome: l.outcome,
        reason: l.reason,
        legalBasis: l.legal_basis ?? undefined,
        breakGlass: l.break_glass,
        requestId: l.request_id ?? undefined,
      },
    })),
    ...(headHash ? { headHash } : {}),
    ...(headSeq !== undefined ? { headSeq: Number(headSeq) } : {}),
  };
}

/** The chain head of a municipality, as a checkpoint records it. */
export async function readChainHead(tx: Tx, municipalityCode: string): Promise<{ seq: number; hash: string } | undefined> {
  await flushAuditEntries(tx);
  const head = await sql<{ last_hash: string; seq: number }>`select last_hash, seq from audit_chain_heads where municipality_code = ${municipalityCode}`.execute(tx);
  const row = head.rows[0];
  return row ? { seq: Number(row.seq), hash: row.last_hash } : undefined;
}

/** The municipalities that have an audit chain; across tenants, so for withSystem (checkpoints). */
export async function listAuditChainMunicipalities(tx: Tx): Promise<string[]> {
  const r = await sql<{ municipality_code: string }>`select municipality_code from audit_chain_heads where seq > 0 order by municipality_code`.execute(tx);
  return r.rows.map((x) => x.municipality_code);
}
