import { z } from 'zod';

/**
 * A representation with proof (issue 22): a court order that makes someone a resident's
 * representative (curatele, mentorschap, bewind), recorded by one staff member and in effect once a
 * second one approves it. A written machtiging is not recorded by staff: it comes from DigiD Machtigen.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const recordRepresentationInputSchema = z.object({
  representativeBsn: z.string().regex(/^\d{9}$/),
  kind: z.enum(['curatele', 'mentorschap', 'bewindvoering']),
  /** The court's reference (zaaknummer / rekestnummer) of the decision, as it stands on the order. */
  courtReference: z.string().trim().min(3).max(100),
  validFrom: isoDate.optional(),
  validUntil: isoDate.optional(),
});
export type RecordRepresentationInput = z.infer<typeof recordRepresentationInputSchema>;

export const representationSchema = z.object({
  id: z.string(),
  representativeBsn: z.string(),
  representedBsn: z.string(),
  kind: z.string(),
  source: z.string(),
  courtReference: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  recordedBy: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
});
export type Representation = z.infer<typeof representationSchema>;

export const recordRepresentationOutputSchema = z.object({ id: z.string().uuid(), status: z.literal('pending') });
export const decideRepresentationInputSchema = z.object({ verdict: z.enum(['approved', 'rejected']), note: z.string().trim().min(3).max(2000) });
export const representationsOutputSchema = z.object({ representations: z.array(representationSchema) });
