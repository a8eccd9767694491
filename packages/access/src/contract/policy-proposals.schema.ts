import { z } from 'zod';
import { policyDiffSchema } from './access-routes.schema';

export const proposePolicyInputSchema = z.object({
  document: z.unknown(),
  /** Why the municipality changes its policy: the approver and the auditor read it. */
  reason: z.string().trim().min(10).max(2000),
});

export const policyProposalSchema = z.object({
  id: z.string().uuid(),
  /** The version in force when it was proposed (0 = the shipped default). */
  baseVersion: z.number().int(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  reason: z.string(),
  proposedBy: z.string(),
  proposedByName: z.string().optional(),
  proposedAt: z.string(),
  decidedBy: z.string().optional(),
  decidedByName: z.string().optional(),
  decidedAt: z.string().optional(),
  decisionNote: z.string().optional(),
  /** The version it became once approved. */
  version: z.number().int().optional(),
  summary: z.string(),
  diff: policyDiffSchema,
  document: z.unknown(),
});
export type PolicyProposal = z.infer<typeof policyProposalSchema>;

export const listPolicyProposalsInputSchema = z.object({ status: z.enum(['proposed', 'decided', 'all']).default('proposed') });
export const listPolicyProposalsOutputSchema = z.object({ proposals: z.array(policyProposalSchema) });
export const proposePolicyOutputSchema = z.object({ proposal: policyProposalSchema });

export const approvePolicyInputSchema = z.object({ note: z.string().trim().min(1).max(2000).optional() });
export const rejectPolicyInputSchema = z.object({ note: z.string().trim().min(1).max(2000) });
