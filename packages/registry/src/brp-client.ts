/**
 * Kern's client for Haal Centraal BRP bevragen 2.x (the real BRP or the fake one). Every call
 * carries `gemeenteVanInschrijving`, so a municipality only ever receives its own residents: the
 * tenant boundary holds at the source, not only in Kern's own checks. Every call also names the
 * fields it needs (data minimisation). Answers are validated before Kern trusts them.
 */
import { DomainError, invalidInput, isIsoDate, isValidBsn } from '@kern/kit';
import { foutberichtSchema, personenQueryResponseSchema, type Persoon } from './haal-centraal.schema';
import type { Resident, ResidentSummary } from './contract';
import { toResident, toResidentSummary } from './resident-mapping';

export interface BrpClientOptions {
  /** e.g. `https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp` or the fake BRP's url. */
  baseUrl: string;
  apiKey?: string;
  fetch?: typeof fetch;
  /** Per request; the BRP is on the path of a staff member waiting for a screen. Default 10 s. */
  timeoutMs?: number;
}

export interface MunicipalityScope {
  /** Four-digit CBS/GBA municipality code (`0599`); `GM0599` is accepted too. */
  municipalityCode: string;
}

export interface SurnameSearch extends MunicipalityScope {
  surname: string;
  /** ISO date; the BRP only searches on a complete birth date. */
  birthDate: string;
  prefix?: string;
  givenNames?: string;
  includeDeceased?: boolean;
}

export interface AddressSearch extends MunicipalityScope {
  postcode: string;
  houseNumber: number;
  houseLetter?: string;
  houseNumberAddition?: string;
  includeDeceased?: boolean;
}

export interface BrpClient {
  /** null when the BSN is unknown or the person is not registered in this municipality. */
  getPersonByBsn(bsn: string, scope: MunicipalityScope): Promise<Resident | null>;
  /** Only those found in this municipality, in the order asked; duplicates are asked once. */
  getPersonsByBsn(bsns: readonly string[], scope: MunicipalityScope): Promise<Resident[]>;
  searchBySurnameAndBirthDate(search: SurnameSearch): Promise<ResidentSummary[]>;
  searchByPostcodeAndHouseNumber(search: AddressSearch): Promise<ResidentSummary[]>;
  /** The BRP's indication of parental authority over minors (GBA 11.32.10) and their parents; optional for test doubles. */
  parentalAuthority?(bsns: readonly string[], scope: MunicipalityScope): Promise<ParentalAuthority[]>;
}

export interface ParentalAuthority {
  bsn: string;
  /** null: no court decision recorded, authority follows from the law. */
  indication: string | null;
  parents: { bsn: string; aanduiding: string | null }[];
}

const RESIDENT_FIELDS = [
  'burgerservicenummer',
  'naam',
  'geboorte',
  'geslacht',
  'overlijden',
  'verblijfplaats',
  'gemeenteVanInschrijving',
  'datumInschrijvingInGemeente',
  'partners',
  'ouders',
  'kinderen',
];
const SUMMARY_FIELDS = ['burgerservicenummer', 'naam', 'geboorte', 'verblijfplaats', 'gemeenteVanInschrijving'];
/** The spec's maxItems for burgerservicenummer in one request. */
const MAX_BSNS_PER_REQUEST = 20;

const SURNAME = /^[a-zA-Z0-9À-ž .\-']{1,200}$|^[a-zA-Z0-9À-ž .\-']{3,199}\*$/;
const GIVEN_NAMES = /^[a-zA-Z0-9À-ž .\-']{1,199}\*?$/;
const PREFIX = /^[a-zA-Z ']{1,10}$/;
const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

const unavailable = (detail: string): DomainError =>
  new DomainError('upstream-unavailable', {
    nl: `De BRP is nu niet bereikbaar (${detail}). Probeer het later opnieuw.`,
    en: `The BRP (population register) is unavailable (${detail}). Please try again later.`,
  });

function municipality(code: string): string {
  const m = /^(?:GM)?(\d{4})$/i.exec(code.trim());
  if (!m?.[1]) {
    throw invalidInput({ nl: 'Ongeldige gemeentecode.', en: 'Invalid municipality code.' }, [
      { name: 'municipalityCode', reason: 'four digits, e.g. 0599' },
    ]);
  }
  return m[1];
}

function requireBsn(bsn: string, name = 'bsn'): string {
  if (!isValidBsn(bsn)) {
    throw invalidInput({ nl: 'Dit is geen geldig burgerservicenummer.', en: 'This is not a valid citizen service number (BSN).' }, [
      { name, reason: 'nine digits passing the 11-test' },
    ]);
  }
  return bsn;
}

function requireMatch(value: string | undefined, pattern: RegExp, name: string, message: { nl: string; en: string }): void {
  if (value !== undefined && !pattern.test(value)) throw invalidInput(message, [{ name, reason: 'invalid format' }]);
}

export function createBrpClient(options: BrpClientOptions): BrpClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/personen`;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function query(body: Record<string, unknown>): Promise<Persoon[]> {
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
          ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw unavailable('no connection');
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (response.status === 400) {
      // Kern validates before calling, so this means the BRP is stricter than Kern: tell the user which field.
      const fout = foutberichtSchema.safeParse(payload);
      const params = fout.success ? (fout.data.invalidParams ?? []) : [];
      throw invalidInput(
        { nl: 'De BRP wijst de zoekvraag af.', en: 'The BRP rejected the query.' },
        params.map((p) => ({ name: p.name, reason: p.reason })),
      );
    }
    // 401/403 are a configuration fault (API key, authorisation), 5xx an outage: either way the staff member cannot proceed.
    if (!response.ok) throw unavailable(`HTTP ${response.status}`);
    const parsed = personenQueryResponseSchema.safeParse(payload);
    if (!parsed.success) throw unavailable('unexpected answer');
    return parsed.data.personen;
  }

  async function raadpleeg(bsns: readonly string[], gemeente: string, fields: string[]): Promise<Persoon[]> {
    const unique = [...new Set(bsns)];
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += MAX_BSNS_PER_REQUEST) chunks.push(unique.slice(i, i + MAX_BSNS_PER_REQUEST));
    const answers = await Promise.all(
      chunks.map((chunk) =>
        query({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: chunk, fields, gemeenteVanInschrijving: gemeente }),
      ),
    );
    const found = new Map(answers.flat().map((p) => [p.burgerservicenummer, p]));
    return unique.flatMap((bsn): Persoon[] => {
      const p = found.get(bsn);
      return p ? [p] : [];
    });
  }

  /** A search answers PersoonBeperkt (no structured address): find the BSNs, then consult them. */
  async function searchThenConsult(body: Record<string, unknown>, gemeente: string): Promise<ResidentSummary[]> {
    const hits = await query({ ...body, fields: ['burgerservicenummer'], gemeenteVanInschrijving: gemeente });
    const bsns = hits.flatMap((p) => (p.burgerservicenummer ? [p.burgerservicenummer] : []));
    const persons = await raadpleeg(bsns, gemeente, SUMMARY_FIELDS);
    return persons.flatMap((p) => {
      const r = toResident(p);
      return r ? [toResidentSummary(r)] : [];
    });
  }

  async function getPersonsByBsn(bsns: readonly string[], scope: MunicipalityScope): Promise<Resident[]> {
    const gemeente = municipality(scope.municipalityCode);
    bsns.forEach((b, i) => requireBsn(b, bsns.length === 1 ? 'bsn' : `bsns[${i}]`));
    if (bsns.length === 0) return [];
    const persons = await raadpleeg(bsns, gemeente, RESIDENT_FIELDS);
    return persons.flatMap((p) => toResident(p) ?? []);
  }

  // Plain closures rather than methods using `this`, so callers may destructure the client.
  return {
    getPersonsByBsn,

    async parentalAuthority(bsns, scope) {
      bsns.forEach((b, i) => requireBsn(b, `bsns[${i}]`));
      const persons = await raadpleeg(bsns, municipality(scope.municipalityCode), ['burgerservicenummer', 'indicatieGezagMinderjarige', 'ouders']);
      return persons.flatMap((p) => (p.burgerservicenummer ? [{
        bsn: p.burgerservicenummer,
        indication: p.indicatieGezagMinderjarige?.code ?? null,
        parents: (p.ouders ?? []).flatMap((o) => (o.burgerservicenummer ? [{ bsn: o.burgerservicenummer, aanduiding: o.ouderAanduiding ?? null }] : [])),
      }] : []));
    },
    async getPersonByBsn(bsn, scope) {
      const [person] = await getPersonsByBsn([bsn], scope);
      return person ?? null;
    },

    async searchBySurnameAndBirthDate(search) {
      const gemeente = municipality(search.municipalityCode);
      const surname = search.surname.trim();
      if (!surname) {
        throw invalidInput({ nl: 'Vul een achternaam in.', en: 'Enter a surname.' }, [{ name: 'surname', reason: 'required' }]);
      }
      requireMatch(surname, SURNAME, 'surname', { nl: 'Deze achternaam bevat ongeldige tekens.', en: 'This surname contains invalid characters.' });
      requireMatch(search.givenNames, GIVEN_NAMES, 'givenNames', { nl: 'De voornamen bevatten ongeldige tekens.', en: 'The given names contain invalid characters.' });
      requireMatch(search.prefix, PREFIX, 'prefix', { nl: 'Dit voorvoegsel is ongeldig.', en: 'This name prefix is invalid.' });
      if (!isIsoDate(search.birthDate)) {
        throw invalidInput({ nl: 'Vul een volledige geboortedatum in.', en: 'Enter a complete date of birth.' }, [
          { name: 'birthDate', reason: 'ISO date, YYYY-MM-DD' },
        ]);
      }
      return searchThenConsult(
        {
          type: 'ZoekMetGeslachtsnaamEnGeboortedatum',
          geslachtsnaam: surname,
          geboortedatum: search.birthDate,
          ...(search.givenNames ? { voornamen: search.givenNames } : {}),
          ...(search.prefix ? { voorvoegsel: search.prefix } : {}),
          ...(search.includeDeceased ? { inclusiefOverledenPersonen: true } : {}),
        },
        gemeente,
      );
    },

    async searchByPostcodeAndHouseNumber(search) {
      const gemeente = municipality(search.municipalityCode);
      const postcode = search.postcode.replace(/\s+/g, '').toUpperCase();
      requireMatch(postcode, POSTCODE, 'postcode', { nl: 'Dit is geen geldige postcode.', en: 'This is not a valid postcode.' });
      if (!Number.isInteger(search.houseNumber) || search.houseNumber < 1 || search.houseNumber > 99999) {
        throw invalidInput({ nl: 'Dit is geen geldig huisnummer.', en: 'This is not a valid house number.' }, [
          { name: 'houseNumber', reason: 'a whole number from 1 to 99999' },
        ]);
      }
      requireMatch(search.houseLetter, /^[a-zA-Z]$/, 'houseLetter', { nl: 'Een huisletter is één letter.', en: 'A house letter is a single letter.' });
      requireMatch(search.houseNumberAddition, /^[a-zA-Z0-9 -]{1,4}$/, 'houseNumberAddition', {
        nl: 'Deze huisnummertoevoeging is ongeldig.',
        en: 'This house number addition is invalid.',
      });
      return searchThenConsult(
        {
          type: 'ZoekMetPostcodeEnHuisnummer',
          postcode,
          huisnummer: search.houseNumber,
          ...(search.houseLetter ? { huisletter: search.houseLetter } : {}),
          ...(search.houseNumberAddition ? { huisnummertoevoeging: search.houseNumberAddition } : {}),
          ...(search.includeDeceased ? { inclusiefOverledenPersonen: true } : {}),
        },
        gemeente,
      );
    },
  };
}
