/**
 * `npm run db:types`: migrates a fresh in-memory PGlite database and writes the table types to
 * schema.generated.ts. Run it after adding or merging a migration, and commit the result.
 */
import { writeFileSync } from 'node:fs';
import { connect } from './connection';
import { migrate } from './migrate';
import { generateSchemaTypes, SCHEMA_TYPES_FILE } from './schema-types';

async function main(): Promise<void> {
  const database = await connect({});
  try {
    await migrate(database.db);
    writeFileSync(SCHEMA_TYPES_FILE, await generateSchemaTypes(database.db));
    console.log(`wrote ${SCHEMA_TYPES_FILE}`);
  } finally {
    await database.close();
  }
}

await main();
