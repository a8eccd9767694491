import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { AnyDb } from './connection';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return files.map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    return {
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: text,
      checksum: createHash('sha256').update(text).digest('hex'),
    };
  });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations in order, each in its own transaction. Migrations are append-only:
 * an applied migration whose file changed afterwards stops the run instead of drifting silently.
 */
export async function migrate(
  db: AnyDb,
  onProgress: (message: string) => void = () => undefined,
  migrations = loadMigrations(),
): Promise<MigrateResult> {
  await sql`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const m of migrations) {
    const done = await db.transaction().execute(async (tx) => {
      // Serialises concurrent starters (several server instances) on a PostgreSQL server.
      await sql`select pg_advisory_xact_lock(734201)`.execute(tx);
      const existing = await sql<{ checksum: string }>`select checksum from schema_migrations where version = ${m.version}`.execute(tx);
      const row = existing.rows[0];
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied; migrations are append-only, add a new one instead.`);
        }
        return false;
      }
      await sql.raw(m.sql).execute(tx);
      await sql`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`.execute(tx);
      return true;
    });
    if (done) {
      applied.push(m.name);
      onProgress(`applied ${m.name}`);
    } else {
      alreadyApplied++;
    }
  }
  return { applied, alreadyApplied };
}
