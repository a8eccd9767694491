import type { Finding } from '../inbound/header-rules';
import type { Standard } from '../messages';
import { ijwProductCodes } from './ijw-product-codes';

/**
 * TR381 (S329): a ProductCode fits its ProductCategorie per the product code list in use. A code
 * whose first two characters are digits names its category (02A01 is category 02, 45A48 is 45), in
 * both standards. The iJw list in the reference set lacks codes in use (category 55, the national
 * purchase, as in the official JW301 example), so it is asked only about the codes that name no
 * category (L0..., P5...), which must be on it. A municipality's own Wmo list is not known here.
 */
export function productCodeFits(standard: Standard, categorie: string | null, code: string | null): boolean {
  if (code === null) return true;
  if (!/^\d\d/.test(code)) return standard !== 'ijw' || ijwProductCodes.has(code);
  return categorie === null || code.slice(0, 2) === categorie;
}

/** The TR381 finding of a message whose products are given, at most one. */
export function tr381(standard: Standard, products: readonly { categorie: string | null; code: string | null }[]): Finding[] {
  return products.some((p) => !productCodeFits(standard, p.categorie, p.code)) ? [{ rule: 'TR381', code: 'S329' }] : [];
}
