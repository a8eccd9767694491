import type { Tx } from '@kern/db';
import type { Period } from './catalogue-rules';
import { findCategoriesValidOn, findCategory, findCategoryNames, productCodeValidOn } from './catalogue.repository';
import type { Standard } from './contract/catalogue.schema';

// Facts of the product catalogue that other modules check their own data against: decisions
// (provisions) name a category, contracts (contracting) a category and a product code. Only this
// package names the catalogue's tables; the others ask here.
//
// These are reference data (the national lists) and the municipality's own product codes, no
// personal data, so they make no access decision of their own: they run inside the caller's
// transaction and tenant (row-level security keeps local products to that municipality), after
// the caller's own decision. Keep the names and signatures stable: other modules depend on them.

/** A category's validity, or undefined when the standard has no such category. */
export async function categoryValidity(tx: Tx, standard: Standard, code: string): Promise<Period | undefined> {
  const c = await findCategory(tx, standard, code);
  return c ? { validFrom: c.validFrom, validTo: c.validTo } : undefined;
}

/** The category codes of a standard that are valid on a day. */
export function categoriesValidOn(tx: Tx, standard: Standard, on: string): Promise<Set<string>> {
  return findCategoriesValidOn(tx, standard, on);
}

/** Whether a product code is a local product of the municipality or a national code of the category on the day. */
export function productCodeKnown(tx: Tx, q: { standard: Standard; category: string; code: string; on: string }): Promise<boolean> {
  return productCodeValidOn(tx, q.standard, q.category, q.code, q.on);
}

/** The categories' Dutch names (WMO020 / JZ020) by code, for texts a citizen reads; unknown codes are absent. */
export function categoryNames(tx: Tx, standard: Standard, codes: readonly string[]): Promise<Map<string, string>> {
  return findCategoryNames(tx, standard, codes);
}
