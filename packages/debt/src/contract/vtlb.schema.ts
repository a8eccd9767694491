import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

export const householdSituations = ['single', 'single-parent', 'couple', 'couple-with-children'] as const;
export type HouseholdSituation = (typeof householdSituations)[number];

const monthly = z.number().int().min(0).max(10_000_000);

export const vtlbInputBaseSchema = z.object({
    referenceDate: calendarDateSchema,
    situation: z.enum(householdSituations),
    children: z.number().int().min(0).max(20).default(0),
    /** Participatiewet art. 22a: people of 21+ sharing the home, the resident (and partner) included. */
    costSharers: z.number().int().min(1).max(20),
    /** Net household income per month, child benefits (kinderbijslag, kindgebonden budget) excluded. */
    netIncomeCents: monthly,
    /** Rent or mortgage per month, after huurtoeslag. */
    housingCostsCents: monthly,
    /** Basic health-insurance premium per month for the adults. */
    healthPremiumCents: monthly,
    zorgtoeslagCents: monthly.default(0),
    /** Further corrections the Recofa method allows (work travel, childcare, alimony paid ...), each named. */
    corrections: z.array(z.object({ label: z.string().trim().min(3).max(200), cents: monthly })).max(20).default([]),
  });

/**
 * A VTLB norm table: the figures the Recofa method applies, valid for a period. The Recofa
 * norms are revised on 1 January and 1 July, so a table starts on one of those days; an
 * administrator stores the new table (route + validation) and calculations pick the table valid
 * on their reference date. Amounts are eurocents per month.
 */
export const vtlbNormTableSchema = z
  .object({
    validFrom: calendarDateSchema,
    validUntil: calendarDateSchema,
    source: z.string().trim().min(3).max(500),
    /** Where a figure is an assumption rather than a published norm, it says so here. */
    assumptions: z.array(z.string().trim().min(3).max(500)).max(30).default([]),
    /** Participatiewet art. 21 sub b: the norm for married or cohabiting people. */
    coupleNormCents: z.number().int().min(50_000).max(1_000_000),
    /** Participatiewet art. 21 sub a: the norm for a single person or single parent. */
    singleNormCents: z.number().int().min(30_000).max(1_000_000),
    /** Participatiewet art. 22a: kostendelersnorm per person = (base + A x perPerson) / A of the couple norm. */
    costSharer: z.object({ baseBasisPoints: z.number().int().min(0).max(10_000), perPersonBasisPoints: z.number().int().min(0).max(10_000) }),
    /** The VTLB base as a share of the bijstandsnorm (Recofa: 95%). */
    basePercentage: z.number().int().min(80).max(100),
    /** Housing costs the norm already covers, per household kind; above it a supplement, up to the ceiling. */
    housing: z.object({ normSingleCents: z.number().int().min(0).max(500_000), normCoupleCents: z.number().int().min(0).max(500_000), ceilingCents: z.number().int().min(0).max(1_000_000) }),
    /** Health-insurance premium the norm already covers, per adult; the rest (after zorgtoeslag) is a supplement. */
    health: z.object({ normPremiumPerAdultCents: z.number().int().min(0).max(100_000) }),
  })
  .superRefine((t, ctx) => {
    if (t.validUntil <= t.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must be after validFrom' });
    if (!/-(01|07)-01$/.test(t.validFrom)) ctx.addIssue({ code: 'custom', path: ['validFrom'], message: 'norm tables start on 1 January or 1 July' });
    if (!/-(06-30|12-31)$/.test(t.validUntil)) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'norm tables end on 30 June or 31 December' });
    if (t.singleNormCents >= t.coupleNormCents) ctx.addIssue({ code: 'custom', path: ['singleNormCents'], message: 'the single norm is below the couple norm' });
    if (t.housing.ceilingCents < Math.max(t.housing.normSingleCents, t.housing.normCoupleCents)) ctx.addIssue({ code: 'custom', path: ['housing', 'ceilingCents'], message: 'the ceiling is at least the housing norm' });
  });
export type VtlbNormTable = z.infer<typeof vtlbNormTableSchema>;
export type VtlbNormTableInput = z.input<typeof vtlbNormTableSchema>;

export const calculateVtlbInputSchema = vtlbInputBaseSchema.extend({ referenceDate: vtlbInputBaseSchema.shape.referenceDate.optional() });

export const vtlbLineSchema = z.object({ code: z.string(), label: z.object({ nl: z.string(), en: z.string() }), amountCents: z.number().int(), explanation: z.object({ nl: z.string(), en: z.string() }) });
