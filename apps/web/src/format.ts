import type { Address, PersonName } from './api';
import type { MessageKey } from './i18n';

/** "1234AB" as people write it: "1234 AB". */
export function formatPostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : postcode;
}

export function formatAddress(address: Address): string {
  const letter = address.houseLetter ?? '';
  const addition = address.houseNumberAddition ? `-${address.houseNumberAddition}` : '';
  return `${address.street} ${address.houseNumber}${letter}${addition}, ${formatPostcode(address.postcode)} ${address.city}`;
}

export function fullName(name: PersonName): string {
  if (name.fullName) return name.fullName;
  return [name.givenNames, name.prefix, name.surname].filter(Boolean).join(' ');
}

/** The BRP codes gender as M / V / O; the server may also send words. Unknown values show as sent. */
export function genderKey(gender: string): MessageKey | null {
  switch (gender.trim().toLowerCase()) {
    case 'm':
    case 'man':
    case 'male':
      return 'gender.male';
    case 'v':
    case 'f':
    case 'vrouw':
    case 'female':
      return 'gender.female';
    case 'o':
    case 'onbekend':
    case 'unknown':
      return 'gender.unknown';
    default:
      return null;
  }
}
