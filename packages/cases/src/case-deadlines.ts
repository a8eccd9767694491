import type { Tx } from '@kern/db';
import { newId } from '@kern/kit';
import { computeDeadline, deadlineStatus } from '@kern/workflows';
import { insertDeadline, meetDeadlines, refreshTaskDeadline, type DeadlineRow } from './cases.repository';

/** Starts the statutory terms a step names, counted from `from` (the melding or the step date). */
export async function startTerms(tx: Tx, municipalityCode: string, caseId: string, termIds: string[], from: string, settings: { wgsDecisionWeeks?: number } = {}): Promise<void> {
  for (const termId of termIds) {
    const d = computeDeadline({ termId, start: from, ...(settings.wgsDecisionWeeks ? { municipalTermWeeks: settings.wgsDecisionWeeks } : {}) });
    await insertDeadline(tx, municipalityCode, {
      id: newId(),
      caseId,
      termId,
      startDate: d.start,
      dueDate: d.due,
      metDate: null,
      suspendedDays: d.suspendedDays,
      explanation: d.explanation,
    });
  }
  await refreshTaskDeadline(tx, caseId);
}

export async function stopTerms(tx: Tx, caseId: string, termIds: string[], on: string): Promise<void> {
  await meetDeadlines(tx, caseId, termIds, on);
  await refreshTaskDeadline(tx, caseId);
}

export const withStatus = (d: DeadlineRow, today: string) => ({
  ...d,
  status: deadlineStatus({ due: d.dueDate, today, ...(d.metDate ? { met: d.metDate } : {}) }),
});

