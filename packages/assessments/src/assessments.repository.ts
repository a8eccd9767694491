import { isoDay, sql, type TableRow, type Tx } from '@kern/db';
import type { Assessment } from './contract';

export async function insertAssessment(tx: Tx, a: Assessment & { municipalityCode: string; recordedBy: string }): Promise<void> {
  await tx
    .insertInto('assessments')
    .values({
      id: a.id, municipality_code: a.municipalityCode, instrument_id: a.instrumentId, subject_bsn: a.subjectBsn, assessed_on: a.assessedOn,
      scores: sql`${JSON.stringify(a.scores)}::jsonb`, note: a.note, recorded_at: a.recordedAt, recorded_by: a.recordedBy,
    })
    .execute();
}

type Raw = TableRow<'assessments', 'id' | 'instrument_id' | 'subject_bsn' | 'assessed_on' | 'note' | 'recorded_at'> & { scores: Record<string, number> | string };
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
  const rows = await tx
    .selectFrom('assessment_level_texts')
    .select(['domain_key', 'level', 'text'])
    .where('instrument_id', '=', instrumentId)
    .orderBy('domain_key')
    .orderBy('level')
    .execute();
  return rows.map((x) => ({ domainKey: x.domain_key, level: Number(x.level), text: x.text }));
}

/** A new load replaces the municipality's texts for the instrument as a whole. */
export async function replaceLevelTexts(tx: Tx, municipalityCode: string, instrumentId: string, source: string, at: string, by: string | null, texts: { domain: string; level: number; text: string }[]): Promise<void> {
  await tx.deleteFrom('assessment_level_texts').where('instrument_id', '=', instrumentId).execute();
  for (const t of texts) {
    await tx
      .insertInto('assessment_level_texts')
      .values({ municipality_code: municipalityCode, instrument_id: instrumentId, domain_key: t.domain, level: t.level, text: t.text, source, loaded_at: at, loaded_by: by })
      .execute();
  }
}
