import { decisionOutcomeSchema } from '@kern/provisions/contract';
import { z } from 'zod';
import { citizenStatusWordsSchema, personRefSchema } from './portal.schema';

/**
 * Decisions (beschikkingen) as the citizen reads them, and the objection (bezwaar, Awb 6:4) or
 * request for review they lodge against one. Words, not codes: a product category by its Dutch
 * name, units and frequencies spelled out; the web app puts them into sentences.
 */
const words = z.object({ nl: z.string(), en: z.string() });

export const objectionKinds = ['objection', 'review'] as const;
export const objectionKindSchema = z.enum(objectionKinds);
export type ObjectionKind = z.infer<typeof objectionKindSchema>;

/** At most one attachment to an objection: PDF, JPEG or PNG by content, like a request's documents. */
export const objectionAttachmentSchema = z.object({
  fileName: z.string().min(1).max(200),
  contentBase64: z.string().min(1),
});

export const objectionInputSchema = z.object({
  kind: objectionKindSchema.default('objection'),
  /** Why the citizen disagrees (Awb 6:5 lid 1 sub d: the gronden). */
  grounds: z.string().trim().min(10).max(10_000),
  /** Only for a late objection: why (Awb 6:11 lets the municipality excuse it). */
  lateReason: z.string().trim().max(2000).nullable().optional(),
  attachment: objectionAttachmentSchema.nullable().optional(),
});
export type ObjectionInput = z.input<typeof objectionInputSchema>;

export const portalObjectionSchema = z.object({
  id: z.string().uuid(),
  kind: objectionKindSchema,
  lodgedOn: z.string(),
  late: z.boolean(),
  lateReason: z.string().nullable(),
  attachmentName: z.string().nullable(),
  /** The objection's own case: its reference and status in words. */
  caseReference: z.string(),
  status: citizenStatusWordsSchema.nullable(),
  /** When the municipality must decide on it (Awb 7:10), with the explanation. */
  decisionDue: z.string().nullable(),
  decisionDueExplanation: words,
});
export type PortalObjection = z.infer<typeof portalObjectionSchema>;

export const portalDecisionSchema = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  caseReference: z.string(),
  law: z.enum(['wmo', 'jeugdwet']),
  outcome: decisionOutcomeSchema,
  decidedOn: z.string(),
  reasons: z.string(),
  provisions: z.array(z.object({
    /** The product category's Dutch name (WMO020 / JZ020), never only its code. */
    what: z.string(),
    form: z.enum(['zin', 'pgb']),
    volume: z.number().int().nullable(),
    unit: words.nullable(),
    frequency: words.nullable(),
    budgetCents: z.number().int().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    /** The care provider's name once the provision is allocated (toegewezen). */
    provider: z.string().nullable(),
  })),
  objection: z.object({
    /** The last day to object (Awb 6:7 and 6:8, on the statutory calendar). */
    until: z.string(),
    explanation: words,
    /** False once the last day has passed: an objection is still received, marked late (Awb 6:11). */
    inTime: z.boolean(),
  }),
  objections: z.array(portalObjectionSchema),
});
export type PortalDecision = z.infer<typeof portalDecisionSchema>;

export const decisionRefParam = z.object({ ref: personRefSchema, decisionId: z.string().uuid() });
export const decisionsOutputSchema = z.object({ decisions: z.array(portalDecisionSchema) });
export const objectionOutputSchema = z.object({ objection: portalObjectionSchema, decision: portalDecisionSchema });
