import { sql, type Tx } from '@kern/db';
import { lookUpNames, type StaffNamesLookup } from './staff-names';

export interface PolicyProposalRow {
  id: string;
  baseVersion: number;
  document: unknown;
  diff: unknown;
  reason: string;
  proposedBy: string;
  proposedByName?: string;
  proposedAt: string;
  status: 'proposed' | 'approved' | 'rejected';
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  decisionNote?: string;
  version?: number;
}

export async function insertPolicyProposal(
  tx: Tx,
  p: { id: string; municipalityCode: string; baseVersion: number; document: unknown; diff: unknown; reason: string; proposedBy: string; proposedAt: Date },
): Promise<void> {
  await sql`insert into access_policy_proposals (id, municipality_code, base_version, document, diff, reason, proposed_by, proposed_at)
    values (${p.id}, ${p.municipalityCode}, ${p.baseVersion}, ${JSON.stringify(p.document)}::jsonb, ${JSON.stringify(p.diff)}::jsonb,
      ${p.reason}, ${p.proposedBy}, ${p.proposedAt.toISOString()})`.execute(tx);
}

interface Raw {
  id: string; base_version: number; document: unknown; diff: unknown; reason: string; proposed_by: string; proposer_name: string | null;
  proposed_at: Date; status: PolicyProposalRow['status']; decided_by: string | null; decider_name: string | null; decided_at: Date | null;
  decision_note: string | null; version: number | null;
}

const toRow = (r: Raw): PolicyProposalRow => ({
  id: r.id,
  baseVersion: r.base_version,
  document: r.document,
  diff: r.diff,
  reason: r.reason,
  proposedBy: r.proposed_by,
  ...(r.proposer_name ? { proposedByName: r.proposer_name } : {}),
  proposedAt: new Date(r.proposed_at).toISOString(),
  status: r.status,
  ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
  ...(r.decider_name ? { decidedByName: r.decider_name } : {}),
  ...(r.decided_at ? { decidedAt: new Date(r.decided_at).toISOString() } : {}),
  ...(r.decision_note ? { decisionNote: r.decision_note } : {}),
  ...(r.version !== null ? { version: r.version } : {}),
});

export async function findPolicyProposals(tx: Tx, status: 'proposed' | 'decided' | 'all', staffNames?: StaffNamesLookup): Promise<PolicyProposalRow[]> {
  const filter = status === 'proposed' ? sql`p.status = 'proposed'` : status === 'decided' ? sql`p.status <> 'proposed'` : sql`true`;
  const r = await sql<Omit<Raw, 'proposer_name' | 'decider_name'>>`
    select p.id, p.base_version, p.document, p.diff, p.reason, p.proposed_by, p.proposed_at, p.status,
      p.decided_by, p.decided_at, p.decision_note, p.version
    from access_policy_proposals p
    where ${filter} order by p.proposed_at desc limit 200`.execute(tx);
  const names = (await lookUpNames(staffNames, tx, { staff: r.rows.flatMap((x) => [x.proposed_by, x.decided_by]) })).staff;
  return r.rows.map((x) => toRow({ ...x, proposer_name: names.get(x.proposed_by) ?? null, decider_name: (x.decided_by && names.get(x.decided_by)) || null }));
}

/** Locks the proposal for its decision, so two approvers cannot both turn it into a version. */
export async function findPolicyProposalForDecision(tx: Tx, id: string): Promise<PolicyProposalRow | undefined> {
  const r = await sql<Raw>`
    select p.id, p.base_version, p.document, p.diff, p.reason, p.proposed_by, null as proposer_name, p.proposed_at, p.status,
      p.decided_by, null as decider_name, p.decided_at, p.decision_note, p.version
    from access_policy_proposals p where p.id = ${id}::uuid for update`.execute(tx);
  const row = r.rows[0];
  return row ? toRow(row) : undefined;
}

export async function decidePolicyProposal(
  tx: Tx,
  d: { id: string; status: 'approved' | 'rejected'; decidedBy: string; at: Date; note: string | null; version: number | null },
): Promise<void> {
  await sql`update access_policy_proposals set status = ${d.status}, decided_by = ${d.decidedBy}::uuid, decided_at = ${d.at.toISOString()},
      decision_note = ${d.note}, version = ${d.version}
    where id = ${d.id}::uuid and status = 'proposed'`.execute(tx);
}

export async function insertApprovedPolicyVersion(
  tx: Tx,
  v: { municipalityCode: string; version: number; document: unknown; proposedBy: string; approvedBy: string; proposalId: string },
): Promise<void> {
  await sql`insert into access_policies (municipality_code, version, document, created_by, approved_by, proposal_id)
    values (${v.municipalityCode}, ${v.version}, ${JSON.stringify(v.document)}::jsonb, ${v.proposedBy}, ${v.approvedBy}, ${v.proposalId})`.execute(tx);
}
