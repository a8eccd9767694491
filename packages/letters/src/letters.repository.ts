import { sql, type Tx } from '@kern/db';
import type { Letter, LetterType } from './contract';
import type { LetterTemplate } from './template';

interface RawTemplate { id: string; municipality_code: string | null; letter_type: string; version: number; title: string; body: string[] }

/** The template in force: the municipality's newest version, else Kern's default (newest version). */
export async function findCurrentTemplate(tx: Tx, municipalityCode: string, letterType: LetterType): Promise<LetterTemplate | undefined> {
  const r = await sql<RawTemplate>`select id, municipality_code, letter_type, version, title, body from letter_templates
    where letter_type = ${letterType} and (municipality_code = ${municipalityCode} or municipality_code is null)
    order by (municipality_code is null), version desc limit 1`.execute(tx);
  const t = r.rows[0];
  return t ? { id: t.id, municipalityCode: t.municipality_code, letterType: t.letter_type, version: Number(t.version), title: t.title, body: t.body } : undefined;
}

export interface NewLetter {
  id: string; municipalityCode: string; caseId: string; decisionId: string; subjectBsn: string; letterType: LetterType; templateId: string;
  title: string; language: string; delivery: 'portal' | 'print'; sizeBytes: number; sha256: string; content: Uint8Array; createdAt: string; createdBy: string;
}

export async function insertLetter(tx: Tx, l: NewLetter): Promise<void> {
  await sql`insert into letters (id, municipality_code, case_id, decision_id, subject_bsn, letter_type, template_id, title, language, delivery, size_bytes, sha256, content, created_at, created_by)
    values (${l.id}, ${l.municipalityCode}, ${l.caseId}, ${l.decisionId}, ${l.subjectBsn}, ${l.letterType}, ${l.templateId}, ${l.title}, ${l.language}, ${l.delivery},
      ${l.sizeBytes}, ${l.sha256}, ${Buffer.from(l.content)}, ${l.createdAt}, ${l.createdBy})`.execute(tx);
}

interface RawLetter {
  id: string; case_id: string; decision_id: string; subject_bsn: string; letter_type: LetterType; title: string; language: string;
  delivery: 'portal' | 'print'; size_bytes: number; version: number; created_at: Date | string;
}
export type LetterRow = Letter & { subjectBsn: string };
const toLetter = (r: RawLetter): LetterRow => ({
  id: r.id, caseId: r.case_id, decisionId: r.decision_id, subjectBsn: r.subject_bsn, letterType: r.letter_type, title: r.title, language: r.language,
  delivery: r.delivery, sizeBytes: Number(r.size_bytes), templateVersion: Number(r.version), createdAt: new Date(r.created_at).toISOString(),
});
const letterSelect = sql`select l.id, l.case_id, l.decision_id, l.subject_bsn, l.letter_type, l.title, l.language, l.delivery, l.size_bytes, t.version, l.created_at
  from letters l join letter_templates t on t.id = l.template_id`;

export async function findLettersOfCase(tx: Tx, caseId: string): Promise<LetterRow[]> {
  return (await sql<RawLetter>`${letterSelect} where l.case_id = ${caseId}::uuid order by l.created_at desc, l.id`.execute(tx)).rows.map(toLetter);
}

export async function findLettersOfSubject(tx: Tx, subjectBsn: string): Promise<LetterRow[]> {
  return (await sql<RawLetter>`${letterSelect} where l.subject_bsn = ${subjectBsn} order by l.created_at desc, l.id`.execute(tx)).rows.map(toLetter);
}

export async function findLetter(tx: Tx, id: string): Promise<LetterRow | undefined> {
  const r = await sql<RawLetter>`${letterSelect} where l.id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toLetter(r.rows[0]) : undefined;
}

export async function findLetterContent(tx: Tx, id: string): Promise<Uint8Array | undefined> {
  const r = await sql<{ content: Uint8Array }>`select content from letters where id = ${id}::uuid`.execute(tx);
  return r.rows[0]?.content;
}
