// Test support for the debt module's integration tests (not exported from the package).
import { PolicyStore, runAsTenant, type AccessContext, type Actor, type Role } from '@kern/access';
import { sql, withSystem, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { createAccount, createTeam, findAccountByUsername, toActor } from '@kern/identity';
import { FixedClock } from '@kern/kit';
import { createBrpClient, startFakeBrp, type RunningFakeBrp } from '@kern/registry';
import { DEMO_PASSWORD, seedDemo } from '@kern/seed';
import type { DebtServices } from './debt-file-access';

export interface DebtTestKit {
  database: TestDatabase;
  services: DebtServices;
  clock: FixedClock;
  actor(username: string): Promise<Actor>;
  /** A fresh account with the given roles in a new team of its own. */
  newStaff(municipalityCode: string, username: string, roles: Role[]): Promise<Actor>;
  as<T>(actor: Actor, purpose: AccessContext['purpose'], fn: (tx: Tx, ctx: AccessContext) => Promise<T>): Promise<T>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export async function startDebtTestKit(now = '2026-03-24T09:00:00Z'): Promise<DebtTestKit> {
  const database = await createTestDatabase();
  await seedDemo(database.db);
  const brp: RunningFakeBrp = await startFakeBrp({ port: 0 });
  const clock = new FixedClock(now);
  const services: DebtServices = { db: database.db, clock, policies: new PolicyStore(), brp: createBrpClient({ baseUrl: brp.url }) };
  const actor = async (username: string): Promise<Actor> => {
    const account = await withSystem(database.db, (tx) => findAccountByUsername(tx, username));
    if (!account) throw new Error(`no account ${username}`);
    return toActor(account);
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
    async count(table) {
      const r = await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx));
      return Number(r.rows[0]?.n ?? 0);
    },
    async close() {
      await brp.close();
      await database.close();
    },
  };
}
