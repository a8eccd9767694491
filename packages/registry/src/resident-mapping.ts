/**
 * From the BRP's `Persoon` to Kern's `Resident`: the one place where Dutch API names become
 * Kern's names, so that nothing past the client depends on the BRP's shapes.
 */
import { datumToIsoOrPartial } from './gba-values';
import type { Geboorte, Naam, Persoon } from './haal-centraal.schema';
import type { Address, Gender, PersonName, RelatedPerson, Resident, ResidentSummary } from './contract';

const orNull = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

export function toPersonName(naam: Naam | undefined): PersonName {
  const givenNames = orNull(naam?.voornamen);
  const prefix = orNull(naam?.voorvoegsel);
  const surname = orNull(naam?.geslachtsnaam);
  return {
    givenNames,
    prefix,
    surname,
    fullName: naam?.volledigeNaam ?? [givenNames, prefix, surname].filter(Boolean).join(' '),
  };
}

const birthDate = (g: Geboorte | undefined): string | null => datumToIsoOrPartial(g?.datum) ?? null;

function gender(code: string | undefined): Gender {
  if (code === 'M') return 'male';
  if (code === 'V') return 'female';
  return 'unknown';
}

export function toAddress(p: Persoon): Address | undefined {
  const v = p.verblijfplaats;
  if (v?.type !== 'Adres' || !v.verblijfadres) return undefined;
  const a = v.verblijfadres;
  const street = a.officieleStraatnaam ?? a.korteStraatnaam;
  if (street === undefined || a.huisnummer === undefined) return undefined;
  return {
    street,
    houseNumber: a.huisnummer,
    ...(a.huisletter ? { houseLetter: a.huisletter } : {}),
    ...(a.huisnummertoevoeging ? { houseNumberAddition: a.huisnummertoevoeging } : {}),
    postcode: a.postcode ?? '',
    // Some test persons lack a woonplaats; the municipality is the nearest truthful place name.
    city: a.woonplaats ?? p.gemeenteVanInschrijving?.omschrijving ?? '',
    ...(v.adresseerbaarObjectIdentificatie ? { addressableObjectId: v.adresseerbaarObjectIdentificatie } : {}),
  };
}

function related(r: { burgerservicenummer?: string | undefined; naam?: Naam | undefined; geboorte?: Geboorte | undefined }): RelatedPerson {
  return {
    ...(r.burgerservicenummer ? { bsn: r.burgerservicenummer } : {}),
    name: toPersonName(r.naam),
    birthDate: birthDate(r.geboorte),
  };
}

/** Returns undefined for a Persoon without BSN, which a resident record cannot be keyed on. */
export function toResident(p: Persoon): Resident | undefined {
  if (!p.burgerservicenummer) return undefined;
  const address = toAddress(p);
  const birthPlace = p.geboorte?.plaats?.omschrijving ?? p.geboorte?.plaats?.code ?? p.geboorte?.land?.omschrijving;
  return {
    bsn: p.burgerservicenummer,
    name: toPersonName(p.naam),
    birthDate: birthDate(p.geboorte),
    gender: gender(p.geslacht?.code),
    ...(birthPlace ? { birthPlace } : {}),
    ...(address ? { address } : {}),
    municipalityCode: p.gemeenteVanInschrijving?.code ?? '',
    ...(p.datumInschrijvingInGemeente?.type === 'Datum' ? { registeredSince: p.datumInschrijvingInGemeente.datum } : {}),
    // Death is recorded in category 06; a suspension for reason O (overlijden) says the same.
    deceased: p.overlijden !== undefined || p.opschortingBijhouding?.reden?.code === 'O',
    ...(p.overlijden?.datum?.type === 'Datum' ? { diedOn: p.overlijden.datum.datum } : {}),
    partners: (p.partners ?? []).map((x) => {
      const dissolvedOn = datumToIsoOrPartial(x.ontbindingHuwelijkPartnerschap?.datum);
      return { ...related(x), ...(x.ontbindingHuwelijkPartnerschap ? { dissolvedOn: dissolvedOn ?? null } : {}) };
    }),
    parents: (p.ouders ?? []).map(related),
    children: (p.kinderen ?? []).map(related),
  };
}

export function toResidentSummary(r: Resident): ResidentSummary {
  return { bsn: r.bsn, name: r.name, birthDate: r.birthDate, ...(r.address ? { address: r.address } : {}) };
}
