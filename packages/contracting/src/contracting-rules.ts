import type { InvalidParam, UserMessage } from '@kern/kit';
import type { FundingModel } from './contract/contracting.schema';

export interface Period {
  validFrom: string;
  validTo: string | null;
}

export interface Finding extends InvalidParam {
  message: UserMessage;
}

/** Both ends included; an open end runs forever. ISO dates compare as strings. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.validTo === null || a.validTo >= b.validFrom) && (b.validTo === null || b.validTo >= a.validFrom);
}

/** `outer` covers every day of `inner`. */
export function periodCovers(outer: Period, inner: Period): boolean {
  if (outer.validFrom > inner.validFrom) return false;
  if (outer.validTo === null) return true;
  return inner.validTo !== null && inner.validTo <= outer.validTo;
}

/**
 * An AGB code (Vektis): eight digits, the first two the zorgsoort (type of care), which is
 * never 00. There is no check digit to verify; whether the code is registered is Vektis's
 * register to answer, not a format rule.
 */
export function isValidAgb(code: string): boolean {
  return /^\d{8}$/.test(code) && !code.startsWith('00');
}

export function checkProvider(p: { agbCode: string; name: string; kvkNumber: string | null }): Finding[] {
  const out: Finding[] = [];
  if (!isValidAgb(p.agbCode)) {
    out.push({ name: 'agbCode', reason: 'not an AGB code', message: { nl: `${p.agbCode} is geen geldige AGB-code (8 cijfers, zorgsoort niet 00).`, en: `${p.agbCode} is not a valid AGB code (8 digits, type of care not 00).` } });
  }
  if (p.name.trim().length === 0 || p.name.length > 200) {
    out.push({ name: 'name', reason: '1-200 characters', message: { nl: 'De naam moet 1 tot 200 tekens zijn.', en: 'The name must be 1 to 200 characters.' } });
  }
  if (p.kvkNumber !== null && !/^\d{8}$/.test(p.kvkNumber)) {
    out.push({ name: 'kvkNumber', reason: 'eight digits', message: { nl: 'Het KvK-nummer heeft 8 cijfers.', en: 'The KvK number has 8 digits.' } });
  }
  return out;
}

/** The funding model decides the money: taakgericht is a budget for the task, the others are paid per unit and have none. */
export function checkContract(c: Period & { fundingModel: FundingModel; budgetCents: number | null }): Finding[] {
  const out: Finding[] = [];
  if (c.validTo !== null && c.validTo < c.validFrom) {
    out.push({ name: 'validTo', reason: 'before validFrom', message: { nl: 'De einddatum ligt voor de begindatum.', en: 'The end date is before the start date.' } });
  }
  if (c.fundingModel === 'taakgericht' && c.budgetCents === null) {
    out.push({ name: 'budgetCents', reason: 'required for taakgericht', message: { nl: 'Een taakgericht contract heeft een budget.', en: 'A taakgericht contract has a budget.' } });
  }
  if (c.fundingModel !== 'taakgericht' && c.budgetCents !== null) {
    out.push({ name: 'budgetCents', reason: 'only for taakgericht', message: { nl: `Een ${c.fundingModel} contract wordt per eenheid betaald en heeft geen budget.`, en: `An ${c.fundingModel} contract is paid per unit and has no budget.` } });
  }
  if (c.budgetCents !== null && (!Number.isSafeInteger(c.budgetCents) || c.budgetCents < 0)) {
    out.push({ name: 'budgetCents', reason: 'whole eurocents, not negative', message: { nl: 'Het budget is een positief aantal eurocenten.', en: 'The budget is a positive number of eurocents.' } });
  }
  return out;
}

/** The categories a law's standard owns: Wmo 01-18, Jeugdwet 31-38 and 40-55. */
export function categoryOfLaw(law: 'wmo' | 'jeugdwet', category: string): boolean {
  if (!/^\d{2}$/.test(category)) return false;
  const n = Number(category);
  return law === 'wmo' ? n >= 1 && n <= 18 : (n >= 31 && n <= 38) || (n >= 40 && n <= 55);
}

const units = new Set(['01', '04', '14', '16', '82', '83', '84']);

/**
 * A contracted product on its own and within its contract: a category of the contract's law, a
 * WJ756 unit, a tariff in whole eurocents within the message limit (8 digits), and a period inside
 * the contract's.
 */
export function checkContractedProduct(
  p: Period & { category: string; unit: string; tariffCents: number },
  contract: Period & { law: 'wmo' | 'jeugdwet' },
): Finding[] {
  const out: Finding[] = [];
  if (!categoryOfLaw(contract.law, p.category)) {
    out.push({ name: 'category', reason: 'not a category of the contract\'s law', message: { nl: `Categorie ${p.category} hoort niet bij de ${contract.law}.`, en: `Category ${p.category} does not belong to the ${contract.law}.` } });
  }
  if (!units.has(p.unit)) {
    out.push({ name: 'unit', reason: 'not a WJ756 code', message: { nl: `Eenheid ${p.unit} staat niet in codelijst WJ756.`, en: `Unit ${p.unit} is not in code list WJ756.` } });
  }
  if (!Number.isSafeInteger(p.tariffCents) || p.tariffCents < 0 || p.tariffCents > 99_999_999) {
    out.push({ name: 'tariffCents', reason: '0-99999999 eurocents', message: { nl: 'Het tarief is een heel aantal eurocenten van 0 tot 99.999.999.', en: 'The tariff is a whole number of eurocents from 0 to 99,999,999.' } });
  }
  if (p.validTo !== null && p.validTo < p.validFrom) {
    out.push({ name: 'validTo', reason: 'before validFrom', message: { nl: 'De einddatum ligt voor de begindatum.', en: 'The end date is before the start date.' } });
  } else if (!periodCovers(contract, p)) {
    out.push({ name: 'validFrom', reason: 'outside the contract period', message: {
      nl: `Het product moet binnen de looptijd van het contract vallen (${contract.validFrom} tot ${contract.validTo ?? 'nader order'}).`,
      en: `The product must lie within the contract period (${contract.validFrom} to ${contract.validTo ?? 'further notice'}).`,
    } });
  }
  return out;
}

export function summarise(findings: Finding[]): UserMessage {
  const [first, ...rest] = findings;
  if (!first) return { nl: 'Ongeldige invoer.', en: 'Invalid input.' };
  if (rest.length === 0) return first.message;
  return { nl: `${first.message.nl} (en ${rest.length} andere fout(en))`, en: `${first.message.en} (and ${rest.length} other error(s))` };
}
