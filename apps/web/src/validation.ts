/** Client-side checks that mirror the server's, so people get an answer before a round trip. */

/** A BSN is nine digits that pass the 11-test (elfproef): sum of digit * weight (9..2, -1) divisible by 11. */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const digit = Number(value.charAt(i));
    sum += i === 8 ? -digit : digit * (9 - i);
  }
  return sum % 11 === 0 && sum !== 0;
}

/** Normalises "1234 ab" to "1234AB"; returns null when it is not a Dutch postcode. */
export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return /^[1-9]\d{3}[A-Z]{2}$/.test(compact) ? compact : null;
}

/** The server's own check (one ISO-date module, browser-safe): what passes here passes there. */
export { isIsoDate } from '@kern/kit/contract';

export const MIN_PASSWORD_LENGTH = 12;
export const MIN_BREAK_GLASS_REASON = 20;
/** The server asks for a note of at least this many characters with every suspension of a term. */
export const MIN_SUSPENSION_NOTE = 5;
