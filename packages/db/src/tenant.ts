import { sql, type Kysely } from 'kysely';
import type { AnyDb } from './connection';
import type { DB } from './schema.generated';

/** One connection inside an open transaction, typed by every table (schema.generated.ts). */
export type Tx = Kysely<DB>;

export const MUNICIPALITY_CODE = /^\d{4}$/;

/**
 * The tenancy guard. Runs `fn` in one transaction as the unprivileged role `kern_app`, with
 * `app.municipality` set, so PostgreSQL row-level security hides every row of every other
 * municipality even if a use case forgets its own check. Personal-data work happens only here.
 */
export async function withTenant<T>(db: AnyDb, municipalityCode: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!MUNICIPALITY_CODE.test(municipalityCode)) {
    throw new Error(`withTenant: not a CBS municipality code: ${municipalityCode}`);
  }
  return db.connection().execute(async (conn) => {
    // Begin, tenant and role in one round trip: this runs before every personal-data read, so it
    // is worth it. The code is inlined as a literal only because the check above allows nothing
    // but four digits; set_config('role', ..., true) is SET LOCAL ROLE.
    await sql
      .raw(`begin; select set_config('app.municipality', '${municipalityCode}', true), set_config('role', 'kern_app', true)`)
      .execute(conn);
    const steps: CommitStep[] = [];
    commitSteps.set(conn, steps);
    let result: T;
    try {
      result = await fn(conn);
      // The commit steps and the commit in one round trip, so locks a step takes (the audit chain
      // head) are held for that statement and the commit only, never across a wait for the client.
      // If a step fails the rest of the text does not run and the transaction rolls back below.
      const before = steps.map((step) => step()).filter((text) => text !== '');
      commitSteps.delete(conn);
      await sql.raw([...before, 'commit'].join(';\n')).execute(conn);
    } catch (e) {
      commitSteps.delete(conn);
      // Keep the original error; a failed rollback (a broken connection) ends the transaction anyway.
      await sql.raw('rollback').execute(conn).catch(() => undefined);
      throw e;
    }
    return result;
  });
}

/** Produces SQL text to run just before the commit, or '' for nothing (see atCommit). */
export type CommitStep = () => string;

const commitSteps = new WeakMap<Tx, CommitStep[]>();

/**
 * Registers a step that runs in the transaction just before it commits, in the same round trip
 * as the commit: work that must be in the transaction but should hold its locks as briefly as
 * possible (packages/access appends the transaction's audit records this way). The step is
 * called once, after the use case returned, and gives plain SQL text without parameters, so
 * every value in it must be a literal made with `sqlTextLiteral`. A failing step rolls the whole
 * transaction back. Returns false when `tx` is not a withTenant transaction (withSystem, or
 * after its commit); the caller then does its work at once.
 */
export function atCommit(tx: Tx, step: CommitStep): boolean {
  const steps = commitSteps.get(tx);
  if (!steps) return false;
  steps.push(step);
  return true;
}

/**
 * A string as an SQL literal for a commit step: an escape string, E'...', with backslashes and
 * quotes doubled, so it reads back exactly whatever standard_conforming_strings says.
 */
export function sqlTextLiteral(s: string): string {
  return `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A transaction as the schema owner, outside any tenant. Only for what precedes or spans
 * tenants by nature: migrations, reference data, finding the account behind a login or a
 * session cookie, and seeding. Never for reading personal data.
 */
export async function withSystem<T>(db: AnyDb, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => fn(tx));
}
