import { shownCountSchema } from '@kern/access/contract';
import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';
import { creditorSectors, type CreditorSector } from './debt.schema';

/** The longest repayment term of the NIHS model: 15 years. */
export const MAX_TERM_MONTHS = 180;
/** A monthly repayment above EUR 100,000 is a typo, not an income-dependent amount. */
export const MAX_MONTHLY_CENTS = 10_000_000;

const basisPoints = z.number().int().min(0).max(10_000);

/**
 * The fund's terms for one municipality from a date on: what percentage of a verified claim the
 * fund pays per creditor sector (agreed with the creditors), the longest term, and the
 * forgiveness rules. Data, versioned: a change is a new version from a new date.
 */
export const fundTermsSchema = z
  .object({
    validFrom: calendarDateSchema,
    sectorRates: z.object(Object.fromEntries(creditorSectors.map((s) => [s, basisPoints])) as Record<CreditorSector, typeof basisPoints>),
    maxTermMonths: z.number().int().min(1).max(MAX_TERM_MONTHS),
    forgiveness: z.object({
      /** Share of the remaining balance forgiven when a plan goal marked as a milestone is reached. */
      milestoneShareBasisPoints: basisPoints,
      /** At most this many milestones are rewarded per resident. */
      maxMilestones: z.number().int().min(0).max(50),
      /** What remains at the end of the term is forgiven (the NIHS model); false keeps it owed. */
      forgiveRestAtEndOfTerm: z.boolean(),
    }),
  })
  .strict();
export type FundTerms = z.infer<typeof fundTermsSchema>;

/** Shipped default until a municipality stores its own: illustrative percentages, say so on screen. */
export const defaultFundTerms: FundTerms = {
  validFrom: '2020-01-01',
  sectorRates: { housing: 7_000, energy: 6_000, water: 6_000, 'health-insurance': 6_500, public: 5_000, other: 4_000 },
  maxTermMonths: MAX_TERM_MONTHS,
  forgiveness: { milestoneShareBasisPoints: 1_000, maxMilestones: 5, forgiveRestAtEndOfTerm: true },
};

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

export const takeOverInputSchema = z
  .object({
    decisionOn: calendarDateSchema,
    /** Income-dependent monthly amount; omitted: the repayment capacity of the latest VTLB. */
    monthlyCents: z.number().int().min(0).max(MAX_MONTHLY_CENTS).optional(),
    termMonths: z.number().int().min(1).max(MAX_TERM_MONTHS).optional(),
  })
  .strict();
export type TakeOverInput = z.input<typeof takeOverInputSchema>;

export const milestoneInputSchema = z
  .object({ debtFileId: z.string().uuid(), goalRef: z.string().min(1).max(100), reachedOn: calendarDateSchema })
  .strict();
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

export const runMonthInputSchema = z.object({ period: periodSchema }).strict();

export const participationSchema = z.object({
  id: z.string(),
  debtFileId: z.string(),
  cohort: z.string(),
  decisionOn: z.string(),
  takeOverDue: z.string(),
  takenOverOn: z.string(),
  monthlyCents: z.number().int(),
  termMonths: z.number().int(),
  firstPeriod: z.string(),
  lastPeriod: z.string(),
  takenOverCents: z.number().int(),
  balanceCents: z.number().int(),
  repaidCents: z.number().int(),
  forgivenCents: z.number().int(),
  status: z.enum(['repaying', 'completed']),
});
export type Participation = z.infer<typeof participationSchema>;

export const statementSchema = z.object({
  participation: participationSchema,
  debts: z.array(z.object({ creditorName: z.string(), sector: z.string(), claimCents: z.number().int(), rateBasisPoints: z.number().int(), settlementCents: z.number().int() })),
  lines: z.array(z.object({ bookedOn: z.string(), period: z.string().nullable(), kind: z.enum(['take-over', 'repayment', 'forgiveness']), amountCents: z.number().int(), balanceAfterCents: z.number().int() })),
  monthsLeft: z.number().int(),
  milestones: z.array(z.object({ goalRef: z.string(), reachedOn: z.string(), forgivenCents: z.number().int() })),
});
export type Statement = z.infer<typeof statementSchema>;

export const monthRunResultSchema = z.object({
  period: z.string(),
  bookedCount: z.number().int(),
  bookedCents: z.number().int(),
  forgivenCount: z.number().int(),
  forgivenCents: z.number().int(),
  alreadyBooked: z.number().int(),
});
export type MonthRunResult = z.infer<typeof monthRunResultSchema>;

export const cohortRowSchema = z.object({
  cohort: z.string(),
  /** Fewer residents than the threshold: figures suppressed (aggregates only, no small cells). */
  suppressed: z.boolean(),
  residents: z.number().int().nullable(),
  takenOverCents: z.number().int().nullable(),
  exposureCents: z.number().int().nullable(),
  repaidCents: z.number().int().nullable(),
  forgivenCents: z.number().int().nullable(),
  /** Repaid as a share of what the fund took over, in basis points. */
  repaymentRateBasisPoints: z.number().int().nullable(),
});
export const dashboardSchema = z.object({
  /** residents: "< 5" for a role without personal data when the fund has fewer residents. */
  totals: z.object({ residents: shownCountSchema, takenOverCents: z.number().int(), exposureCents: z.number().int(), repaidCents: z.number().int(), forgivenCents: z.number().int(), repaymentRateBasisPoints: z.number().int(), cashCents: z.number().int(), payableCents: z.number().int() }),
  cohorts: z.array(cohortRowSchema),
  smallCellThreshold: z.number().int(),
});
export type FundDashboard = z.infer<typeof dashboardSchema>;

export const payCreditorsInputSchema = z.object({ amountCents: z.number().int().min(1).max(100_000_000_000) }).strict();
