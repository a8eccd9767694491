// Test support shared by the modules' integration tests: a fresh database with the demo seeded, a
// fixed clock, the demo's staff as actors, and use cases run as a tenant under a purpose. Each
// module's own kit (debt, exchange, provisions) adds its services and helpers on top.
import { PolicyStore, runAsTenant, type AccessContext, type AccessServices, type Actor, type Role } from '@kern/access';
import { sql, withSystem, type AnyDb, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { createAccount, createTeam, staffActorOf } from '@kern/identity';
import { FixedClock } from '@kern/kit';
import { DEMO_PASSWORD, seedDemo } from '../demo';

export interface SeededTestKit<S extends AccessServices> {
  database: TestDatabase;
  services: S;
  clock: FixedClock;
  /** A demo account (e.g. `rotterdam.wmo`) as an actor. */
  actor(username: string): Promise<Actor>;
  /** A fresh account with the given roles in a new team of its own. */
  newStaff(municipalityCode: string, username: string, roles: Role[]): Promise<Actor>;
  /** Runs `fn` in one tenant transaction as the actor, under the purpose. */
  as<T>(actor: Actor, purpose: AccessContext['purpose'], fn: (tx: Tx, ctx: AccessContext) => Promise<T>): Promise<T>;
  /** Rows in a table across tenants, optionally filtered by a trusted SQL condition. */
  count(table: string, where?: string): Promise<number>;
  close(): Promise<void>;
}

export interface SeededTestKitOptions<S extends AccessServices> {
  now: string;
  /** The module's services on top of the access services (database, clock, policies). */
  services(base: AccessServices, db: AnyDb): S | Promise<S>;
  /** More seed after the demo (e.g. contracts), before the services are made. */
  seed?: (db: AnyDb) => Promise<void>;
  /** Closed after the database (e.g. a fake BRP listener). */
  onClose?: () => Promise<void>;
}

export async function startSeededTestKit<S extends AccessServices>(o: SeededTestKitOptions<S>): Promise<SeededTestKit<S>> {
  const database = await createTestDatabase();
  await seedDemo(database.db);
  await o.seed?.(database.db);
  const clock = new FixedClock(o.now);
  const services = await o.services({ db: database.db, clock, policies: new PolicyStore() }, database.db);
  const actor = async (username: string): Promise<Actor> => {
    const found = await staffActorOf(database.db, username);
    if (!found) throw new Error(`no account ${username}`);
    return found;
  };
  return {
    database,
    services,
    clock,
    actor,
    async newStaff(municipalityCode, username, roles) {
      const teamId = await createTeam(database.db, municipalityCode, `Team ${username}`);
      await createAccount(database.db, { municipalityCode, username, displayName: username, password: DEMO_PASSWORD, roles, teamIds: [teamId] });
      return actor(username);
    },
    as(a, purpose, fn) {
      const ctx: AccessContext = { actor: a, purpose };
      return runAsTenant(services, ctx, (tx) => fn(tx, ctx));
    },
    async count(table, where = 'true') {
      const r = await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.raw(where)}`.execute(tx));
      return Number(r.rows[0]?.n ?? 0);
    },
    async close() {
      await database.close();
      await o.onClose?.();
    },
  };
}
