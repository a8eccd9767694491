import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput, isValidBsn } from '@kern/kit';
import { findAssessmentsOf } from './assessments.repository';
import type { Assessment, AssessmentHistory } from './contract';

export function groupByInstrument(subjectBsn: string, all: Assessment[]): AssessmentHistory {
  const byInstrument = new Map<string, Assessment[]>();
  for (const a of all.filter((x) => x.subjectBsn === subjectBsn)) byInstrument.set(a.instrumentId, [...(byInstrument.get(a.instrumentId) ?? []), a]);
  return { subjectBsn, byInstrument: [...byInstrument].map(([instrumentId, assessments]) => ({ instrumentId, assessments })) };
}

/** A resident's assessments over time, per instrument, oldest first. */
export async function readAssessments(services: AccessServices, tx: Tx, ctx: AccessContext, bsn: string): Promise<AssessmentHistory> {
  if (!isValidBsn(bsn)) throw invalidInput({ nl: 'Dit is geen geldig BSN.', en: 'This is not a valid BSN.' }, [{ name: 'bsn', reason: '11-test fails' }]);
  await authorize(services, tx, ctx, { resource: 'assessment', action: 'read', subjectBsn: bsn, detail: 'assessments over time' });
  return groupByInstrument(bsn, await findAssessmentsOf(tx, [bsn]));
}

/**
 * The household view's section source for assessments: every member's history, per instrument.
 * No access decision and no audit here: the household view decides per member and audits.
 */
export async function assessmentSection(tx: Tx, memberBsns: string[]): Promise<AssessmentHistory[]> {
  const all = await findAssessmentsOf(tx, memberBsns);
  return memberBsns.map((bsn) => groupByInstrument(bsn, all)).filter((h) => h.byInstrument.length > 0);
}
