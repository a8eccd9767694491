import type { Tx } from '@kern/db';
import { findCaseEvents, findCasesOfSubject, findDeadlinesOfCases, type CaseEvent, type CaseRow, type DeadlineRow } from './cases.repository';

/**
 * Reads for other modules, in the caller's transaction. They check no access of their own: the
 * caller has decided access to the resident or the case and audits what it shows.
 */

export type { CaseEvent, CaseRow, DeadlineRow };

export interface CaseFile {
  row: CaseRow;
  deadlines: DeadlineRow[];
  /** The case's history, read when asked for (most callers need it for few cases). */
  history: () => Promise<CaseEvent[]>;
}

/** Every case a resident is the subject or a household member of, with its statutory terms. */
export async function caseFilesOfResident(tx: Tx, bsn: string): Promise<CaseFile[]> {
  const rows = await findCasesOfSubject(tx, bsn);
  const deadlinesOf = await findDeadlinesOfCases(tx, rows.map((c) => c.id));
  return rows.map((row) => ({ row, deadlines: deadlinesOf.get(row.id) ?? [], history: () => findCaseEvents(tx, row.id) }));
}

/** When the case came to the step it stands on now (its opening, if it never moved). */
export async function currentStepEnteredAt(tx: Tx, row: Pick<CaseRow, 'id' | 'stepId' | 'openedAt'>): Promise<string> {
  const events = await findCaseEvents(tx, row.id);
  return events.filter((e) => e.toStep === row.stepId).at(-1)?.at ?? row.openedAt;
}
