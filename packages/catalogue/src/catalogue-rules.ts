import type { InvalidParam, UserMessage } from '@kern/kit';
import { units, type Standard } from './contract/catalogue.schema';

/** A validity period of calendar days, both ends included; `to` null = open-ended. */
export interface Period {
  validFrom: string;
  validTo: string | null;
}

/** ISO dates compare as strings; an open end is later than any day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.validTo === null || a.validTo >= b.validFrom) && (b.validTo === null || b.validTo >= a.validFrom);
}

/** `outer` covers every day of `inner` (an open inner end needs an open outer end). */
export function periodCovers(outer: Period, inner: Period): boolean {
  if (outer.validFrom > inner.validFrom) return false;
  if (outer.validTo === null) return true;
  return inner.validTo !== null && inner.validTo <= outer.validTo;
}

export function validOn(p: Period, day: string): boolean {
  return p.validFrom <= day && (p.validTo === null || p.validTo >= day);
}

/** The categories each standard owns: Wmo 01-18 (WMO020), Jeugdwet 31-38 and 40-55 (JZ020). */
export function categoryBelongsTo(standard: Standard, code: string): boolean {
  const n = Number(code);
  if (!/^\d{2}$/.test(code)) return false;
  return standard === 'iwmo' ? n >= 1 && n <= 18 : (n >= 31 && n <= 38) || (n >= 40 && n <= 55);
}

export interface CategoryRef extends Period {
  standard: Standard;
  code: string;
}
export interface NationalProductRef extends Period {
  standard: Standard;
  category: string;
  code: string;
}

export interface LocalProductDraft extends Period {
  standard: Standard;
  localCode: string;
  category: string;
  nationalCode: string | null;
  unit: string | null;
}

export interface Finding extends InvalidParam {
  message: UserMessage;
}

/**
 * The rules a local product must meet, as findings (empty = valid): the category exists in its
 * standard and is valid the whole period; the national code, if any, belongs to that category and
 * is valid the whole period (one of its versions covers it); the unit is a WJ756 code; the local
 * code is 1-5 characters; the period runs forwards. `versions` are all national-product rows with
 * the draft's national code.
 */
export function checkLocalProduct(draft: LocalProductDraft, category: CategoryRef | undefined, versions: NationalProductRef[]): Finding[] {
  const out: Finding[] = [];
  const f = (name: string, reason: string, nl: string, en: string) => out.push({ name, reason, message: { nl, en } });
  if (!/^[A-Za-z0-9]{1,5}$/.test(draft.localCode)) {
    f('localCode', '1-5 letters or digits', `De lokale code ${draft.localCode} moet 1 tot 5 letters of cijfers zijn.`, `The local code ${draft.localCode} must be 1 to 5 letters or digits.`);
  }
  if (draft.validTo !== null && draft.validTo < draft.validFrom) {
    f('validTo', 'before validFrom', 'De einddatum ligt voor de begindatum.', 'The end date is before the start date.');
  }
  if (draft.unit !== null && !(draft.unit in units)) {
    f('unit', 'not a WJ756 code', `Eenheid ${draft.unit} staat niet in codelijst WJ756.`, `Unit ${draft.unit} is not in code list WJ756.`);
  }
  if (!category || !categoryBelongsTo(draft.standard, draft.category)) {
    f('category', 'unknown category', `Productcategorie ${draft.category} bestaat niet in ${draft.standard}.`, `Product category ${draft.category} does not exist in ${draft.standard}.`);
  } else if (!periodCovers(category, draft)) {
    f('category', 'not valid in the period', `Productcategorie ${draft.category} is niet de hele periode geldig.`, `Product category ${draft.category} is not valid for the whole period.`);
  }
  if (draft.nationalCode !== null) {
    const own = versions.filter((v) => v.standard === draft.standard && v.code === draft.nationalCode);
    if (own.length === 0) {
      f('nationalCode', 'unknown national code', `Landelijke productcode ${draft.nationalCode} bestaat niet.`, `National product code ${draft.nationalCode} does not exist.`);
    } else if (!own.some((v) => v.category === draft.category)) {
      f('nationalCode', 'other category', `Landelijke productcode ${draft.nationalCode} hoort niet bij categorie ${draft.category}.`, `National product code ${draft.nationalCode} does not belong to category ${draft.category}.`);
    } else if (!own.some((v) => v.category === draft.category && periodCovers(v, draft))) {
      f('nationalCode', 'not valid in the period', `Landelijke productcode ${draft.nationalCode} is niet de hele periode geldig; laat het lokale product eerder eindigen.`, `National product code ${draft.nationalCode} is not valid for the whole period; end the local product earlier.`);
    }
  }
  return out;
}

/** One message for a list of findings: the first in full, the count of the rest. */
export function summarise(findings: Finding[]): UserMessage {
  const [first, ...rest] = findings;
  if (!first) return { nl: 'Ongeldige invoer.', en: 'Invalid input.' };
  if (rest.length === 0) return first.message;
  return { nl: `${first.message.nl} (en ${rest.length} andere fout(en))`, en: `${first.message.en} (and ${rest.length} other error(s))` };
}
