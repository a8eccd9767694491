import { sql, type Kysely } from 'kysely';
import type { AnyDb } from './connection';

/** One connection inside an open transaction. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Tx = Kysely<{}>;

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
    let result: T;
    try {
      result = await fn(conn);
    } catch (e) {
      // Keep the original error; a failed rollback (a broken connection) ends the transaction anyway.
      await sql.raw('rollback').execute(conn).catch(() => undefined);
      throw e;
    }
    await sql.raw('commit').execute(conn);
    return result;
  });
}

/**
 * A transaction as the schema owner, outside any tenant. Only for what precedes or spans
 * tenants by nature: migrations, reference data, finding the account behind a login or a
 * session cookie, and seeding. Never for reading personal data.
 */
export async function withSystem<T>(db: AnyDb, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => fn(tx));
}
