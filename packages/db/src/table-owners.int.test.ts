import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from './table-owners';
import { createTestDatabase, type TestDatabase } from './testing';

describe('table owners against the migrated schema', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('names an owner for every table of a freshly migrated database, and for no table it lacks', async () => {
    const r = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(database.db);
    // The migrator's own bookkeeping (packages/db/src/migrate.ts), made before any migration runs.
    const tables = r.rows.map((t) => t.name).filter((t) => t !== 'schema_migrations');
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(tables);
  });
});
