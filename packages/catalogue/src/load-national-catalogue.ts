import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSystem, type AnyDb, type Tx } from '@kern/db';
import { z } from 'zod';
import { countNationalCatalogue, insertMissingCategories, upsertNationalCatalogue, type NationalCatalogueData } from './catalogue.repository';
import { standardSchema } from './contract/catalogue.schema';

/** The data file shipped with the module (see data/README.md for its sources). */
export const NATIONAL_CATALOGUE_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'national-catalogue.json');

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const period = { validFrom: day, validTo: day.nullable() };
const fileSchema = z.object({
  categories: z.array(z.object({ standard: standardSchema, code: z.string().regex(/^\d{2}$/), name: z.string().min(1), ...period })),
  products: z.array(z.object({ standard: standardSchema, category: z.string().regex(/^\d{2}$/), code: z.string().regex(/^[A-Za-z0-9]{5}$/), name: z.string().min(1), ...period })),
});

export function readNationalCatalogue(file = NATIONAL_CATALOGUE_FILE): NationalCatalogueData {
  return fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * Loads the national catalogue (categories and national product codes with their validity) as
 * reference data. Idempotent: a second load with the same data changes nothing, a newer file
 * updates names and end dates. Runs as the schema owner, because the app role may only read
 * reference data; it is a seed step, not a migration, so no migration depends on a file.
 */
export async function loadNationalCatalogue(db: AnyDb, data: NationalCatalogueData = readNationalCatalogue()): Promise<{ categories: number; products: number }> {
  return withSystem(db, async (tx) => {
    await upsertNationalCatalogue(tx, data);
    return countNationalCatalogue(tx);
  });
}

/**
 * For demo and test data that needs categories before (or without) the national list: adds the
 * categories that are missing and leaves the ones already loaded as they are. Runs in the
 * caller's schema-owner transaction (withSystem), like the rest of the seed's reference data.
 */
export function addMissingCategories(tx: Tx, categories: NationalCatalogueData['categories']): Promise<void> {
  return insertMissingCategories(tx, categories);
}
