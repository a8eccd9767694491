import { isoDay, sql, type Tx } from '@kern/db';
import type { Assessment } from './contract';

export async function insertAssessment(tx: Tx, a: Assessment & { municipalityCode: string; recordedBy: string }): Promise<void> {
  await sql`insert into assessments (id, municipality_code, instrument_id, subject_bsn, assessed_on, scores, note, recorded_at, recorded_by)
    values (${a.id}, ${a.municipalityCode}, ${a.instrumentId}, ${a.subjectBsn}, ${a.assessedOn}, ${JSON.stringify(a.scores)}::jsonb, ${a.note}, ${a.recordedAt}, ${a.recordedBy})`.execute(tx);
}

interface Raw { id: string; instrument_id: string; subject_bsn: string; assessed_on: string | Date; scores: Record<string, number> | string; note: string | null; recorded_at: Date }
const toAssessment = (r: Raw): Assessment => ({
  id: r.id, instrumentId: r.instrument_id, subjectBsn: r.subject_bsn, assessedOn: isoDay(r.assessed_on),
  scores: typeof r.scores === 'string' ? (JSON.parse(r.scores) as Record<string, number>) : r.scores, note: r.note, recordedAt: new Date(r.recorded_at).toISOString(),
});

/** Oldest first, so a progress line reads left to right. */
export async function findAssessmentsOf(tx: Tx, bsns: string[]): Promise<Assessment[]> {
  if (bsns.length === 0) return [];
  const r = await sql<Raw>`select id, instrument_id, subject_bsn, assessed_on, scores, note, recorded_at from assessments
    where subject_bsn = any(${bsns}::char(9)[]) order by subject_bsn, instrument_id, assessed_on, recorded_at`.execute(tx);
  return r.rows.map(toAssessment);
}

export async function findLevelTexts(tx: Tx, instrumentId: string): Promise<{ domainKey: string; level: number; text: string }[]> {
  const r = await sql<{ domain_key: string; level: number; text: string }>`select domain_key, level, text from assessment_level_texts
    where instrument_id = ${instrumentId} order by domain_key, level`.execute(tx);
  return r.rows.map((x) => ({ domainKey: x.domain_key, level: Number(x.level), text: x.text }));
}

/** A new load replaces the municipality's texts for the instrument as a whole. */
export async function replaceLevelTexts(tx: Tx, municipalityCode: string, instrumentId: string, source: string, at: string, by: string | null, texts: { domain: string; level: number; text: string }[]): Promise<void> {
  await sql`delete from assessment_level_texts where instrument_id = ${instrumentId}`.execute(tx);
  for (const t of texts) {
    await sql`insert into assessment_level_texts (municipality_code, instrument_id, domain_key, level, text, source, loaded_at, loaded_by)
      values (${municipalityCode}, ${instrumentId}, ${t.domain}, ${t.level}, ${t.text}, ${source}, ${at}, ${by})`.execute(tx);
  }
}
