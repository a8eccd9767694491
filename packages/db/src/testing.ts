import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from './connection';
import { migrate } from './migrate';

export type TestDatabase = Database & { readonly name: string };

/**
 * A fresh, migrated database for one test file.
 *
 * With `KERN_TEST_ENGINE=postgres` it creates a uniquely named database on the server behind
 * `DATABASE_URL` (so test files can run in parallel and never see each other's rows) and drops
 * it again on `close()`. Otherwise it is an in-memory PGlite, gone when closed.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.KERN_TEST_ENGINE !== 'postgres') {
    const database = await connect({});
    await migrateOrClose(database);
    return { ...database, name: 'memory://' };
  }

  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    throw new Error(
      'KERN_TEST_ENGINE=postgres needs DATABASE_URL: a PostgreSQL server URL whose user may create databases, ' +
        'e.g. postgres://postgres@127.0.0.1:5432/postgres',
    );
  }
  const name = `kern_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await connect({ databaseUrl: url.toString() });
    await migrateOrClose(database);
  } catch (error) {
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    throw error;
  }
  return {
    db: database.db,
    engine: database.engine,
    name,
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function migrateOrClose(database: Database): Promise<void> {
  try {
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** `create/drop database` cannot run inside a transaction, so it gets its own short client. */
async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
