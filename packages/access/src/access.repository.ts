import { sql, type Tx } from '@kern/db';
import type { InvolvementSource, Purpose } from './contract';
import { lookUpNames, optional, type StaffNamesLookup } from './staff-names';

export async function latestPolicyVersion(tx: Tx, municipalityCode: string): Promise<{ version: number; document: unknown } | undefined> {
  const r = await sql<{ version: number; document: unknown }>`
    select version, document from access_policies where municipality_code = ${municipalityCode}
    order by version desc limit 1
  `.execute(tx);
  return r.rows[0];
}

// New versions are written only by an approved proposal (policy-proposals.repository.ts).

export interface InvolvementRow {
  id: string;
  municipalityCode: string;
  subjectBsn: string;
  purpose: Purpose;
  kind: 'case' | 'coordinator';
  accountId: string | null;
  teamId: string | null;
  reason: string;
  openedAt: Date;
  /** The case this relation comes from; closing the case ends it. */
  caseId?: string | null;
  /** What made the relation: the work (a case, an allocation, ...) or a decided request, never a button. */
  source: InvolvementSource;
  /** Who made it: the actor whose work created it, or who approved the request. */
  createdBy: string;
  /** The approved request it comes from. */
  requestId?: string | null;
}


export async function insertInvolvement(tx: Tx, row: InvolvementRow): Promise<void> {
  await sql`insert into involvements (id, municipality_code, subject_bsn, purpose, kind, account_id, team_id, reason, opened_at, case_id, source, created_by, request_id)
    values (${row.id}, ${row.municipalityCode}, ${row.subjectBsn}, ${row.purpose}, ${row.kind}, ${row.accountId}, ${row.teamId}, ${row.reason},
      ${row.openedAt.toISOString()}, ${row.caseId ?? null}, ${row.source}, ${row.createdBy}, ${row.requestId ?? null})`.execute(tx);
}

/** Closing a case ends the relations it created: need-to-know ends with the work. */
export async function closeInvolvementsOfCase(tx: Tx, caseId: string, closedAt: Date): Promise<void> {
  await sql`update involvements set closed_at = ${closedAt.toISOString()} where case_id = ${caseId}::uuid and closed_at is null`.execute(tx);
}

export async function closeInvolvementRow(tx: Tx, id: string, closedAt: Date): Promise<{ subjectBsn: string; purpose: Purpose } | undefined> {
  const r = await sql<{ subject_bsn: string; purpose: Purpose }>`
    update involvements set closed_at = ${closedAt.toISOString()} where id = ${id}::uuid and closed_at is null
    returning subject_bsn, purpose`.execute(tx);
  const row = r.rows[0];
  return row ? { subjectBsn: row.subject_bsn, purpose: row.purpose } : undefined;
}

export async function findInvolvement(tx: Tx, id: string): Promise<{ subjectBsn: string; purpose: Purpose; accountId: string | null; teamId: string | null } | undefined> {
  const r = await sql<{ subject_bsn: string; purpose: Purpose; account_id: string | null; team_id: string | null }>`
    select subject_bsn, purpose, account_id, team_id from involvements where id = ${id}::uuid`.execute(tx);
  const row = r.rows[0];
  return row ? { subjectBsn: row.subject_bsn, purpose: row.purpose, accountId: row.account_id, teamId: row.team_id } : undefined;
}

export async function insertBreakGlassGrant(
  tx: Tx,
  g: { id: string; municipalityCode: string; accountId: string; subjectBsn: string; purpose: Purpose; reason: string; grantedAt: Date; expiresAt: Date },
): Promise<void> {
  await sql`insert into break_glass_grants (id, municipality_code, account_id, subject_bsn, purpose, reason, granted_at, expires_at)
    values (${g.id}, ${g.municipalityCode}, ${g.accountId}, ${g.subjectBsn}, ${g.purpose}, ${g.reason}, ${g.grantedAt.toISOString()}, ${g.expiresAt.toISOString()})`.execute(tx);
}

export interface BreakGlassGrantView {
  id: string;
  accountId: string;
  accountName?: string;
  subjectBsn: string;
  purpose: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  verdict?: string;
  reviewNote?: string;
}

export async function findBreakGlassGrants(tx: Tx, review: 'open' | 'done' | 'all', staffNames?: StaffNamesLookup): Promise<BreakGlassGrantView[]> {
  const filter = review === 'open' ? sql`g.reviewed_at is null` : review === 'done' ? sql`g.reviewed_at is not null` : sql`true`;
  const r = await sql<{
    id: string; account_id: string; subject_bsn: string; purpose: string; reason: string;
    granted_at: Date; expires_at: Date; review_verdict: string | null; review_note: string | null;
  }>`
    select g.id, g.account_id, g.subject_bsn, g.purpose, g.reason, g.granted_at, g.expires_at, g.review_verdict, g.review_note
    from break_glass_grants g
    where ${filter} order by g.granted_at desc limit 500`.execute(tx);
  const names = (await lookUpNames(staffNames, tx, { staff: r.rows.map((g) => g.account_id) })).staff;
  return r.rows.map((g) => ({
    id: g.id,
    accountId: g.account_id,
    ...optional('accountName', names.get(g.account_id)),
    subjectBsn: g.subject_bsn,
    purpose: g.purpose,
    reason: g.reason,
    grantedAt: new Date(g.granted_at).toISOString(),
    expiresAt: new Date(g.expires_at).toISOString(),
    ...(g.review_verdict ? { verdict: g.review_verdict } : {}),
    ...(g.review_note ? { reviewNote: g.review_note } : {}),
  }));
}

export async function reviewBreakGlassGrant(
  tx: Tx,
  r: { id: string; reviewerId: string; verdict: 'justified' | 'unjustified'; note: string; at: Date },
): Promise<{ subjectBsn: string } | undefined> {
  const res = await sql<{ subject_bsn: string }>`
    update break_glass_grants set reviewed_by = ${r.reviewerId}::uuid, reviewed_at = ${r.at.toISOString()},
      review_verdict = ${r.verdict}, review_note = ${r.note}
    where id = ${r.id}::uuid and reviewed_at is null returning subject_bsn`.execute(tx);
  const row = res.rows[0];
  return row ? { subjectBsn: row.subject_bsn } : undefined;
}
