import { vtlbNormTableSchema, type VtlbNormTable } from './contract/vtlb.schema';

export { vtlbNormTableSchema, type VtlbNormTable, type VtlbNormTableInput } from './contract/vtlb.schema';


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
