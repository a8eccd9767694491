import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

export const decisionOutcomes = ['granted', 'partly-granted', 'refused'] as const;
export const decisionOutcomeSchema = z.enum(decisionOutcomes);
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;

const twoDigits = z.string().regex(/^\d{2}$/, 'two digits, e.g. "01"');

/** One granted provision: zorg in natura (zin) or a personal budget (pgb), sized per an allocation variant. */
export const grantedProvisionInputSchema = z.object({
  category: twoDigits,
  productCode: z.string().trim().min(1).max(5).nullable().optional(),
  form: z.enum(['zin', 'pgb']),
  volume: z.number().int().nullable().optional(),
  unit: twoDigits.nullable().optional(),
  frequency: z.string().regex(/^\d$/).nullable().optional(),
  budgetCents: z.number().int().nullable().optional(),
  /** Pgb only: the budget paid to the citizen (through the SVB). */
  pgbAmountCents: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  validFrom: calendarDateSchema,
  validTo: calendarDateSchema.nullable().optional(),
});
export type GrantedProvisionInput = z.infer<typeof grantedProvisionInputSchema>;

export const recordDecisionInputSchema = z.object({
  outcome: decisionOutcomeSchema,
  /** The reasons as the citizen reads them (B1), also shown in the portal. */
  reasons: z.string().trim().min(10).max(20_000),
  /** The day the decision is taken and sent; defaults to today. The objection term counts from it. */
  decidedOn: calendarDateSchema.optional(),
  provisions: z.array(grantedProvisionInputSchema).max(20).default([]),
  /** Optionally take the case's next step in the same transaction (e.g. "toewijzen" or "afgewezen"). */
  transition: z.object({ to: z.string().min(1).max(64), fields: z.record(z.string(), z.unknown()).default({}) }).optional(),
});
export type RecordDecisionInput = z.input<typeof recordDecisionInputSchema>;

export const grantedProvisionSchema = z.object({
  id: z.string(),
  decisionId: z.string(),
  standard: z.enum(['iwmo', 'ijw']),
  category: z.string(),
  productCode: z.string().nullable(),
  form: z.enum(['zin', 'pgb']),
  volume: z.number().int().nullable(),
  unit: z.string().nullable(),
  frequency: z.string().nullable(),
  budgetCents: z.number().int().nullable(),
  pgbAmountCents: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type GrantedProvision = z.infer<typeof grantedProvisionSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  reference: z.string(),
  subjectBsn: z.string(),
  law: z.enum(['wmo', 'jeugdwet']),
  outcome: decisionOutcomeSchema,
  reasons: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string(),
  objectionUntil: z.string(),
  createdAt: z.string(),
  provisions: z.array(grantedProvisionSchema),
});
export type Decision = z.infer<typeof decisionSchema>;

export const recordDecisionOutputSchema = z.object({
  decision: decisionSchema,
  /** Where the case went when a transition was taken with the decision. */
  case: z.object({ stepId: z.string(), status: z.enum(['open', 'closed']) }).nullable(),
});
