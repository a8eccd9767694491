import type { Standard } from '@kern/catalogue/contract';
export type { Standard };
import type { InvalidParam, UserMessage } from '@kern/kit';

/**
 * The allocation variants of iWmo / iJw 3.2 (Toewijzingsvarianten inspanning-output): what a
 * granted provision or an allocation may say about its size. Pure rules, no database.
 *
 * - specifiek: a product code with volume x unit (WJ756) x frequency (WMO757), no budget;
 * - aspecifiek: only the category, with or without a budget (no volume, unit or frequency);
 * - "per week" always needs an end date (the weekly volume must have a period to count over);
 * - an aspecifiek allocation with a budget needs an end date, except for category 55 (LTA
 *   trajects, outputgericht); generiek (no category at all) is not a variant Kern issues.
 */

export type Law = 'wmo' | 'jeugdwet';

/** WJ756 Eenheid, with Dutch and English labels for messages (the catalogue's `units` holds the Dutch names only). */
export const unitLabels = {
  '01': { nl: 'minuut', en: 'minute' },
  '04': { nl: 'uur', en: 'hour' },
  '14': { nl: 'etmaal', en: 'day and night' },
  '16': { nl: 'dagdeel (4 uur)', en: 'part of a day (4 hours)' },
  '82': { nl: 'stuks (output)', en: 'items (output)' },
  '83': { nl: "euro's", en: 'euros' },
  '84': { nl: 'stuks (inspanning)', en: 'items (effort)' },
} as const;
export type Unit = keyof typeof unitLabels;
export const unitCodes = Object.keys(unitLabels) as Unit[];

/** WMO757 Frequentie. */
export const frequencies = {
  '1': { nl: 'per dag', en: 'per day' },
  '2': { nl: 'per week', en: 'per week' },
  '4': { nl: 'per maand', en: 'per month' },
  '6': { nl: 'totaal binnen de geldigheidsduur', en: 'in total within the validity period' },
} as const;
export type Frequency = keyof typeof frequencies;
export const frequencyCodes = Object.keys(frequencies) as Frequency[];

/** Units the variant tables allow "per dag" for; the others start at "per week". */
const perDayUnits: readonly string[] = ['01', '04', '82'];

export const standardOfLaw = (law: Law): Standard => (law === 'wmo' ? 'iwmo' : 'ijw');

/** WMO020 (Wmo 01-18) and JZ020 (Jeugdwet 31-38 from 2015, 40-55). */
export function categoryFitsLaw(law: Law, category: string): boolean {
  if (!/^\d{2}$/.test(category)) return false;
  const n = Number(category);
  return law === 'wmo' ? n >= 1 && n <= 18 : (n >= 31 && n <= 38) || (n >= 40 && n <= 55);
}

export interface VariantInput {
  category: string;
  productCode?: string | null | undefined;
  volume?: number | null | undefined;
  unit?: string | null | undefined;
  frequency?: string | null | undefined;
  budgetCents?: number | null | undefined;
  validFrom: string;
  validTo?: string | null | undefined;
}

export type VariantKind = 'specifiek' | 'aspecifiek-met-budget' | 'aspecifiek-zonder-budget';

export interface VariantProblem extends InvalidParam {
  message: UserMessage;
}

export type VariantResult = { ok: true; kind: VariantKind } | { ok: false; problems: VariantProblem[] };

const problem = (name: string, nl: string, en: string): VariantProblem => ({ name, reason: en, message: { nl, en } });
const present = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** Checks one provision or allocation against its law and the variant tables; names every problem. */
export function validateVariant(law: Law, v: VariantInput, path = ''): VariantResult {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const problems: VariantProblem[] = [];
  if (!categoryFitsLaw(law, v.category)) {
    problems.push(law === 'wmo'
      ? problem(at('category'), `Productcategorie ${v.category} hoort niet bij de Wmo (01 tot en met 18).`, `Product category ${v.category} is not a Wmo category (01 to 18).`)
      : problem(at('category'), `Productcategorie ${v.category} hoort niet bij de Jeugdwet (31-38 of 40-55).`, `Product category ${v.category} is not a Jeugdwet category (31-38 or 40-55).`));
  }
  if (present(v.productCode) && !/^[0-9A-Za-z]{1,5}$/.test(v.productCode ?? '')) {
    problems.push(problem(at('productCode'), 'Een productcode heeft 1 tot 5 letters of cijfers.', 'A product code has 1 to 5 letters or digits.'));
  }
  if (v.validTo && v.validTo < v.validFrom) {
    problems.push(problem(at('validTo'), 'De einddatum ligt voor de ingangsdatum.', 'The end date lies before the start date.'));
  }
  const sized = [v.volume, v.unit, v.frequency].filter(present).length;
  if (sized > 0 && sized < 3) {
    problems.push(problem(at('volume'), 'Volume, eenheid en frequentie horen samen: vul ze alle drie of geen van drieën.', 'Volume, unit and frequency go together: give all three or none.'));
  }
  if (present(v.unit) && !(unitCodes as string[]).includes(v.unit ?? '')) {
    problems.push(problem(at('unit'), `Eenheid ${v.unit ?? ""} bestaat niet (WJ756: ${unitCodes.join(', ')}).`, `Unit ${v.unit ?? ""} does not exist (WJ756: ${unitCodes.join(', ')}).`));
  }
  if (present(v.frequency) && !(frequencyCodes as string[]).includes(v.frequency ?? '')) {
    problems.push(problem(at('frequency'), `Frequentie ${v.frequency ?? ""} bestaat niet (WMO757: 1, 2, 4, 6).`, `Frequency ${v.frequency ?? ""} does not exist (WMO757: 1, 2, 4, 6).`));
  }
  if (present(v.volume) && !(Number.isInteger(v.volume) && (v.volume ?? 0) >= 1 && (v.volume ?? 0) <= 99_999_999)) {
    problems.push(problem(at('volume'), 'Het volume is een heel getal van 1 tot 99.999.999.', 'The volume is a whole number from 1 to 99,999,999.'));
  }
  if (present(v.budgetCents) && !(Number.isInteger(v.budgetCents) && (v.budgetCents ?? -1) >= 0 && (v.budgetCents ?? 0) <= 99_999_999)) {
    problems.push(problem(at('budgetCents'), 'Het budget is een bedrag in centen van 0 tot 99.999.999.', 'The budget is an amount in cents from 0 to 99,999,999.'));
  }
  if (problems.length > 0) return { ok: false, problems };

  if (present(v.productCode)) {
    // Specifiek: the product with its size, never a budget.
    if (sized === 0) {
      problems.push(problem(at('volume'), 'Bij een productcode horen volume, eenheid en frequentie (specifiek toewijzen).', 'A product code needs volume, unit and frequency (specific allocation).'));
    }
    if (present(v.budgetCents)) {
      problems.push(problem(at('budgetCents'), 'Een specifieke toewijzing heeft geen budget; het volume in euro\'s gebruikt eenheid 83.', 'A specific allocation has no budget; a volume in euros uses unit 83.'));
    }
    if (sized === 3) {
      if (v.frequency === '1' && !perDayUnits.includes(v.unit ?? '')) {
        problems.push(problem(at('frequency'), `"Per dag" kan niet met eenheid ${unitLabels[v.unit as Unit].nl}; kies per week, per maand of totaal.`, `"Per day" is not possible with unit ${unitLabels[v.unit as Unit].en}; choose per week, per month or in total.`));
      }
      if (v.frequency === '2' && !v.validTo) {
        problems.push(problem(at('validTo'), 'Bij frequentie "per week" is een einddatum verplicht.', 'Frequency "per week" requires an end date.'));
      }
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, kind: 'specifiek' };
  }
  // Aspecifiek: the category only.
  if (sized > 0) {
    problems.push(problem(at('productCode'), 'Volume, eenheid en frequentie horen bij een productcode; zonder productcode is de toewijzing aspecifiek.', 'Volume, unit and frequency belong to a product code; without one the allocation is aspecific.'));
  }
  if (present(v.budgetCents) && !v.validTo && v.category !== '55') {
    problems.push(problem(at('validTo'), 'Een aspecifieke toewijzing met budget heeft een einddatum nodig.', 'An aspecific allocation with a budget needs an end date.'));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, kind: present(v.budgetCents) ? 'aspecifiek-met-budget' : 'aspecifiek-zonder-budget' };
}
