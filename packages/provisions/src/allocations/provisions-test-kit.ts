// Test support for the decisions and allocations integration tests (not exported from the package).
import { PolicyStore, runAsTenant, type AccessContext, type Actor, type Role } from '@kern/access';
import { advanceCase, startCaseFromMelding } from '@kern/cases';
import { sql, withSystem, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { createAccount, createTeam, findAccountByUsername, toActor } from '@kern/identity';
import { FixedClock } from '@kern/kit';
import { DEMO_PASSWORD, seedDemo } from '@kern/seed';
import type { ProvisionsServices } from './allocate-provision';
import { insertDemoContracts } from './demo-contracts';

export { AGB_JEUGD, AGB_THUISZORG } from './demo-contracts';

export interface ProvisionsTestKit {
  database: TestDatabase;
  services: ProvisionsServices;
  clock: FixedClock;
  actor(username: string): Promise<Actor>;
  newStaff(municipalityCode: string, username: string, roles: Role[]): Promise<Actor>;
  as<T>(actor: Actor, purpose: AccessContext['purpose'], fn: (tx: Tx, ctx: AccessContext) => Promise<T>): Promise<T>;
  count(table: string): Promise<number>;
  /** A Rotterdam Wmo case walked on frontoffice-backoffice to the back office's besluit step. */
  wmoCaseAtDecision(subjectBsn: string): Promise<string>;
  /** A Rotterdam Jeugdwet case walked on een-loket to its besluit step. */
  youthCaseAtDecision(subjectBsn: string): Promise<string>;
  close(): Promise<void>;
}

export async function startProvisionsTestKit(now = '2026-03-24T09:00:00Z'): Promise<ProvisionsTestKit> {
  const database = await createTestDatabase();
  await seedDemo(database.db);
  await insertDemoContracts(database.db, '0599');
  await insertDemoContracts(database.db, '0518');
  const clock = new FixedClock(now);
  const services: ProvisionsServices = { db: database.db, clock, policies: new PolicyStore() };
  const actor = async (username: string): Promise<Actor> => {
    const account = await withSystem(database.db, (tx) => findAccountByUsername(tx, username));
    if (!account) throw new Error(`no account ${username}`);
    return toActor(account);
  };
  const as = <T>(a: Actor, purpose: AccessContext['purpose'], fn: (tx: Tx, ctx: AccessContext) => Promise<T>): Promise<T> => {
    const ctx: AccessContext = { actor: a, purpose };
    return runAsTenant(services, ctx, (tx) => fn(tx, ctx));
  };
  const step = async (username: string, purpose: 'wmo' | 'jeugdwet', caseId: string, to: string, fields: Record<string, unknown> = {}) =>
    as(await actor(username), purpose, (tx, ctx) => advanceCase(services, tx, ctx, caseId, { to, fields }));
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
    as,
    async count(table) {
      const r = await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx));
      return Number(r.rows[0]?.n ?? 0);
    },
    async wmoCaseAtDecision(subjectBsn) {
      const { caseId } = await as(await actor('rotterdam.generalist'), 'wmo', (tx, ctx) =>
        startCaseFromMelding(services, tx, ctx, { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn, householdBsns: [], meldingDate: '2026-03-10', fields: { hulpvraag: 'Hulp bij het huishouden' } }));
      await step('rotterdam.generalist', 'wmo', caseId, 'onderzoeken');
      await step('rotterdam.generalist', 'wmo', caseId, 'advies-opstellen', { gespreksverslag: 'Keukentafelgesprek met cliënt gevoerd.', clientondersteuningAangeboden: true });
      await step('rotterdam.generalist', 'wmo', caseId, 'aanvraag', { advies: 'Huishoudelijke hulp drie uur per week.', geadviseerdeCategorieen: ['01'] });
      await step('rotterdam.wmo', 'wmo', caseId, 'besluiten', { adviesVolledig: true });
      return caseId;
    },
    async youthCaseAtDecision(subjectBsn) {
      const { caseId } = await as(await actor('rotterdam.jeugd'), 'jeugdwet', (tx, ctx) =>
        startCaseFromMelding(services, tx, ctx, { werkwijzeId: 'een-loket', caseTypeId: 'jeugdhulp', subjectBsn, householdBsns: [], meldingDate: '2026-03-10', fields: {} }));
      await step('rotterdam.jeugd', 'jeugdwet', caseId, 'jeugd-onderzoek');
      await step('rotterdam.jeugd', 'jeugdwet', caseId, 'jeugd-aanvraag', { jeugdVerslag: 'Gesprek met gezin en jeugdige.' });
      await step('rotterdam.jeugd', 'jeugdwet', caseId, 'jeugd-besluiten');
      return caseId;
    },
    async close() {
      await database.close();
    },
  };
}
