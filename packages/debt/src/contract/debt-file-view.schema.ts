import { z } from 'zod';
import { debtFileSchema, debtSchema, debtTotalsSchema } from './debt.schema';
import { signalKindSchema } from './signal.schema';
import { vtlbLineSchema } from './vtlb.schema';

export const vtlbResultSchema = z.object({
  normTable: z.object({ validFrom: z.string(), validUntil: z.string(), source: z.string(), assumptions: z.array(z.string()) }),
  lines: z.array(vtlbLineSchema),
  vtlbCents: z.number().int(),
  capacityCents: z.number().int(),
});
export const solutionSchema = z.object({
  id: z.string(), debtFileId: z.string(), kind: z.string(), status: z.string(), vtlbCalculationId: z.string(), termMonths: z.number().int(), capacityCents: z.number().int(),
  totalClaimsCents: z.number().int(), availableCents: z.number().int(), payoutBasisPoints: z.number().int(), lender: z.string().nullable(), proposedOn: z.string(), agreedOn: z.string().nullable(),
});
export const offerSchema = z.object({
  id: z.string(), solutionId: z.string(), debtId: z.string(), creditorId: z.string(), creditorName: z.string(), category: z.string(), claimCents: z.number().int(),
  offeredCents: z.number().int(), status: z.enum(['sent', 'accepted', 'rejected']), respondedOn: z.string().nullable(),
});
export const solutionViewSchema = z.object({ solution: solutionSchema, offers: z.array(offerSchema) });
export const fileSignalSchema = z.object({
  id: z.string(), subjectBsn: z.string(), creditorId: z.string(), creditorName: z.string(), sector: z.string(), kind: signalKindSchema, arrearsCents: z.number().int(),
  monthsInArrears: z.number().int().nullable(), firstSignalOn: z.string(), lastSignalOn: z.string(), timesReceived: z.number().int(), offerStatus: z.string(),
  offeredOn: z.string().nullable(), respondedOn: z.string().nullable(), debtFileId: z.string().nullable(),
});
export const debtFileViewSchema = z.object({
  file: debtFileSchema,
  debts: z.array(debtSchema),
  totals: debtTotalsSchema,
  terms: z.array(z.object({ term: z.enum(['first-conversation', 'decision', 'moratorium']), due: z.string(), metOn: z.string().nullable(), status: z.enum(['met', 'met-late', 'open', 'overdue']) })),
  signals: z.array(fileSignalSchema),
  vtlb: z.object({ id: z.string(), referenceDate: z.string(), input: z.record(z.string(), z.unknown()), result: vtlbResultSchema, vtlbCents: z.number().int(), capacityCents: z.number().int(), calculatedAt: z.string() }).nullable(),
  solution: solutionViewSchema.nullable(),
  creditors: z.array(z.object({ creditorId: z.string(), creditorName: z.string(), claimedCents: z.number().int(), verifiedCents: z.number().int(), offeredCents: z.number().int(), offerStatus: z.string().nullable() })),
});
