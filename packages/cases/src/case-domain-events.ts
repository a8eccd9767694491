import { appendDomainEvents, clientPseudonym, type DomainEvent, type Tx } from '@kern/db';
import type { CaseRow, DeadlineRow } from './cases.repository';

/**
 * The facts a case contributes to steering (see docs/insight.md for the vocabulary), written in
 * the use case's own transaction. The subject is the case id; the client is a random pseudonym
 * per resident (subject_pseudonyms), so insight can follow one client over cases (return within
 * 12 months) without ever seeing a BSN.
 */
type Law = DomainEvent['law'];
const lawOf = (purpose: string): Law => (['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'].includes(purpose) ? (purpose as Law) : undefined);

const base = (c: CaseRow, occurredOn: string) => ({ municipalityCode: c.municipalityCode, subjectRef: c.id, occurredOn, law: lawOf(c.purpose), teamId: c.teamId });

export async function emitCaseStarted(tx: Tx, c: CaseRow): Promise<void> {
  const client = await clientPseudonym(tx, c.municipalityCode, c.subjectBsn);
  await appendDomainEvents(tx, [{ ...base(c, c.meldingDate), type: 'case.started', data: { client, caseType: c.caseTypeId, routed: c.parentCaseId !== null } }]);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * One step taken: the step completed (with its phase), the decision when the step was the
 * decision step, each statutory term stopped (met within or after its due date), and the
 * closing when the case ends.
 */
export async function emitStepTaken(
  tx: Tx,
  c: CaseRow,
  s: { today: string; decided: boolean; closing: boolean; stopped: DeadlineRow[] },
): Promise<void> {
  const events: DomainEvent[] = [{ ...base(c, s.today), type: 'case.step-completed', data: { phase: c.phase, step: c.stepId } }];
  if (s.decided) events.push({ ...base(c, s.today), type: 'case.decided', data: { daysSinceMelding: daysBetween(c.meldingDate, s.today) } });
  for (const d of s.stopped) {
    const late = Math.max(0, daysBetween(d.dueDate, s.today));
    events.push({ ...base(c, s.today), type: late === 0 ? 'case.deadline-met' : 'case.deadline-missed', data: { term: d.termId, daysLate: late } });
  }
  if (s.closing) {
    const client = await clientPseudonym(tx, c.municipalityCode, c.subjectBsn);
    events.push({ ...base(c, s.today), type: 'case.closed', data: { client, daysOpen: daysBetween(c.meldingDate, s.today) } });
  }
  await appendDomainEvents(tx, events);
}
