/**
 * The official GBA-V test persons as Haal Centraal `Persoon` objects: what the fake BRP serves and
 * what tests and demo seeds refer to by BSN. Parsed once per process; the CSV ships in
 * `packages/registry/data/` (see data/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { parseGbaCsv, type GbaRecord, type Persoonslijst } from './gba-records';
import { dataFile, gbaDate, plaats, waarde } from './gba-values';
import type { Geboorte, Kind, Naam, Ouder, Partner, Persoon, Verblijfplaats } from './haal-centraal.schema';

export const TEST_SET_FILE = '20220502_Testset_persoonslijsten_proefomgeving_GBA-V.csv';

let cache: readonly Persoon[] | undefined;

/** All 687 test persons, parsed on first use and shared afterwards (treat them as read-only). */
export function loadTestPersons(): readonly Persoon[] {
  cache ??= parseGbaCsv(readFileSync(dataFile(TEST_SET_FILE), 'utf8')).map(toPersoon);
  return cache;
}

export function findTestPerson(bsn: string): Persoon | undefined {
  return loadTestPersons().find((p) => p.burgerservicenummer === bsn);
}

/** Drops undefined and empty-object members, so a serialised Persoon only carries what is known. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

const get = (r: GbaRecord | undefined, element: string): string | undefined => r?.get(element);

function voorletters(voornamen: string | undefined): string | undefined {
  if (!voornamen) return undefined;
  return voornamen
    .split(/\s+/)
    .filter(Boolean)
    .map((n) => `${n.charAt(0).toUpperCase()}.`)
    .join('');
}

/** Name elements are numbered the same in categories 01, 02, 03, 05 and 09. */
function naam(r: GbaRecord | undefined, withFullName: boolean): Naam | undefined {
  const voornamen = get(r, '02.10');
  const voorvoegsel = get(r, '02.30');
  const geslachtsnaam = get(r, '02.40');
  if (!voornamen && !geslachtsnaam) return undefined;
  return compact({
    voornamen,
    adellijkeTitelPredicaat: get(r, '02.20') ? { code: get(r, '02.20') } : undefined,
    voorvoegsel,
    geslachtsnaam,
    voorletters: voorletters(voornamen),
    volledigeNaam: withFullName ? [voornamen, voorvoegsel, geslachtsnaam].filter(Boolean).join(' ') : undefined,
  });
}

function geboorte(r: GbaRecord | undefined): Geboorte | undefined {
  const g = compact({ datum: gbaDate(get(r, '03.10')), plaats: plaats(get(r, '03.20')), land: waarde('Land', get(r, '03.30')) });
  return Object.keys(g).length ? g : undefined;
}

function ouder(r: GbaRecord | undefined, ouderAanduiding: '1' | '2'): Ouder | undefined {
  if (!r) return undefined;
  const o = compact({
    burgerservicenummer: get(r, '01.20'),
    ouderAanduiding,
    geslacht: waarde('Geslacht', get(r, '04.10')),
    naam: naam(r, false),
    geboorte: geboorte(r),
    datumIngangFamilierechtelijkeBetrekking: gbaDate(get(r, '62.10')),
  });
  // A parent stapel with only an aanduiding and no data is an unknown parent: the API leaves it out.
  return o.burgerservicenummer || o.naam ? o : undefined;
}

function partner(r: GbaRecord): Partner {
  return compact({
    burgerservicenummer: get(r, '01.20'),
    geslacht: waarde('Geslacht', get(r, '04.10')),
    soortVerbintenis: waarde('Soort_Verbintenis', get(r, '15.10')),
    naam: naam(r, false),
    geboorte: geboorte(r),
    aangaanHuwelijkPartnerschap: compact({
      datum: gbaDate(get(r, '06.10')),
      plaats: plaats(get(r, '06.20')),
      land: waarde('Land', get(r, '06.30')),
    }),
    ontbindingHuwelijkPartnerschap: compact({ datum: gbaDate(get(r, '07.10')) }),
  });
}

/**
 * "In partners wordt alleen de actuele of de laatst ontbonden partner geleverd" (spec, info):
 * current partners when there are any, otherwise the most recently dissolved one.
 */
function partners(records: readonly GbaRecord[]): Partner[] {
  const all = records.map((r) => ({ r, p: partner(r) })).filter(({ p }) => p.burgerservicenummer || p.naam);
  const current = all.filter(({ r }) => !get(r, '07.10'));
  if (current.length) return current.map(({ p }) => p);
  const lastDissolved = [...all].sort((a, b) => (get(b.r, '07.10') ?? '').localeCompare(get(a.r, '07.10') ?? ''))[0];
  return lastDissolved ? [lastDissolved.p] : [];
}

function verblijfplaats(r: GbaRecord | undefined): Verblijfplaats | undefined {
  if (!r) return undefined;
  const datumVan = gbaDate(get(r, '10.30')) ?? gbaDate(get(r, '09.20'));
  const functieAdres = waarde('Functie_Adres', get(r, '10.10'));
  const huisnummer = get(r, '11.20');
  if (get(r, '11.10') || get(r, '11.15') || huisnummer) {
    const aoid = get(r, '11.80');
    const nummeraanduiding = get(r, '11.90');
    return compact({
      type: 'Adres' as const,
      verblijfadres: compact({
        officieleStraatnaam: get(r, '11.15'),
        korteStraatnaam: get(r, '11.10'),
        huisnummer: huisnummer ? Number(huisnummer) : undefined,
        huisletter: get(r, '11.30'),
        huisnummertoevoeging: get(r, '11.40'),
        aanduidingBijHuisnummer: waarde('Aanduiding_Bij_Huisnummer', get(r, '11.50')),
        postcode: get(r, '11.60'),
        woonplaats: get(r, '11.70'),
      }),
      functieAdres,
      // 0000000000000000 is GBA's "no BAG object"; the API omits it.
      adresseerbaarObjectIdentificatie: aoid && !/^0+$/.test(aoid) ? aoid : undefined,
      nummeraanduidingIdentificatie: nummeraanduiding && !/^0+$/.test(nummeraanduiding) ? nummeraanduiding : undefined,
      datumVan,
    });
  }
  if (get(r, '12.10')) {
    return compact({ type: 'Locatie' as const, verblijfadres: { locatiebeschrijving: get(r, '12.10') }, functieAdres, datumVan });
  }
  const land = get(r, '13.10');
  if (land === '0000') return compact({ type: 'VerblijfplaatsOnbekend' as const, datumVan: gbaDate(get(r, '13.20')) });
  if (land) {
    return compact({
      type: 'VerblijfplaatsBuitenland' as const,
      verblijfadres: compact({
        regel1: get(r, '13.30'),
        regel2: get(r, '13.40'),
        regel3: get(r, '13.50'),
        land: waarde('Land', land),
      }),
      datumVan: gbaDate(get(r, '13.20')),
    });
  }
  return undefined;
}

/** Approximates the API's derived two-line postal address (Dutch addresses only). */
function adressering(v: Verblijfplaats | undefined, gemeente: string | undefined): Persoon['adressering'] {
  if (v?.type !== 'Adres' || !v.verblijfadres) return undefined;
  const a = v.verblijfadres;
  const nummer = `${a.huisnummer ?? ''}${a.huisletter ? ` ${a.huisletter}` : ''}${a.huisnummertoevoeging ? ` ${a.huisnummertoevoeging}` : ''}`;
  const postcode = a.postcode ? `${a.postcode.slice(0, 4)} ${a.postcode.slice(4)}` : '';
  const plaatsnaam = (a.woonplaats ?? gemeente ?? '').toUpperCase();
  return {
    adresregel1: [a.korteStraatnaam ?? a.officieleStraatnaam, nummer].filter(Boolean).join(' '),
    adresregel2: [postcode, plaatsnaam].filter(Boolean).join('  '),
  };
}

function nationaliteiten(records: readonly GbaRecord[]): NonNullable<Persoon['nationaliteiten']> {
  return records
    .filter((r) => !get(r, '64.10')) // a current record with a reden beëindiging is an ended nationality
    .map((r) => {
      const code = get(r, '05.10');
      const bijzonder = get(r, '65.10');
      const base = { redenOpname: code ? { code: get(r, '63.10') } : undefined, datumIngangGeldigheid: gbaDate(get(r, '85.10')) };
      if (bijzonder === 'B') return compact({ type: 'BehandeldAlsNederlander' as const, ...base });
      if (bijzonder === 'V') return compact({ type: 'VastgesteldNietNederlander' as const, ...base });
      if (code === '0499') return compact({ type: 'Staatloos' as const, ...base });
      if (code === '0000') return compact({ type: 'NationaliteitOnbekend' as const, ...base });
      return compact({ type: 'Nationaliteit' as const, nationaliteit: code ? { code } : undefined, ...base });
    })
    .filter((n) => n.type !== 'Nationaliteit' || n.nationaliteit);
}

export function toPersoon(pl: Persoonslijst): Persoon {
  const one = (cat: string): GbaRecord | undefined => pl.categories.get(cat)?.[0];
  const all = (cat: string): readonly GbaRecord[] => pl.categories.get(cat) ?? [];
  const p = one('01');
  const inschrijving = one('07');
  const vbp = one('08');
  const gemeente = waarde('Gemeente', get(vbp, '09.10'));
  const plaatsVanVerblijf = verblijfplaats(vbp);
  const reden = get(inschrijving, '67.20');
  const geheimhouding = get(inschrijving, '70.10');
  const titel = one('10');
  const ouders = [ouder(one('02'), '1'), ouder(one('03'), '2')].filter((o): o is Ouder => o !== undefined);

  return compact({
    aNummer: get(p, '01.10'),
    burgerservicenummer: get(p, '01.20'),
    geslacht: waarde('Geslacht', get(p, '04.10')),
    naam: naam(p, true) && compact({ ...naam(p, true), aanduidingNaamgebruik: waarde('Naamgebruik', get(p, '61.10')) }),
    geboorte: geboorte(p),
    overlijden: one('06') && compact({ datum: gbaDate(get(one('06'), '08.10')), plaats: plaats(get(one('06'), '08.20')), land: waarde('Land', get(one('06'), '08.30')) }),
    nationaliteiten: all('04').length ? nationaliteiten(all('04')) : undefined,
    verblijfplaats: plaatsVanVerblijf,
    gemeenteVanInschrijving: gemeente,
    datumInschrijvingInGemeente: gbaDate(get(vbp, '09.20')),
    datumEersteInschrijvingGBA: gbaDate(get(inschrijving, '68.10')),
    adressering: adressering(plaatsVanVerblijf, gemeente?.omschrijving),
    opschortingBijhouding: reden ? { reden: waarde('Reden_Opschorting_Bijhouding', reden), datum: gbaDate(get(inschrijving, '67.10')) } : undefined,
    geheimhoudingPersoonsgegevens: geheimhouding && geheimhouding !== '0' ? true : undefined,
    indicatieCurateleRegister: get(one('11'), '33.10') === '1' ? true : undefined,
    indicatieGezagMinderjarige: get(one('11'), '32.10') ? { code: get(one('11'), '32.10') } : undefined,
    // A verblijfstitel with an end date is (in this 2022 test set) no longer current, and the API omits non-current data.
    verblijfstitel:
      titel && !get(titel, '39.20') ? compact({ aanduiding: { code: get(titel, '39.10') }, datumIngang: gbaDate(get(titel, '39.30')) }) : undefined,
    partners: all('05').length ? partners(all('05')) : undefined,
    ouders: ouders.length ? ouders : undefined,
    kinderen: all('09').length
      ? all('09').map((r): Kind => compact({ burgerservicenummer: get(r, '01.20'), naam: naam(r, false), geboorte: geboorte(r) }))
      : undefined,
  });
}
