/**
 * Validation of a POST /personen body, answering in the API's own vocabulary: each problem is an
 * `invalidParams` entry with the parameter name (`burgerservicenummer[0]`, `fields[2]`), a code
 * (`required`, `pattern`, `fields`, ...) and a Dutch reason, all reported at once as the spec asks
 * ("Alle gevonden fouten worden één keer teruggemeld"). Written by hand rather than with zod
 * because the error vocabulary, not the type, is the point here.
 */
import { allowedFields, AUTOMATIC_FIELDS } from './fields-filter';

export interface ApiInvalidParam {
  name: string;
  code: string;
  reason: string;
}

interface Common {
  fields: string[];
  gemeenteVanInschrijving?: string;
}
export interface RaadpleegQuery extends Common {
  type: 'RaadpleegMetBurgerservicenummer';
  burgerservicenummer: string[];
}
export interface ZoekNaamQuery extends Common {
  type: 'ZoekMetGeslachtsnaamEnGeboortedatum';
  geslachtsnaam: string;
  geboortedatum: string;
  geslacht?: string;
  voorvoegsel?: string;
  voornamen?: string;
  inclusiefOverledenPersonen: boolean;
}
export interface ZoekAdresQuery extends Common {
  type: 'ZoekMetPostcodeEnHuisnummer';
  postcode: string;
  huisnummer: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  geboortedatum?: string;
  geslachtsnaam?: string;
  inclusiefOverledenPersonen: boolean;
}
export type PersonenQuery = RaadpleegQuery | ZoekNaamQuery | ZoekAdresQuery;

export type ParseResult = { ok: true; query: PersonenQuery } | { ok: false; invalidParams: ApiInvalidParam[] };

// The spec's parameter patterns (escapes that JavaScript does not need removed).
const BSN = /^[0-9]{9}$/;
const GEMEENTE = /^[0-9]{4}$/;
const GESLACHTSNAAM = /^[a-zA-Z0-9À-ž .\-']{1,200}$|^[a-zA-Z0-9À-ž .\-']{3,199}\*{1}$/;
const VOORNAMEN = /^[a-zA-Z0-9À-ž .\-']{1,199}\*{0,1}$/;
const VOORVOEGSEL = /^[a-zA-Z ']{1,10}$/;
const GESLACHT = /^([Mm]|[Vv]|[Oo])$/;
const POSTCODE = /^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$/;
const HUISLETTER = /^[a-zA-Z]{1}$/;
const TOEVOEGING = /^[a-zA-Z0-9 -]{1,4}$/;
const FIELD = /^[a-zA-Z0-9._]{1,200}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const PARAMS: Record<PersonenQuery['type'], readonly string[]> = {
  RaadpleegMetBurgerservicenummer: ['burgerservicenummer'],
  ZoekMetGeslachtsnaamEnGeboortedatum: ['geslachtsnaam', 'geboortedatum', 'geslacht', 'voorvoegsel', 'voornamen', 'inclusiefOverledenPersonen'],
  ZoekMetPostcodeEnHuisnummer: ['postcode', 'huisnummer', 'huisletter', 'huisnummertoevoeging', 'geboortedatum', 'geslachtsnaam', 'inclusiefOverledenPersonen'],
};
const isQueryType = (t: unknown): t is PersonenQuery['type'] => typeof t === 'string' && Object.hasOwn(PARAMS, t);

const isValidDate = (s: string): boolean => ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export function parsePersonenQuery(body: unknown): ParseResult {
  const errors: ApiInvalidParam[] = [];
  const fail = (name: string, code: string, reason: string): void => void errors.push({ name, code, reason });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, invalidParams: [{ name: 'type', code: 'required', reason: 'Parameter is verplicht.' }] };
  }
  const b = body as Record<string, unknown>;

  if (b.type === undefined) fail('type', 'required', 'Parameter is verplicht.');
  else if (!isQueryType(b.type)) fail('type', 'value', 'Waarde is geen geldig zoek type.');
  const type = isQueryType(b.type) ? b.type : undefined;

  // A string parameter: required or optional, checked against its pattern.
  const text = (name: string, pattern: RegExp, required: boolean): string | undefined => {
    const v = b[name];
    if (v === undefined || v === null || v === '') {
      if (required) fail(name, 'required', 'Parameter is verplicht.');
      return undefined;
    }
    if (typeof v !== 'string') return void fail(name, 'string', 'Waarde is geen string.');
    if (!pattern.test(v)) return void fail(name, 'pattern', 'Waarde voldoet niet aan patroon.');
    return v;
  };
  const date = (name: string, required: boolean): string | undefined => {
    const v = b[name];
    if (v === undefined || v === null || v === '') {
      if (required) fail(name, 'required', 'Parameter is verplicht.');
      return undefined;
    }
    if (typeof v !== 'string' || !isValidDate(v)) return void fail(name, 'date', 'Waarde is geen geldige datum.');
    return v;
  };
  const bool = (name: string): boolean => {
    const v = b[name];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') fail(name, 'boolean', 'Waarde is geen boolean.');
    return v === true;
  };

  const fields: string[] = [];
  if (b.fields === undefined) fail('fields', 'required', 'Parameter is verplicht.');
  else if (!Array.isArray(b.fields)) fail('fields', 'array', 'Parameter is geen array.');
  else if (b.fields.length === 0) fail('fields', 'minItems', 'Array bevat minder dan 1 items.');
  else if (b.fields.length > 130) fail('fields', 'maxItems', 'Array bevat meer dan 130 items.');
  else {
    const valid = allowedFields(type === 'RaadpleegMetBurgerservicenummer' || type === undefined ? 'Persoon' : 'PersoonBeperkt');
    b.fields.forEach((f: unknown, i) => {
      if (typeof f !== 'string' || !FIELD.test(f)) fail(`fields[${i}]`, 'pattern', 'Waarde voldoet niet aan patroon.');
      else if ((AUTOMATIC_FIELDS as readonly string[]).includes(f.split('.')[0] ?? '')) {
        fail(`fields[${i}]`, 'field', 'Parameter bevat een niet toegestane veldnaam.');
      } else if (!valid.has(f)) fail(`fields[${i}]`, 'field', 'Parameter bevat een niet bestaande veldnaam.');
      else fields.push(f);
    });
  }
  const gemeenteVanInschrijving = text('gemeenteVanInschrijving', GEMEENTE, false);
  if (!type) return { ok: false, invalidParams: errors };

  for (const key of Object.keys(b)) {
    if (!['type', 'fields', 'gemeenteVanInschrijving', ...PARAMS[type]].includes(key)) {
      fail(key, 'unknownParam', 'Parameter is niet verwacht.');
    }
  }
  const common = { fields, ...(gemeenteVanInschrijving ? { gemeenteVanInschrijving } : {}) };
  const opt = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> =>
    (v === undefined ? {} : { [key]: v }) as Partial<Record<K, string>>;

  let query: PersonenQuery | undefined;
  switch (type) {
    case 'RaadpleegMetBurgerservicenummer': {
      const v = b.burgerservicenummer;
      const bsns: string[] = [];
      if (v === undefined) fail('burgerservicenummer', 'required', 'Parameter is verplicht.');
      else if (!Array.isArray(v)) fail('burgerservicenummer', 'array', 'Parameter is geen array.');
      else if (v.length === 0) fail('burgerservicenummer', 'minItems', 'Array bevat minder dan 1 items.');
      else if (v.length > 20) fail('burgerservicenummer', 'maxItems', 'Array bevat meer dan 20 items.');
      else {
        v.forEach((x: unknown, i) => {
          if (typeof x === 'string' && BSN.test(x)) bsns.push(x);
          else fail(`burgerservicenummer[${i}]`, 'pattern', 'Waarde voldoet niet aan patroon.');
        });
      }
      query = { type, ...common, burgerservicenummer: bsns };
      break;
    }
    case 'ZoekMetGeslachtsnaamEnGeboortedatum':
      query = {
        type,
        ...common,
        geslachtsnaam: text('geslachtsnaam', GESLACHTSNAAM, true) ?? '',
        geboortedatum: date('geboortedatum', true) ?? '',
        ...opt('geslacht', text('geslacht', GESLACHT, false)),
        ...opt('voorvoegsel', text('voorvoegsel', VOORVOEGSEL, false)),
        ...opt('voornamen', text('voornamen', VOORNAMEN, false)),
        inclusiefOverledenPersonen: bool('inclusiefOverledenPersonen'),
      };
      break;
    case 'ZoekMetPostcodeEnHuisnummer': {
      const h = b.huisnummer;
      let huisnummer = 0;
      if (h === undefined || h === null || h === '') fail('huisnummer', 'required', 'Parameter is verplicht.');
      else if (typeof h !== 'number' || !Number.isInteger(h)) fail('huisnummer', 'integer', 'Waarde is geen geldig getal.');
      else if (h < 1) fail('huisnummer', 'minimum', 'Waarde is lager dan minimum 1.');
      else if (h > 99999) fail('huisnummer', 'maximum', 'Waarde is hoger dan maximum 99999.');
      else huisnummer = h;
      query = {
        type,
        ...common,
        postcode: text('postcode', POSTCODE, true) ?? '',
        huisnummer,
        ...opt('huisletter', text('huisletter', HUISLETTER, false)),
        ...opt('huisnummertoevoeging', text('huisnummertoevoeging', TOEVOEGING, false)),
        ...opt('geboortedatum', date('geboortedatum', false)),
        ...opt('geslachtsnaam', text('geslachtsnaam', GESLACHTSNAAM, false)),
        inclusiefOverledenPersonen: bool('inclusiefOverledenPersonen'),
      };
      break;
    }
  }
  return errors.length ? { ok: false, invalidParams: errors } : { ok: true, query };
}
