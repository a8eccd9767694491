/**
 * A generated city for the fake BRP: hundreds of thousands of residents computed on demand from
 * their number, never stored. Household k owns the BSN slots 6k..6k+5 and one address; its size,
 * make-up, ages and names follow from a small integer hash, so the seed's SQL (migration
 * 0021_scale_generator.sql, the same arithmetic) and this code agree on who lives where without
 * sharing any table. Only BRP lookups by BSN and by postcode + house number are served for
 * generated people (that is what the household view uses); the surname search is not.
 */
import type { Persoon } from './haal-centraal.schema';

export const SCALE_SLOTS_PER_HOUSEHOLD = 6;
/** Generated BSNs start with 7, away from the GBA-V test persons (999...). */
export const SCALE_BSN_BASE = 70_000_000;
/** Ages are counted to this day; the generated city does not age. */
export const SCALE_REFERENCE_YEAR = 2026;

/** Integer hash that stays below 2^53 in every step, so JavaScript numbers and PostgreSQL bigint agree. */
export function scaleMix(k: number, salt: number): number {
  let h = (k * 1103515 + salt * 7919 + 12345) % 2147483648;
  h = h ^ (h >>> 13);
  h = (h * 1664525 + 1013904) % 2147483648;
  h = h ^ (h >>> 16);
  return h;
}

/** The BSN of a slot, or undefined when its 11-test check digit would be 10 (that slot stays empty). */
export function scaleBsn(slot: number): string | undefined {
  const head = String(SCALE_BSN_BASE + slot).padStart(8, '0');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(head[i]);
  const check = sum % 11;
  return check === 10 ? undefined : `${head}${check}`;
}

export function scaleSlotOf(bsn: string): number | undefined {
  if (!/^\d{9}$/.test(bsn)) return undefined;
  const slot = Number(bsn.slice(0, 8)) - SCALE_BSN_BASE;
  return slot >= 0 && scaleBsn(slot) === bsn ? slot : undefined;
}

/** CBS-like sizes: 39% one person, 31% two, 12% three, 12% four, 4% five, 2% six (mean 2.17). */
export function scaleHouseholdSize(k: number): number {
  const r = scaleMix(k, 1) % 100;
  return r < 39 ? 1 : r < 70 ? 2 : r < 82 ? 3 : r < 94 ? 4 : r < 98 ? 5 : 6;
}

/** Two adults (a couple) or one; the other members are their children. */
export function scaleCouple(k: number): boolean {
  const size = scaleHouseholdSize(k);
  if (size === 1) return false;
  return scaleMix(k, 2) % 100 < (size === 2 ? 70 : 80);
}

export type ScaleRole = 'head' | 'partner' | 'child';
export function scaleRole(k: number, position: number): ScaleRole {
  if (position === 0) return 'head';
  return position === 1 && scaleCouple(k) ? 'partner' : 'child';
}

/** Age in whole years on 1 January of the reference year. */
export function scaleAge(k: number, position: number): number {
  const hasChildren = scaleHouseholdSize(k) > (scaleCouple(k) ? 2 : 1);
  const head = hasChildren ? 25 + (scaleMix(k, 3) % 30) : 18 + (scaleMix(k, 3) % 72);
  const role = scaleRole(k, position);
  if (role === 'head') return head;
  if (role === 'partner') return Math.max(18, head + (scaleMix(k, 4) % 7) - 3);
  return scaleMix(k * 8 + position, 5) % Math.min(18, head - 17);
}

export interface ScaleMember { slot: number; bsn: string; position: number; role: ScaleRole; age: number }

export function scaleHouseholdMembers(k: number): ScaleMember[] {
  const out: ScaleMember[] = [];
  for (let position = 0; position < scaleHouseholdSize(k); position++) {
    const slot = k * SCALE_SLOTS_PER_HOUSEHOLD + position;
    const bsn = scaleBsn(slot);
    if (bsn) out.push({ slot, bsn, position, role: scaleRole(k, position), age: scaleAge(k, position) });
  }
  return out;
}

/** Household k's address: 150 numbers per postcode; the postcode encodes the rest of k. */
export function scaleAddress(k: number): { postcode: string; houseNumber: number; streetIndex: number } {
  const r = Math.floor(k / 150);
  const letters = r % 676;
  const digits = 1000 + Math.floor(r / 676);
  return { postcode: `${digits}${String.fromCharCode(65 + Math.floor(letters / 26))}${String.fromCharCode(65 + (letters % 26))}`, houseNumber: 1 + (k % 150), streetIndex: scaleMix(r, 9) };
}

export function scaleHouseholdAt(postcode: string, houseNumber: number): number | undefined {
  const m = /^(\d{4})\s?([A-Z])([A-Z])$/i.exec(postcode.trim());
  if (!m || houseNumber < 1 || houseNumber > 150) return undefined;
  const letters = ((m[2] ?? 'A').toUpperCase().charCodeAt(0) - 65) * 26 + ((m[3] ?? 'A').toUpperCase().charCodeAt(0) - 65);
  return ((Number(m[1]) - 1000) * 676 + letters) * 150 + (houseNumber - 1);
}

export const SCALE_SURNAMES = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Yilmaz', 'El Amrani', 'Kaya', 'Ramdin', 'Nguyen', 'Pinas', 'Öztürk', 'Bouzid', 'Wong', 'Kowalski', 'Sarmo'];
export const SCALE_FEMALE_NAMES = ['Emma', 'Julia', 'Sophie', 'Anna', 'Fatima', 'Noor', 'Sara', 'Lotte', 'Eva', 'Mila', 'Yasmina', 'Priya', 'Maria', 'Ingrid', 'Anouk', 'Zeynep'];
export const SCALE_MALE_NAMES = ['Daan', 'Sem', 'Lucas', 'Milan', 'Mohammed', 'Levi', 'Noah', 'Jan', 'Kees', 'Ahmed', 'Thomas', 'Ravi', 'Pieter', 'Bram', 'Emre', 'Joost'];
const streets = ['Dorpsstraat', 'Kerkstraat', 'Schoolstraat', 'Molenweg', 'Stationsweg', 'Julianastraat', 'Beatrixlaan', 'Parallelweg', 'Lindelaan', 'Eikenlaan', 'Havenstraat', 'Vondelstraat', 'Rembrandtplein', 'Spinozastraat', 'Mercatorplein', 'Javastraat'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

export interface ScalePopulationOptions {
  municipalityCode: string;
  municipalityName: string;
  /** Households 0..households-1 exist. */
  households: number;
}

/** What the fake BRP asks a generated population. */
export interface FakeBrpPopulation {
  byBsn(bsn: string): Persoon | undefined;
  atAddress(postcode: string, houseNumber: number): Persoon[];
}

export function scalePopulation(o: ScalePopulationOptions): FakeBrpPopulation {
  const gemeente = { code: o.municipalityCode, omschrijving: o.municipalityName };
  const exists = (k: number) => Number.isInteger(k) && k >= 0 && k < o.households;
  const datum = (iso: string) => ({ type: 'Datum' as const, datum: iso, langFormaat: iso });
  const birth = (k: number, m: ScaleMember) => {
    const month = 1 + (scaleMix(m.slot, 10) % 12);
    const day = 1 + (scaleMix(m.slot, 11) % 28);
    return `${SCALE_REFERENCE_YEAR - 1 - m.age}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  const female = (m: ScaleMember) => (m.role === 'partner' ? scaleMix(m.slot - 1, 12) % 2 === 1 : scaleMix(m.slot, 12) % 2 === 0);
  const naam = (k: number, m: ScaleMember) => {
    const surname = m.role === 'partner' && scaleMix(k, 13) % 3 === 0 ? pick(SCALE_SURNAMES, scaleMix(k, 14)) : pick(SCALE_SURNAMES, scaleMix(k, 7));
    const given = pick(female(m) ? SCALE_FEMALE_NAMES : SCALE_MALE_NAMES, scaleMix(m.slot, 8));
    const [prefix, ...rest] = surname.split(' ');
    const hasPrefix = rest.length > 0 && /^(de|van|der|den)$/.test(prefix ?? '');
    const geslachtsnaam = hasPrefix ? surname.split(' ').filter((w) => !/^(de|van|der|den)$/.test(w)).join(' ') : surname;
    const voorvoegsel = hasPrefix ? surname.split(' ').filter((w) => /^(de|van|der|den)$/.test(w)).join(' ') : undefined;
    return { voornamen: given, ...(voorvoegsel ? { voorvoegsel } : {}), geslachtsnaam, volledigeNaam: `${given} ${surname}` };
  };
  const related = (k: number, m: ScaleMember) => ({ burgerservicenummer: m.bsn, naam: (({ volledigeNaam: _v, ...n }) => n)(naam(k, m)), geboorte: { datum: datum(birth(k, m)) } });

  const persoon = (k: number, m: ScaleMember, all: ScaleMember[]): Persoon => {
    const a = scaleAddress(k);
    const adults = all.filter((x) => x.role !== 'child');
    const children = all.filter((x) => x.role === 'child');
    const partner = m.role === 'head' ? all.find((x) => x.role === 'partner') : m.role === 'partner' ? all.find((x) => x.role === 'head') : undefined;
    const woonplaats = o.municipalityName;
    return {
      burgerservicenummer: m.bsn,
      geslacht: female(m) ? { code: 'V', omschrijving: 'vrouw' } : { code: 'M', omschrijving: 'man' },
      naam: naam(k, m),
      geboorte: { datum: datum(birth(k, m)) },
      gemeenteVanInschrijving: gemeente,
      verblijfplaats: {
        type: 'Adres',
        verblijfadres: { officieleStraatnaam: pick(streets, a.streetIndex), korteStraatnaam: pick(streets, a.streetIndex), huisnummer: a.houseNumber, postcode: a.postcode, woonplaats },
        adresseerbaarObjectIdentificatie: `0363${String(1e11 + k).slice(1)}`,
      },
      ...(partner ? { partners: [related(k, partner)] } : {}),
      ...(m.role === 'child' ? { ouders: adults.map((p, i) => ({ ...related(k, p), ouderAanduiding: String(i + 1) })) } : {}),
      ...(m.role !== 'child' && children.length > 0 ? { kinderen: children.map((c) => related(k, c)) } : {}),
    };
  };

  return {
    byBsn(bsn) {
      const slot = scaleSlotOf(bsn);
      if (slot === undefined) return undefined;
      const k = Math.floor(slot / SCALE_SLOTS_PER_HOUSEHOLD);
      if (!exists(k)) return undefined;
      const all = scaleHouseholdMembers(k);
      const m = all.find((x) => x.slot === slot);
      return m ? persoon(k, m, all) : undefined;
    },
    atAddress(postcode, houseNumber) {
      const k = scaleHouseholdAt(postcode, houseNumber);
      if (k === undefined || !exists(k)) return [];
      const all = scaleHouseholdMembers(k);
      return all.map((m) => persoon(k, m, all));
    },
  };
}
