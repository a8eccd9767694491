import type { z } from 'zod';
import { vtlbInputBaseSchema, type HouseholdSituation } from './contract/vtlb.schema';
import type { VtlbNormTable } from './vtlb-norms';

export { householdSituations, vtlbInputBaseSchema, type HouseholdSituation } from './contract/vtlb.schema';

export const vtlbInputSchema = vtlbInputBaseSchema.superRefine((v, ctx) => {
    const adults = adultsOf(v.situation);
    if (v.costSharers < adults) ctx.addIssue({ code: 'custom', path: ['costSharers'], message: `at least ${adults} for this household situation` });
    if ((v.situation === 'single-parent' || v.situation === 'couple-with-children') && v.children === 0) ctx.addIssue({ code: 'custom', path: ['children'], message: 'a household with children has at least one child' });
    if ((v.situation === 'single' || v.situation === 'couple') && v.children > 0) ctx.addIssue({ code: 'custom', path: ['situation'], message: 'choose the situation with children' });
  });
export type VtlbInput = z.input<typeof vtlbInputSchema>;

export interface VtlbLine {
  code: 'bijstandsnorm' | 'base' | 'housing' | 'health' | 'correction' | 'vtlb' | 'income' | 'capacity';
  label: { nl: string; en: string };
  amountCents: number;
  explanation: { nl: string; en: string };
}

export interface VtlbResult {
  normTable: { validFrom: string; validUntil: string; source: string; assumptions: string[] };
  lines: VtlbLine[];
  vtlbCents: number;
  /** Aflossingscapaciteit: what the household can pay per month (income above the VTLB). */
  capacityCents: number;
}

function adultsOf(s: HouseholdSituation): 1 | 2 {
  return s === 'couple' || s === 'couple-with-children' ? 2 : 1;
}

/** a * b / c rounded half up, exact for non-negative integers. */
function mulDivRound(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((2n * n + d) / (2n * d));
}

export const euro = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${whole},${String(abs % 100).padStart(2, '0')}`;
};

const situationNl: Record<HouseholdSituation, string> = { single: 'alleenstaande', 'single-parent': 'alleenstaande ouder', couple: 'gehuwden of samenwonenden', 'couple-with-children': 'gehuwden of samenwonenden met kinderen' };
const situationEn: Record<HouseholdSituation, string> = { single: 'single person', 'single-parent': 'single parent', couple: 'married or cohabiting couple', 'couple-with-children': 'couple with children' };

/**
 * The vrij te laten bedrag (VTLB) by the Recofa method and the repayment capacity, every line with
 * the figure and the rule it comes from, so the resident and the creditors can check it.
 */
export function computeVtlb(raw: VtlbInput, norms: VtlbNormTable): VtlbResult {
  const v = vtlbInputSchema.parse(raw);
  if (v.referenceDate < norms.validFrom || v.referenceDate > norms.validUntil) throw new RangeError(`norm table ${norms.validFrom} does not cover ${v.referenceDate}`);
  const adults = adultsOf(v.situation);
  const lines: VtlbLine[] = [];

  // 1. The bijstandsnorm for the household situation, or the kostendelersnorm.
  let norm: number;
  let normNl: string;
  let normEn: string;
  if (v.costSharers === adults) {
    norm = adults === 2 ? norms.coupleNormCents : norms.singleNormCents;
    normNl = `Bijstandsnorm voor ${situationNl[v.situation]} (Participatiewet art. 21 sub ${adults === 2 ? 'b' : 'a'}): ${euro(norm)}.${v.children > 0 ? ` Kinderen verhogen de norm niet; kinderbijslag en kindgebonden budget tellen niet als inkomen.` : ''}`;
    normEn = `Social assistance norm for a ${situationEn[v.situation]} (Participatiewet art. 21(${adults === 2 ? 'b' : 'a'})): ${euro(norm)}.${v.children > 0 ? ' Children do not raise the norm; child benefits do not count as income.' : ''}`;
  } else {
    const a = v.costSharers;
    const shareBp = norms.costSharer.baseBasisPoints + a * norms.costSharer.perPersonBasisPoints; // over A persons
    const perPerson = mulDivRound(norms.coupleNormCents, shareBp, a * 10_000);
    norm = perPerson * adults;
    const pct = (shareBp / a / 100).toFixed(2).replace('.', ',');
    normNl = `Kostendelersnorm (Participatiewet art. 22a): ${a} kostendelers, per persoon (${norms.costSharer.baseBasisPoints / 100}% + ${a} × ${norms.costSharer.perPersonBasisPoints / 100}%) / ${a} = ${pct}% van ${euro(norms.coupleNormCents)} = ${euro(perPerson)}${adults === 2 ? `, voor beide partners ${euro(norm)}` : ''}.`;
    normEn = `Cost-sharer norm (Participatiewet art. 22a): ${a} cost-sharers, per person (${norms.costSharer.baseBasisPoints / 100}% + ${a} × ${norms.costSharer.perPersonBasisPoints / 100}%) / ${a} = ${pct.replace(',', '.')}% of ${euro(norms.coupleNormCents)} = ${euro(perPerson)}${adults === 2 ? `, for both partners ${euro(norm)}` : ''}.`;
  }
  lines.push({ code: 'bijstandsnorm', label: { nl: 'Bijstandsnorm', en: 'Social assistance norm' }, amountCents: norm, explanation: { nl: normNl, en: normEn } });

  // 2. The 95% base.
  const baseCents = mulDivRound(norm, norms.basePercentage, 100);
  lines.push({
    code: 'base', label: { nl: `${norms.basePercentage}% van de norm`, en: `${norms.basePercentage}% of the norm` }, amountCents: baseCents,
    explanation: { nl: `Basis van het VTLB: ${norms.basePercentage}% van ${euro(norm)} = ${euro(baseCents)} (Recofa).`, en: `VTLB base: ${norms.basePercentage}% of ${euro(norm)} = ${euro(baseCents)} (Recofa).` },
  });

  // 3. Housing costs above what the norm covers, up to the ceiling.
  const housingNorm = adults === 2 ? norms.housing.normCoupleCents : norms.housing.normSingleCents;
  const counted = Math.min(v.housingCostsCents, norms.housing.ceilingCents);
  const housing = Math.max(0, counted - housingNorm);
  lines.push({
    code: 'housing', label: { nl: 'Woonkostentoeslag', en: 'Housing supplement' }, amountCents: housing,
    explanation: {
      nl: `Woonlasten ${euro(v.housingCostsCents)}${counted < v.housingCostsCents ? `, begrensd op ${euro(norms.housing.ceilingCents)}` : ''}, min ${euro(housingNorm)} die al in de norm zit = ${euro(housing)}.`,
      en: `Housing costs ${euro(v.housingCostsCents)}${counted < v.housingCostsCents ? `, capped at ${euro(norms.housing.ceilingCents)}` : ''}, less ${euro(housingNorm)} already in the norm = ${euro(housing)}.`,
    },
  });

  // 4. Health-insurance premium above what the norm covers, after zorgtoeslag.
  const premiumNorm = norms.health.normPremiumPerAdultCents * adults;
  const health = Math.max(0, v.healthPremiumCents - v.zorgtoeslagCents - premiumNorm);
  lines.push({
    code: 'health', label: { nl: 'Ziektekostentoeslag', en: 'Health-costs supplement' }, amountCents: health,
    explanation: {
      nl: `Premie ${euro(v.healthPremiumCents)} min zorgtoeslag ${euro(v.zorgtoeslagCents)} min ${euro(premiumNorm)} die al in de norm zit (${adults} volwassene${adults === 2 ? 'n' : ''}) = ${euro(health)}.`,
      en: `Premium ${euro(v.healthPremiumCents)} less health-care allowance ${euro(v.zorgtoeslagCents)} less ${euro(premiumNorm)} already in the norm (${adults} adult${adults === 2 ? 's' : ''}) = ${euro(health)}.`,
    },
  });

  // 5. Named corrections.
  for (const c of v.corrections) {
    lines.push({ code: 'correction', label: { nl: c.label, en: c.label }, amountCents: c.cents, explanation: { nl: `Correctie: ${c.label}, ${euro(c.cents)}.`, en: `Correction: ${c.label}, ${euro(c.cents)}.` } });
  }

  const vtlbCents = lines.filter((l) => l.code !== 'bijstandsnorm').reduce((s, l) => s + l.amountCents, 0);
  lines.push({ code: 'vtlb', label: { nl: 'Vrij te laten bedrag', en: 'Protected amount (VTLB)' }, amountCents: vtlbCents, explanation: { nl: 'Som van de basis, de toeslagen en de correcties.', en: 'Sum of the base, the supplements and the corrections.' } });
  lines.push({ code: 'income', label: { nl: 'Netto inkomen', en: 'Net income' }, amountCents: v.netIncomeCents, explanation: { nl: 'Netto huishoudinkomen per maand, zonder kinderbijslag en kindgebonden budget.', en: 'Net household income per month, without child benefits.' } });
  const capacityCents = Math.max(0, v.netIncomeCents - vtlbCents);
  lines.push({
    code: 'capacity', label: { nl: 'Aflossingscapaciteit', en: 'Repayment capacity' }, amountCents: capacityCents,
    explanation: {
      nl: capacityCents > 0 ? `${euro(v.netIncomeCents)} min het VTLB ${euro(vtlbCents)} = ${euro(capacityCents)} per maand.` : `Het inkomen (${euro(v.netIncomeCents)}) ligt niet boven het VTLB (${euro(vtlbCents)}): geen aflossingscapaciteit.`,
      en: capacityCents > 0 ? `${euro(v.netIncomeCents)} less the VTLB ${euro(vtlbCents)} = ${euro(capacityCents)} per month.` : `The income (${euro(v.netIncomeCents)}) is not above the VTLB (${euro(vtlbCents)}): no repayment capacity.`,
    },
  });
  return {
    normTable: { validFrom: norms.validFrom, validUntil: norms.validUntil, source: norms.source, assumptions: norms.assumptions },
    lines, vtlbCents, capacityCents,
  };
}
