import { connect, migrate } from '@kern/db';
import { loadConfig } from '@kern/kit';
import { loadNationalCatalogue, NATIONAL_CATALOGUE_FILE, readNationalCatalogue } from '@kern/catalogue';

/**
 * `kern catalogue load [file]`: loads the national product catalogue (categories and product
 * codes with their validity) as reference data. Idempotent, so it can run on every deploy; a
 * newer list file updates names and end dates.
 */
export async function runCatalogueLoad(file: string | undefined, options: { dataDir?: string }): Promise<void> {
  const data = readNationalCatalogue(file ?? NATIONAL_CATALOGUE_FILE);
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  const database = await connect(config);
  try {
    await migrate(database.db, (m) => console.error(`kern catalogue: migration ${m}`));
    const counts = await loadNationalCatalogue(database.db, data);
    console.error(`kern catalogue: ${data.categories.length} categories and ${data.products.length} product codes loaded; the catalogue now holds ${counts.categories} categories and ${counts.products} product codes`);
  } finally {
    await database.close();
  }
}
