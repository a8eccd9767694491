import { computeDeadline, MAX_WGS_DECISION_WEEKS } from '@kern/workflows';
import type { UrgencyGround } from './debt.schema';
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

/** Grounds on which access to debt help may be refused (Wgs art. 4a lid 2 and the municipal beleidsregels). */
export const refusalGrounds = {
  'fraud-recent': { nl: 'Recente fraude met een terugvordering (Wgs art. 4a lid 2, gemeentelijke beleidsregels)', en: 'Recent fraud with a recovery (Wgs art. 4a(2), municipal policy rules)' },
  'no-cooperation': { nl: 'Onvoldoende medewerking aan het plan van aanpak', en: 'Insufficient cooperation with the plan' },
  'recent-trajectory': { nl: 'Eerder traject korter dan de gemeentelijke wachttermijn geleden beëindigd door eigen toedoen', en: 'An earlier trajectory ended by own doing within the municipal waiting period' },
  'not-resident': { nl: 'Niet ingezetene van de gemeente', en: 'Not a resident of the municipality' },
  'no-problematic-debts': { nl: 'Geen (dreigende) problematische schulden', en: 'No (threatening) problematic debts' },
} as const;
export type RefusalGround = keyof typeof refusalGrounds;
export const refusalGroundIds = Object.keys(refusalGrounds) as [RefusalGround, ...RefusalGround[]];
