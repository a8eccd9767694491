import { sql, type Tx } from '@kern/db';
import type { Purpose } from './contract';
import { lookUpNames, type StaffNamesLookup } from './staff-names';

export type InvolvementRequestStatus = 'pending' | 'approved' | 'rejected';

export interface InvolvementRequestRow {
  id: string;
  subjectBsn: string;
  purpose: Purpose;
  kind: 'case' | 'coordinator';
  requestedBy: string;
  requestedByName?: string;
  requesterTeams: string[];
  teamId: string | null;
  reason: string;
  requestedAt: string;
  status: InvolvementRequestStatus;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  decisionNote?: string;
  involvementId?: string;
}

export async function insertInvolvementRequest(
  tx: Tx,
  r: { id: string; municipalityCode: string; subjectBsn: string; purpose: Purpose; kind: 'case' | 'coordinator'; requestedBy: string; requesterTeams: string[]; teamId: string | null; reason: string; at: Date },
): Promise<void> {
  await sql`insert into involvement_requests (id, municipality_code, subject_bsn, purpose, kind, requested_by, requester_teams, team_id, reason, requested_at)
    values (${r.id}, ${r.municipalityCode}, ${r.subjectBsn}, ${r.purpose}, ${r.kind}, ${r.requestedBy}::uuid, ${r.requesterTeams}::uuid[], ${r.teamId}::uuid,
      ${r.reason}, ${r.at.toISOString()})`.execute(tx);
}

interface RequestDbRow {
  id: string; subject_bsn: string; purpose: Purpose; kind: 'case' | 'coordinator'; requested_by: string; requester_name: string | null;
  requester_teams: string[]; team_id: string | null; reason: string; requested_at: Date; status: InvolvementRequestStatus;
  decided_by: string | null; decider_name: string | null; decided_at: Date | null; decision_note: string | null; involvement_id: string | null;
}

const toRow = (r: RequestDbRow): InvolvementRequestRow => ({
  id: r.id,
  subjectBsn: r.subject_bsn,
  purpose: r.purpose,
  kind: r.kind,
  requestedBy: r.requested_by,
  ...(r.requester_name ? { requestedByName: r.requester_name } : {}),
  requesterTeams: r.requester_teams,
  teamId: r.team_id,
  reason: r.reason,
  requestedAt: new Date(r.requested_at).toISOString(),
  status: r.status,
  ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
  ...(r.decider_name ? { decidedByName: r.decider_name } : {}),
  ...(r.decided_at ? { decidedAt: new Date(r.decided_at).toISOString() } : {}),
  ...(r.decision_note ? { decisionNote: r.decision_note } : {}),
  ...(r.involvement_id ? { involvementId: r.involvement_id } : {}),
});

/** Newest first; `status` omitted: all. RLS keeps it to the tenant in scope. */
export async function findInvolvementRequests(
  tx: Tx,
  f: { status?: InvolvementRequestStatus | undefined; id?: string | undefined; limit?: number },
  staffNames?: StaffNamesLookup,
): Promise<InvolvementRequestRow[]> {
  const where = [sql`true`];
  if (f.status) where.push(sql`r.status = ${f.status}`);
  if (f.id) where.push(sql`r.id = ${f.id}::uuid`);
  const r = await sql<Omit<RequestDbRow, 'requester_name' | 'decider_name'>>`
    select r.id, r.subject_bsn, r.purpose, r.kind, r.requested_by, r.requester_teams, r.team_id, r.reason,
      r.requested_at, r.status, r.decided_by, r.decided_at, r.decision_note, r.involvement_id
    from involvement_requests r
    where ${sql.join(where, sql` and `)}
    order by r.requested_at desc limit ${f.limit ?? 500}`.execute(tx);
  const names = (await lookUpNames(staffNames, tx, { staff: r.rows.flatMap((x) => [x.requested_by, x.decided_by]) })).staff;
  return r.rows.map((x) => toRow({ ...x, requester_name: names.get(x.requested_by) ?? null, decider_name: (x.decided_by && names.get(x.decided_by)) || null }));
}

/** Decides a pending request once; undefined when it was not pending (any more). */
export async function decideInvolvementRequestRow(
  tx: Tx,
  d: { id: string; decidedBy: string; status: 'approved' | 'rejected'; note: string; at: Date; involvementId: string | null },
): Promise<boolean> {
  const r = await sql<{ id: string }>`
    update involvement_requests set status = ${d.status}, decided_by = ${d.decidedBy}::uuid, decided_at = ${d.at.toISOString()},
      decision_note = ${d.note}, involvement_id = ${d.involvementId}::uuid
    where id = ${d.id}::uuid and status = 'pending' and requested_by <> ${d.decidedBy}::uuid returning id`.execute(tx);
  return r.rows.length === 1;
}

export interface RelationView {
  id: string;
  subjectBsn: string;
  purpose: string;
  kind: string;
  source: string;
  accountId?: string;
  accountName?: string;
  teamId?: string;
  teamName?: string;
  createdBy?: string;
  createdByName?: string;
  requestId?: string;
  caseId?: string;
  reason: string;
  openedAt: string;
  closedAt?: string;
}

/** The relations opened since a moment, newest first: what the auditor reviews beside break-the-glass. */
export async function findRecentRelations(tx: Tx, f: { since?: string | undefined; source?: string | undefined; limit: number }, staffNames?: StaffNamesLookup): Promise<RelationView[]> {
  const where = [sql`true`];
  if (f.since) where.push(sql`i.opened_at >= ${f.since}::date`);
  if (f.source) where.push(sql`i.source = ${f.source}`);
  const r = await sql<{
    id: string; subject_bsn: string; purpose: string; kind: string; source: string; account_id: string | null;
    team_id: string | null; created_by: string | null; request_id: string | null;
    case_id: string | null; reason: string; opened_at: Date; closed_at: Date | null;
  }>`
    select i.id, i.subject_bsn, i.purpose, i.kind, i.source, i.account_id, i.team_id,
      i.created_by, i.request_id, i.case_id, i.reason, i.opened_at, i.closed_at
    from involvements i
    where ${sql.join(where, sql` and `)}
    order by i.opened_at desc limit ${f.limit}`.execute(tx);
  // created_by is text (a system actor may open a relation): only a staff account's uuid has a name.
  const names = await lookUpNames(staffNames, tx, { staff: r.rows.flatMap((x) => [x.account_id, x.created_by]), teams: r.rows.map((x) => x.team_id) });
  return r.rows.map((row) => ({ ...row, account_name: row.account_id ? names.staff.get(row.account_id) : undefined, team_name: row.team_id ? names.teams.get(row.team_id) : undefined, created_by_name: row.created_by ? names.staff.get(row.created_by) : undefined })).map((x) => ({
    id: x.id,
    subjectBsn: x.subject_bsn,
    purpose: x.purpose,
    kind: x.kind,
    source: x.source,
    ...(x.account_id ? { accountId: x.account_id } : {}),
    ...(x.account_name ? { accountName: x.account_name } : {}),
    ...(x.team_id ? { teamId: x.team_id } : {}),
    ...(x.team_name ? { teamName: x.team_name } : {}),
    ...(x.created_by ? { createdBy: x.created_by } : {}),
    ...(x.created_by_name ? { createdByName: x.created_by_name } : {}),
    ...(x.request_id ? { requestId: x.request_id } : {}),
    ...(x.case_id ? { caseId: x.case_id } : {}),
    reason: x.reason,
    openedAt: new Date(x.opened_at).toISOString(),
    ...(x.closed_at ? { closedAt: new Date(x.closed_at).toISOString() } : {}),
  }));
}
