import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';
import { bsnInputSchema } from './debt.schema';

/** The creditors the Wgs early-warning covenant names (Besluit gemeentelijke schuldhulpverlening art. 2-5). */
export const signalSectors = ['housing', 'energy', 'water', 'health-insurance'] as const;
export const signalSectorSchema = z.enum(signalSectors);

export const signalKinds = ['arrears', 'eviction', 'cut-off-energy', 'cut-off-water', 'health-insurance-termination'] as const;
export const signalKindSchema = z.enum(signalKinds);
export type SignalKind = z.infer<typeof signalKindSchema>;

/** A signal of arrears above EUR 100,000 is not a household's payment arrears but a typing error. */
export const MAX_ARREARS_CENTS = 10_000_000;

export const incomingSignalSchema = z.object({
  bsn: bsnInputSchema,
  creditorName: z.string().trim().min(2).max(200),
  sector: signalSectorSchema,
  kind: signalKindSchema.default('arrears'),
  arrearsCents: z.number().int().min(1).max(MAX_ARREARS_CENTS),
  monthsInArrears: z.number().int().min(0).max(120).optional(),
  signalDate: calendarDateSchema,
  externalReference: z.string().trim().max(100).optional(),
});
export type IncomingSignal = z.infer<typeof incomingSignalSchema>;
export type IncomingSignalInput = z.input<typeof incomingSignalSchema>;

export const signalLineReportSchema = z.object({
  line: z.number().int(),
  outcome: z.enum(['created', 'merged', 'refused']),
  signalId: z.string().uuid().optional(),
  reasons: z.array(z.string()).optional(),
});
export type SignalLineReport = z.infer<typeof signalLineReportSchema>;

export const signalImportReportSchema = z.object({
  booked: z.boolean(),
  created: z.number().int(),
  merged: z.number().int(),
  refused: z.number().int(),
  lines: z.array(signalLineReportSchema),
});
export type SignalImportReport = z.infer<typeof signalImportReportSchema>;

export const offerStatuses = ['new', 'offered', 'accepted', 'declined', 'no-response'] as const;
export const offerStatusSchema = z.enum(offerStatuses);

/**
 * What anyone may see of a signal before the resident accepts help (Wgs art. 8b): the signal itself
 * and identifying BRP data. Nothing else is in this shape, on purpose.
 */
export const signalViewSchema = z.object({
  id: z.string().uuid(),
  bsn: z.string(),
  resident: z.object({ name: z.string(), birthDate: z.string().nullable(), address: z.string().nullable() }).nullable(),
  creditorName: z.string(),
  sector: z.string(),
  kind: signalKindSchema,
  urgent: z.boolean(),
  arrearsCents: z.number().int(),
  monthsInArrears: z.number().int().nullable(),
  firstSignalOn: z.string(),
  lastSignalOn: z.string(),
  timesReceived: z.number().int(),
  offerStatus: offerStatusSchema,
  offeredOn: z.string().nullable(),
  respondedOn: z.string().nullable(),
  /** The first-conversation deadline that would start if the offer is accepted today. */
  debtFileId: z.string().uuid().nullable(),
});
export type SignalView = z.infer<typeof signalViewSchema>;

export const respondToOfferInputSchema = z.discriminatedUnion('response', [
  z.object({ response: z.literal('accepted'), contact: z.string().trim().min(2).max(200), householdBsns: z.array(bsnInputSchema).max(20).default([]), teamId: z.string().uuid().optional() }),
  z.object({ response: z.literal('declined') }),
  z.object({ response: z.literal('no-response') }),
]);
export type RespondToOfferInput = z.input<typeof respondToOfferInputSchema>;

/** Query: `status` is a comma-separated list of offer statuses (default: new,offered). */
export const listSignalsInputSchema = z.object({
  status: z.string().regex(/^[a-z-]+(,[a-z-]+)*$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
