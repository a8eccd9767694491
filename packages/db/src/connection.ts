import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './schema.generated';

/** The database handle, typed by every table the migrations make (schema.generated.ts, `npm run db:types`). */
export type AnyDb = Kysely<DB>;

export interface Database {
  readonly db: AnyDb;
  readonly engine: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the whole cluster as a tarball, to start other instances from (test templates). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface ConnectOptions {
  /** A PostgreSQL server. When absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` (or undefined) keeps everything in memory. */
  dataDir?: string | undefined;
  /** PGlite only: start from this snapshot (a `dumpDataDir` tarball) instead of an empty cluster. */
  loadDataDir?: Blob | undefined;
}

// Dates without time (the law counts days) stay ISO strings; bigint counters fit a JS number.
const DATE_OID = 1082;
const INT8_OID = 20;
const keepDate = (v: string): string => v;
const int8ToNumber = (v: string): number => Number(v);

export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return keepDate;
          if (oid === INT8_OID) return int8ToNumber;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle pooled connection that the server ends (restart, failover, a dropped test database)
    // is an 'error' event on the pool; unhandled it would crash the process. The pool replaces it.
    pool.on('error', (error) => {
      if ((error as { code?: string }).code !== '57P01') console.warn(`kern: idle database connection lost: ${error.message}`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir, {
    parsers: { [DATE_OID]: keepDate, [INT8_OID]: int8ToNumber },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await pglite.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', close: () => db.destroy(), dumpDataDir: async () => pglite.dumpDataDir('none') };
}

/**
 * A `date` column as an ISO day. node-postgres is told to leave dates as text (above); PGlite
 * ignores that option for `date` and hands back a Date at UTC midnight, so both are accepted.
 */
export function isoDay(value: string | Date): string;
export function isoDay(value: string | Date | null): string | null;
export function isoDay(value: string | Date | null): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
