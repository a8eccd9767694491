import { sql, type Tx } from '@kern/db';
import type { ObjectionKind } from './contract';

/** SQL only: the objections citizens lodged in the portal (row-level security keeps the tenant). */

export interface ObjectionRow {
  id: string;
  municipalityCode: string;
  decisionId: string;
  originalCaseId: string;
  objectionCaseId: string;
  subjectBsn: string;
  lodgedBy: string;
  kind: ObjectionKind;
  grounds: string;
  lodgedOn: string;
  objectionUntil: string;
  late: boolean;
  lateReason: string | null;
  attachment: { name: string; mediaType: string; sha256: string; content: Buffer } | null;
  createdAt: Date;
}

export async function insertObjection(tx: Tx, o: ObjectionRow): Promise<void> {
  const a = o.attachment;
  await sql`insert into portal_objections (id, municipality_code, decision_id, original_case_id, objection_case_id, subject_bsn, lodged_by, kind, grounds,
      lodged_on, objection_until, late, late_reason, attachment_name, attachment_media_type, attachment_size_bytes, attachment_sha256, attachment_content, created_at)
    values (${o.id}, ${o.municipalityCode}, ${o.decisionId}, ${o.originalCaseId}, ${o.objectionCaseId}, ${o.subjectBsn}, ${o.lodgedBy}, ${o.kind}, ${o.grounds},
      ${o.lodgedOn}, ${o.objectionUntil}, ${o.late}, ${o.lateReason}, ${a?.name ?? null}, ${a?.mediaType ?? null}, ${a ? a.content.length : null}, ${a?.sha256 ?? null}, ${a?.content ?? null}, ${o.createdAt})`.execute(tx);
}

export interface ObjectionSummary {
  id: string;
  decisionId: string;
  objectionCaseId: string;
  kind: ObjectionKind;
  lodgedOn: string;
  late: boolean;
  lateReason: string | null;
  attachmentName: string | null;
}

/** A person's objections, newest first, without the attachment's bytes. */
export async function findObjectionsOfSubject(tx: Tx, bsn: string): Promise<ObjectionSummary[]> {
  const r = await sql<{ id: string; decision_id: string; objection_case_id: string; kind: ObjectionKind; lodged_on: string; late: boolean; late_reason: string | null; attachment_name: string | null }>`
    select id, decision_id, objection_case_id, kind, lodged_on::text as lodged_on, late, late_reason, attachment_name
    from portal_objections where subject_bsn = ${bsn} order by created_at desc`.execute(tx);
  return r.rows.map((x) => ({
    id: x.id, decisionId: x.decision_id, objectionCaseId: x.objection_case_id, kind: x.kind, lodgedOn: x.lodged_on, late: x.late, lateReason: x.late_reason, attachmentName: x.attachment_name,
  }));
}
