import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGbaCsv } from './gba-records';
import { dataFile, gbaDate } from './gba-values';
import { findTestPerson, loadTestPersons, TEST_SET_FILE } from './test-persons';
import { persoonSchema } from './haal-centraal.schema';

describe('GBA-V test set parsing', () => {
  it('yields all 687 persoonslijsten, 176 in 0518 and 141 in 0599', () => {
    const persons = loadTestPersons();
    expect(persons).toHaveLength(687);
    expect(persons.filter((p) => p.gemeenteVanInschrijving?.code === '0518')).toHaveLength(176);
    expect(persons.filter((p) => p.gemeenteVanInschrijving?.code === '0599')).toHaveLength(141);
  });

  it('parses once per process and serves the cached array afterwards', () => {
    expect(loadTestPersons()).toBe(loadTestPersons());
  });

  it('produces objects that satisfy the Persoon schema the client validates against', () => {
    for (const p of loadTestPersons()) expect(persoonSchema.safeParse(p).success).toBe(true);
  });

  it('maps Suzanne Moulin (999993653) with name, foreign birthplace, BAG address, partner and parents', () => {
    const p = findTestPerson('999993653');
    expect(p?.naam).toMatchObject({ voornamen: 'Suzanne', geslachtsnaam: 'Moulin', volledigeNaam: 'Suzanne Moulin', voorletters: 'S.' });
    expect(p?.geslacht).toEqual({ code: 'V', omschrijving: 'vrouw' });
    expect(p?.geboorte?.datum).toEqual({ type: 'Datum', datum: '1985-12-01', langFormaat: '1 december 1985' });
    expect(p?.geboorte?.plaats).toEqual({ omschrijving: 'Thann' });
    expect(p?.gemeenteVanInschrijving).toEqual({ code: '0599', omschrijving: 'Rotterdam' });
    expect(p?.verblijfplaats).toMatchObject({
      type: 'Adres',
      verblijfadres: { officieleStraatnaam: 'Boterdiep', korteStraatnaam: 'Boterdiep', huisnummer: 31, postcode: '3077AW', woonplaats: 'Rotterdam' },
      adresseerbaarObjectIdentificatie: '0599010000208579',
      nummeraanduidingIdentificatie: '0599200000219678',
    });
    expect(p?.partners).toHaveLength(1);
    expect(p?.partners?.[0]).toMatchObject({
      naam: { voornamen: 'Jean Marie', geslachtsnaam: 'Beaudelaire' },
      soortVerbintenis: { code: 'H', omschrijving: 'huwelijk' },
    });
    expect(p?.ouders?.map((o) => [o.ouderAanduiding, o.naam?.voornamen, o.naam?.geslachtsnaam])).toEqual([
      ['1', 'Lisette', 'Béamont'],
      ['2', 'Guîllaumé', 'Moulin'],
    ]);
  });

  it('uses the current verblijfplaats, not the historic one that follows it (Mattheus du Burck, 999990639)', () => {
    const p = findTestPerson('999990639');
    // The history row holds Maassingel 108 in Deurne (0762); the current record is in 's-Gravenhage.
    expect(p?.verblijfplaats).toMatchObject({ type: 'Adres', verblijfadres: { korteStraatnaam: 'Zeeruststraat', huisnummer: 132, postcode: '2584BZ' } });
    expect(p?.gemeenteVanInschrijving?.code).toBe('0518');
  });

  it('reads every child occurrence and each child’s current record (the .H pointer), not the history rows', () => {
    const p = findTestPerson('999990639');
    // Caroline and Karin each have a historic record without BSN directly after their current one.
    expect(p?.kinderen?.map((k) => [k.burgerservicenummer, k.naam?.voornamen, k.naam?.voorvoegsel, k.naam?.geslachtsnaam])).toEqual([
      ['999992387', 'Caroline Ilse', 'du', 'Burck'],
      ['999994736', 'Karin Monique', 'du', 'Burck'],
      ['999994773', 'Sasja', 'du', 'Burck'],
      ['999993136', 'Carsten Antonius', 'du', 'Burck'],
    ]);
  });

  it('maps birth dates with unknown parts to JaarDatum, JaarMaandDatum and DatumOnbekend', () => {
    expect(findTestPerson('999992806')?.geboorte?.datum).toEqual({ type: 'JaarDatum', jaar: 1968, langFormaat: '1968' });
    expect(findTestPerson('999992351')?.geboorte?.datum).toEqual({ type: 'JaarMaandDatum', jaar: 1978, maand: 3, langFormaat: 'maart 1978' });
    expect(findTestPerson('999994220')?.geboorte?.datum).toEqual({ type: 'DatumOnbekend', onbekend: true, langFormaat: 'onbekend' });
  });

  it('records death in overlijden (Margriet Buidel, 999990147, died 26 May 2018)', () => {
    expect(findTestPerson('999990147')?.overlijden?.datum).toEqual({ type: 'Datum', datum: '2018-05-26', langFormaat: '26 mei 2018' });
  });

  it('gives a foreign-resident person a VerblijfplaatsBuitenland rather than an address', () => {
    const abroad = loadTestPersons().filter((p) => p.verblijfplaats?.type === 'VerblijfplaatsBuitenland');
    expect(abroad.length).toBeGreaterThan(50);
  });

  it('keeps the csv parser honest on a synthetic two-child list with history', () => {
    const header = ';01.01.20;01.02.40;01.H;09.01.20;09.02.10;09.H;';
    const rows = ['Lg_x;999990001;Test;;999990002;Anna;59;', ';;;;;Anna oud;09;', ';;;;999990003;Bram;;'];
    const [pl] = parseGbaCsv([header, ...rows].join('\n'));
    expect(pl?.categories.get('09')?.map((r) => r.get('02.10'))).toEqual(['Anna', 'Bram']);
  });

  it('ships the test set inside the package', () => {
    expect(readFileSync(dataFile(TEST_SET_FILE), 'utf8').length).toBeGreaterThan(100_000);
  });
});

describe('gbaDate', () => {
  it('formats a complete date with a Dutch long form', () => {
    expect(gbaDate('20000229')).toEqual({ type: 'Datum', datum: '2000-02-29', langFormaat: '29 februari 2000' });
  });
  it('keeps year and month of an impossible date (the test set has 19821291)', () => {
    expect(gbaDate('19821291')).toEqual({ type: 'JaarMaandDatum', jaar: 1982, maand: 12, langFormaat: 'december 1982' });
  });
  it('treats 00000000 as wholly unknown and ignores empty values', () => {
    expect(gbaDate('00000000')).toEqual({ type: 'DatumOnbekend', onbekend: true, langFormaat: 'onbekend' });
    expect(gbaDate('')).toBeUndefined();
  });
});
