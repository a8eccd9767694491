import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

const twoDigits = z.string().regex(/^\d{2}$/, 'two digits, e.g. "01"');
export const toewijzingNummerSchema = z.string().regex(/^[0-9]{1,9}$/, 'a ToewijzingNummer is 1 to 9 digits');
export const agbCodeSchema = z.string().regex(/^[0-9]{8}$/, 'an AGB code is eight digits');

export const allocationStatusSchema = z.enum(['active', 'ended', 'withdrawn']);
export type AllocationStatus = z.infer<typeof allocationStatusSchema>;

/**
 * Allocating a granted zin provision to a contracted provider. Size and product default to the
 * provision's; what is given must stay within it (same product, unit and frequency, no more
 * volume or budget, inside its period).
 */
export const allocateInputSchema = z.object({
  grantedProvisionId: z.string().uuid(),
  providerAgb: agbCodeSchema,
  startDate: calendarDateSchema,
  endDate: calendarDateSchema.nullable().optional(),
  volume: z.number().int().nullable().optional(),
  budgetCents: z.number().int().nullable().optional(),
});
export type AllocateInput = z.input<typeof allocateInputSchema>;

/** A change keeps the allocation running: a new end date (shorter or longer), volume (total-in-period only) or budget. */
export const changeAllocationInputSchema = z.object({
  reason: twoDigits,
  endDate: calendarDateSchema.nullable().optional(),
  volume: z.number().int().optional(),
  budgetCents: z.number().int().optional(),
});
export type ChangeAllocationInput = z.input<typeof changeAllocationInputSchema>;

/** An ending: the last day of care and why (RedenBeeindiging, with the RedenWijziging sent in the 301). */
export const endAllocationInputSchema = z.object({
  endDate: calendarDateSchema,
  endingReason: twoDigits.optional(),
  changeReason: twoDigits.optional(),
});
export type EndAllocationInput = z.input<typeof endAllocationInputSchema>;

export const allocationChangeSchema = z.object({
  kind: z.enum(['created', 'changed', 'ended', 'withdrawn']),
  reason: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string(),
  state: z.record(z.string(), z.unknown()),
});

export const allocationSchema = z.object({
  id: z.string(),
  toewijzingNummer: z.string(),
  grantedProvisionId: z.string(),
  subjectBsn: z.string(),
  providerId: z.string(),
  providerAgb: z.string(),
  providerName: z.string(),
  contractId: z.string().nullable(),
  standard: z.enum(['iwmo', 'ijw']),
  category: z.string(),
  productCode: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  volume: z.number().int().nullable(),
  unit: z.string().nullable(),
  frequency: z.string().nullable(),
  budgetCents: z.number().int().nullable(),
  changeReason: z.string().nullable(),
  endingReason: z.string().nullable(),
  status: allocationStatusSchema,
  allocatedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type Allocation = z.infer<typeof allocationSchema>;

export const allocationDetailSchema = allocationSchema.extend({ history: z.array(allocationChangeSchema) });
export type AllocationDetail = z.infer<typeof allocationDetailSchema>;

export const providerAllocationsFilterSchema = z.object({
  status: allocationStatusSchema.optional(),
  category: twoDigits.optional(),
  /** Allocations running on any day between from and to (inclusive). */
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ProviderAllocationsFilter = z.input<typeof providerAllocationsFilterSchema>;
