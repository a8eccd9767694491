import { z } from 'zod';

export const solutionKinds = ['payment-arrangement', 'debt-mediation', 'sanitation-credit', 'zero-offer'] as const;
export const proposeSolutionInputSchema = z.object({
  kind: z.enum(solutionKinds),
  /** The lender that pays the creditors at once (saneringskrediet), e.g. the municipal credit bank. */
  lender: z.string().trim().min(2).max(200).optional(),
});
export const offerResponseInputSchema = z.object({ response: z.enum(['accepted', 'rejected']) });
