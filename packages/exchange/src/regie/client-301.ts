import type { Resident } from '@kern/registry';
import type { Client301 } from '../allocation-messages/build-301';

/**
 * The client as the 301 identifies them, from the BRP record: a partly known birth date is
 * written with COD170 DatumGebruik (1 day unknown, 2 day and month unknown, 3 wholly unknown),
 * the gender with COD046, the BRP address as Contact Soort 01.
 */
export function client301FromResident(r: Resident): Client301 {
  const d = r.birthDate;
  const geboortedatum = d === null ? '1900-01-01' : d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
  const datumGebruik = d === null ? '3' : d.length === 4 ? '2' : d.length === 7 ? '1' : null;
  const initials = r.name.givenNames
    ? r.name.givenNames.split(/\s+/).filter(Boolean).map((n) => n.charAt(0).toUpperCase()).join('').slice(0, 6)
    : null;
  return {
    bsn: r.bsn,
    geboortedatum,
    datumGebruik,
    geslacht: r.gender === 'male' ? '1' : r.gender === 'female' ? '2' : '0',
    achternaam: (r.name.surname ?? r.name.fullName).slice(0, 200),
    voorvoegsel: r.name.prefix,
    voornamen: r.name.givenNames,
    voorletters: initials,
    adres: r.address
      ? {
          huisnummer: r.address.houseNumber,
          huisletter: r.address.houseLetter ?? null,
          toevoeging: r.address.houseNumberAddition ?? null,
          postcode: r.address.postcode.replace(/\s+/g, '').toUpperCase(),
          straatnaam: r.address.street,
          plaatsnaam: r.address.city,
        }
      : null,
  };
}
