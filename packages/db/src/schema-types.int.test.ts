import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchemaTypes, SCHEMA_TYPES_FILE } from './schema-types';
import { createTestDatabase, type TestDatabase } from './testing';

describe('generated table types', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('the committed schema.generated.ts is what the migrations make today', async () => {
    const fresh = await generateSchemaTypes(database.db);
    const committed = readFileSync(SCHEMA_TYPES_FILE, 'utf8');
    expect(committed, 'packages/db/src/schema.generated.ts is out of date with the migrations: run `npm run db:types` and commit the result').toBe(fresh);
  });
});
