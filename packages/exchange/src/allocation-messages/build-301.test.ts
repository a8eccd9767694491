import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messageType, type Standard } from '../messages';
import { validateAgainstXsd } from '../xsd';
import { build301, dutchDateTime, parse301, type Toewijzing301 } from './build-301';

const examples = fileURLToPath(new URL('../../examples', import.meta.url));

function sample(standard: Standard): Toewijzing301 {
  return {
    standard,
    afzender: '0599',
    ontvanger: '12345678',
    identificatie: 'K301A',
    dagtekening: '2026-11-02',
    client: {
      bsn: '999991838', geboortedatum: '1980-05-01', datumGebruik: null, geslacht: '2', achternaam: 'Jansen', voorvoegsel: 'de', voornamen: 'Anna', voorletters: 'A',
      adres: { huisnummer: 12, huisletter: 'B', toevoeging: null, postcode: '3011AA', straatnaam: 'Coolsingel', plaatsnaam: 'Rotterdam' },
    },
    products: [
      // Inspanningsgericht: volume x unit x frequency.
      { toewijzingNummer: '1001', referentieAanbieder: 'R1', categorie: standard === 'iwmo' ? '02' : '45', code: standard === 'iwmo' ? '02A01' : '45A48', toewijzingsdatum: '2026-11-02', toewijzingstijd: '10:15:00', ingangsdatum: '2026-11-01', einddatum: '2027-10-31', redenWijziging: null, omvang: { volume: 4, eenheid: '04', frequentie: '2' }, budget: null },
      // Outputgericht with a budget, ended early with its RedenWijziging (05 verkorting).
      { toewijzingNummer: '1002', referentieAanbieder: null, categorie: standard === 'iwmo' ? '04' : '45', code: null, toewijzingsdatum: '2026-11-02', toewijzingstijd: '10:15:01', ingangsdatum: '2026-01-01', einddatum: '2026-11-30', redenWijziging: '05', omvang: null, budget: 250000 },
      // Removed (RedenWijziging 13): Einddatum equals Ingangsdatum.
      { toewijzingNummer: '1003', referentieAanbieder: null, categorie: null, code: null, toewijzingsdatum: '2026-11-02', toewijzingstijd: '10:15:02', ingangsdatum: '2026-12-01', einddatum: '2026-12-01', redenWijziging: '13', omvang: null, budget: null },
    ],
  };
}

describe('301 toewijzing', () => {
  it.each(['iwmo', 'ijw'] as Standard[])('%s: the 301 Kern builds validates against its XSD, with every allocation variant, a change and a removal', (standard) => {
    const xml = build301(sample(standard));
    expect(validateAgainstXsd(messageType(standard, '301'), xml)).toEqual([]);
    const prefix = standard === 'iwmo' ? 'wmo301' : 'jw301';
    expect(xml).toContain(`<${prefix}:RedenWijziging>05</${prefix}:RedenWijziging>`);
    expect(xml).toContain(`<${prefix}:Budget>250000</${prefix}:Budget>`);
    expect(xml).toContain(`<${prefix}:ReferentieAanbieder>R1</${prefix}:ReferentieAanbieder>`);
  });

  it.each(['iwmo', 'ijw'] as Standard[])('%s: build -> parse -> build is stable', (standard) => {
    const built = build301(sample(standard));
    expect(parse301(standard, built)).toEqual(sample(standard));
    expect(build301(parse301(standard, built))).toBe(built);
  });

  it.each([['iwmo', 'iwmo-3.2/berichten/WMO301.xml'], ['ijw', 'ijw-3.2/berichten/JW301.xml']] as [Standard, string][])('%s: the standard\'s example parses and builds again into a valid 301', (standard, file) => {
    const parsed = parse301(standard, readFileSync(`${examples}/${file}`, 'utf8'));
    const built = build301(parsed);
    expect(validateAgainstXsd(messageType(standard, '301'), built)).toEqual([]);
    expect(build301(parse301(standard, built))).toBe(built);
  });

  it('has no place for a RedenBeeindiging in release 3.2: an ending is the Einddatum with its RedenWijziging', () => {
    const xsd = readFileSync(fileURLToPath(new URL('../../xsd/iwmo/WMO301.xsd', import.meta.url)), 'utf8');
    expect(xsd).not.toContain('RedenBeeindiging');
    expect(xsd).toContain('name="RedenWijziging"');
  });

  it('writes ToewijzingDatumTijd in Dutch local time, summer and winter', () => {
    expect(dutchDateTime(new Date('2026-07-01T22:30:05Z'))).toEqual({ datum: '2026-07-02', tijd: '00:30:05' });
    expect(dutchDateTime(new Date('2026-12-31T23:00:00Z'))).toEqual({ datum: '2027-01-01', tijd: '00:00:00' });
  });
});
