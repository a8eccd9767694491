import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

/**
 * Wgs art. 4a: the statutory maximum of the municipality's decision term in weeks. The same figure
 * as @kern/workflows' MAX_WGS_DECISION_WEEKS (a contract cannot import the workflows module; a unit
 * test holds the two equal).
 */
export const MAX_WGS_DECISION_WEEKS = 8;

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

export const firstConversationInputSchema = z.object({
  heldOn: calendarDateSchema,
  /** The municipality's own Wgs art. 4a decision term (1-8 weeks); the statutory maximum by default. */
  municipalTermWeeks: z.number().int().min(1).max(MAX_WGS_DECISION_WEEKS).default(MAX_WGS_DECISION_WEEKS),
});
export const accessDecisionInputSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('plan'), decidedOn: calendarDateSchema }),
  z.object({ decision: z.literal('refused'), decidedOn: calendarDateSchema, ground: z.enum(refusalGroundIds) }),
]);
export const moratoriumInputSchema = z.object({ from: calendarDateSchema, until: calendarDateSchema });
