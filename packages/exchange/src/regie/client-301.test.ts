import { describe, expect, it } from 'vitest';
import { build301 } from '../allocation-messages/build-301';
import { messageType } from '../messages';
import { validateAgainstXsd } from '../xsd';
import { client301FromResident } from './client-301';

const resident = {
  bsn: '999991838',
  name: { givenNames: 'Anna Maria', prefix: 'van', surname: 'Dijk', fullName: 'Anna Maria van Dijk' },
  birthDate: '1985-06',
  gender: 'female' as const,
  address: { street: 'Coolsingel', houseNumber: 40, houseLetter: 'a', postcode: '3011 AD', city: 'Rotterdam' },
  municipalityCode: '0599',
  deceased: false,
  partners: [],
  parents: [],
  children: [],
};

describe('the 301 client from the BRP record', () => {
  it('writes a partly known birth date with its DatumGebruik, the gender code, initials and the BRP address, and the 301 validates', () => {
    const c = client301FromResident(resident);
    expect(c).toMatchObject({ geboortedatum: '1985-06-01', datumGebruik: '1', geslacht: '2', voorletters: 'AM', voorvoegsel: 'van', achternaam: 'Dijk' });
    expect(c.adres).toMatchObject({ postcode: '3011AD', huisletter: 'a' });
    expect(client301FromResident({ ...resident, birthDate: null, gender: 'unknown' })).toMatchObject({ geboortedatum: '1900-01-01', datumGebruik: '3', geslacht: '0' });
    expect(client301FromResident({ ...resident, birthDate: '1985' })).toMatchObject({ geboortedatum: '1985-01-01', datumGebruik: '2' });
    for (const standard of ['iwmo', 'ijw'] as const) {
      const xml = build301({
        standard, afzender: '0599', ontvanger: '12345678', identificatie: 'K1', dagtekening: '2026-04-01', client: c,
        products: [{ toewijzingNummer: '1', referentieAanbieder: null, categorie: standard === 'iwmo' ? '02' : '45', code: null, toewijzingsdatum: '2026-04-01', toewijzingstijd: '10:00:00', ingangsdatum: '2026-04-01', einddatum: null, redenWijziging: null, omvang: { volume: 4, eenheid: '04', frequentie: '2' }, budget: null }],
      });
      expect(validateAgainstXsd(messageType(standard, '301'), xml)).toEqual([]);
    }
  });
});
