/**
 * What every bench shares so its figures cannot mislead: the engine it really runs on (never a
 * silent fallback), the machine's cores and load average beside the figures, and one shape for
 * the last line, which ends in `ratio <number>`.
 */
import { cpus, loadavg } from 'node:os';
import { createTestDatabase } from '@kern/db/testing';

export type BenchEngine = 'pglite' | 'postgres';

/**
 * The engine the environment asks for. DATABASE_URL alone is ambiguous: the test databases use it
 * only with KERN_TEST_ENGINE=postgres, so a bench would silently run on PGlite while its reader
 * believes it measured the server. Refused, with what to set.
 */
export function requestedEngine(env: NodeJS.ProcessEnv = process.env): BenchEngine {
  const engine = env.KERN_TEST_ENGINE;
  if (engine === 'postgres') {
    if (!env.DATABASE_URL) throw new Error('KERN_TEST_ENGINE=postgres needs DATABASE_URL (a server whose user may create databases)');
    return 'postgres';
  }
  if (engine !== undefined && engine !== '' && engine !== 'pglite') throw new Error(`KERN_TEST_ENGINE=${engine} is not an engine: use pglite or postgres`);
  if (env.DATABASE_URL && engine !== 'pglite') {
    throw new Error('DATABASE_URL is set but KERN_TEST_ENGINE is not: set KERN_TEST_ENGINE=postgres to measure the server, or KERN_TEST_ENGINE=pglite (or unset DATABASE_URL) for the embedded engine');
  }
  return 'pglite';
}

/** A fresh migrated database on the engine asked for; refuses when the answer would differ from the request. */
export async function benchDatabase(): Promise<Awaited<ReturnType<typeof createTestDatabase>>> {
  const wanted = requestedEngine();
  const database = await createTestDatabase();
  if (database.engine !== wanted) throw new Error(`bench asked for ${wanted} but the test database runs on ${database.engine}`);
  return database;
}

/** "2 cores, load average 1.72 1.51 1.20": the conditions a figure was taken under. */
export function machine(): string {
  return `${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}

/** The bench's last line: its name, the engine, the machine, the two figures, and the ratio at the end. */
export function ratioLine(name: string, engine: BenchEngine | 'none', figures: string, ratio: number): string {
  return `${name} [engine ${engine}; ${machine()}]: ${figures} = ratio ${ratio.toFixed(3)}`;
}
