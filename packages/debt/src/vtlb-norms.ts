import { calendarDateSchema } from '@kern/kit';
import { z } from 'zod';

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

const ASSUMPTIONS = [
  'Bijstandsnormen: the unindexed amounts in the statutory text of Participatiewet art. 21 (EUR 1,091.71 single, EUR 1,559.58 couple), not the indexed amounts of this half year; replace with the SZW indexation figures.',
  'Kostendelersnorm: art. 22a formula (40% + A x 30%) / A of the couple norm.',
  'Housing norm (EUR 250.00 single, EUR 300.00 couple) and ceiling (EUR 900.07, the huurtoeslag rent limit order of magnitude): assumptions, not the published Recofa figures.',
  'Health premium in the norm (EUR 50.00 per adult): an assumption, not the published Recofa figure.',
];

const base = {
  source: 'Participatiewet art. 21 and 22a (BWBR0015703); Recofa-methode (Aanbevelingen VTLB), 95% base',
  assumptions: ASSUMPTIONS,
  coupleNormCents: 155_958,
  singleNormCents: 109_171,
  costSharer: { baseBasisPoints: 4000, perPersonBasisPoints: 3000 },
  basePercentage: 95,
  housing: { normSingleCents: 25_000, normCoupleCents: 30_000, ceilingCents: 90_007 },
  health: { normPremiumPerAdultCents: 5_000 },
};

/** The norm tables Kern ships; a municipality's own stored tables take precedence. */
export const shippedNormTables: readonly VtlbNormTable[] = [
  vtlbNormTableSchema.parse({ ...base, validFrom: '2026-01-01', validUntil: '2026-06-30' }),
  vtlbNormTableSchema.parse({ ...base, validFrom: '2026-07-01', validUntil: '2026-12-31' }),
];

/** The table valid on a date, from the given ones (a municipality's own first, then the shipped ones). */
export function normTableOn(date: string, ...sources: (readonly VtlbNormTable[])[]): VtlbNormTable | undefined {
  for (const tables of sources) {
    const t = tables.find((x) => x.validFrom <= date && date <= x.validUntil);
    if (t) return t;
  }
  return undefined;
}
