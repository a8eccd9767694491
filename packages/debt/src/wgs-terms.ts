import { computeDeadline, MAX_WGS_DECISION_WEEKS } from '@kern/workflows';
import type { UrgencyGround } from './contract/debt.schema';
import { firstConversationDeadline } from './open-debt-file';

export { firstConversationDeadline };

/** The signal kinds that are a threatening situation in the sense of Wgs art. 4 lid 2. */
export function urgencyOfSignal(kind: string): UrgencyGround | null {
  switch (kind) {
    case 'eviction':
    case 'cut-off-energy':
    case 'cut-off-water':
    case 'health-insurance-termination':
      return kind;
    default:
      return null;
  }
}

/** Wgs art. 4a: the beschikking within the municipality's term (1-8 weeks) after the first conversation. */
export function decisionDeadline(firstConversationOn: string, municipalTermWeeks: number = MAX_WGS_DECISION_WEEKS): { due: string; explanation: string[] } {
  const d = computeDeadline({ termId: 'wgs-beschikking', start: firstConversationOn, municipalTermWeeks });
  return { due: d.due, explanation: d.explanation };
}

/** Wgs art. 5 / Fw 287b: a cooling-off period or moratorium lasts at most six months from its start. */
export function moratoriumLatestEnd(from: string): { due: string; explanation: string[] } {
  const d = computeDeadline({ termId: 'wgs-moratorium', start: from });
  return { due: d.due, explanation: d.explanation };
}

export { refusalGroundIds, refusalGrounds, type RefusalGround } from './contract/debt-process.schema';
