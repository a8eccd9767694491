import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import pg from 'pg';
import { connect, type Database } from './connection';
import { loadMigrations, migrate } from './migrate';
import type { DB } from './schema.generated';

export type TestDatabase = Database & { readonly name: string };

/**
 * A fresh, migrated database for one test file.
 *
 * With `KERN_TEST_ENGINE=postgres` it creates a uniquely named database on the server behind
 * `DATABASE_URL` (so test files can run in parallel and never see each other's rows) and drops
 * it again on `close()`. Otherwise it is an in-memory PGlite, gone when closed.
 *
 * Both start from a template migrated once per set of migrations (a PostgreSQL template database,
 * a PGlite snapshot file), because running every migration for every test file is most of what a
 * small test file costs. The template's name carries the migrations' checksum, so a changed or
 * added migration makes a new one.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.KERN_TEST_ENGINE !== 'postgres') {
    const database = await connect({ loadDataDir: await pgliteTemplate() });
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
  const template = await postgresTemplate(adminUrl);
  const name = `kern_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);

  let database: Database;
  try {
    database = await connect({ databaseUrl: databaseUrl(adminUrl, name) });
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

/**
 * Another connection to the same test database, as a second server process would have: on
 * PostgreSQL its own pool; PGlite is one connection in process, so it is the same database (two
 * workers there interleave on one connection). Close it before the database.
 */
export async function connectAgain(database: TestDatabase): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL;
  if (database.engine !== 'postgres' || !adminUrl) return { ...database, close: () => Promise.resolve() };
  return connect({ databaseUrl: databaseUrl(adminUrl, database.name) });
}

function migrationsChecksum(): string {
  const hash = createHash('sha256');
  for (const m of loadMigrations()) hash.update(`${m.name}:${m.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** A snapshot file of a migrated PGlite cluster, written atomically so parallel workers can race. */
async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `kern-pglite-template-${migrationsChecksum()}.tar`);
  if (!existsSync(file)) {
    const database = await connect({});
    try {
      await migrate(database.db);
      if (!database.dumpDataDir) throw new Error('PGlite connection without dumpDataDir');
      const snapshot = await database.dumpDataDir();
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await snapshot.arrayBuffer()));
      renameSync(partial, file);
    } finally {
      await database.close();
    }
  }
  return new Blob([readFileSync(file)]);
}

/**
 * A migrated template database, made once under an advisory lock. It is built under a temporary
 * name and renamed when complete, so a failed migration never leaves a broken template behind.
 */
async function postgresTemplate(adminUrl: string): Promise<string> {
  const template = `kern_template_${migrationsChecksum()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [template]);
    const exists = await client.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_building`;
      await client.query(`drop database if exists ${building} with (force)`);
      await client.query(`create database ${building}`);
      const database = await connect({ databaseUrl: databaseUrl(adminUrl, building) });
      try {
        await migrate(database.db);
      } finally {
        await database.close();
      }
      await client.query(`alter database ${building} rename to ${template}`);
    }
    return template;
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [template]).catch(() => undefined);
    await client.end();
  }
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
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

/** A Kysely on the generated schema with no database behind it: for tests that only compile typed queries. */
export function compileOnlyDb(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}
