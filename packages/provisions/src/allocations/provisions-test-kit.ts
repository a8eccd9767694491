// Test support for the decisions and allocations integration tests (not exported from the package).
import { PolicyStore, runAsTenant, type AccessContext, type Actor, type Role } from '@kern/access';
import { advanceCase, startCaseFromMelding } from '@kern/cases';
import { sql, withSystem, type AnyDb, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { createAccount, createTeam, findAccountByUsername, toActor } from '@kern/identity';
import { FixedClock, newId } from '@kern/kit';
import { DEMO_PASSWORD, seedDemo } from '@kern/seed';
import type { ProvisionsServices } from './allocate-provision';

export const AGB_THUISZORG = '12345678';
export const AGB_JEUGD = '23456789';

/**
 * The reference rows an allocation needs, written as the schema owner: the product categories
 * used here (when the catalogue has not loaded them), and per municipality two providers with a
 * contract each: a Wmo home-care provider (01 hulp bij het huishouden per hour, 02 begeleiding,
 * 07 dagbesteding as a whole category) and a youth-care provider (45 jeugdhulp ambulant, 45A03 per hour).
 */
export async function insertContractFixtures(db: AnyDb, municipalityCode: string, validFrom = '2026-01-01'): Promise<{ wmoProviderId: string; youthProviderId: string }> {
  return withSystem(db, async (tx) => {
    await sql`insert into product_categories (standard, code, name, valid_from) values
      ('iwmo', '01', 'Hulp bij het huishouden', '2015-01-01'), ('iwmo', '02', 'Begeleiding', '2015-01-01'), ('iwmo', '07', 'Dagbesteding', '2015-01-01'),
      ('ijw', '45', 'Jeugdhulp ambulant', '2015-01-01'), ('ijw', '46', 'Jeugdhulp crisis', '2015-01-01')
      on conflict do nothing`.execute(tx);
    const existing = await sql<{ id: string; agb_code: string }>`select id, agb_code from care_providers where municipality_code = ${municipalityCode}`.execute(tx);
    const known = new Map(existing.rows.map((r) => [r.agb_code, r.id]));
    const provider = async (agb: string, name: string, law: 'wmo' | 'jeugdwet', products: { standard: 'iwmo' | 'ijw'; category: string; productCode: string | null; unit: string; tariffCents: number }[]) => {
      const hit = known.get(agb);
      if (hit) return hit;
      const id = newId();
      const contractId = newId();
      await sql`insert into care_providers (id, municipality_code, agb_code, name, created_at) values (${id}::uuid, ${municipalityCode}, ${agb}, ${name}, now())`.execute(tx);
      await sql`insert into contracts (id, municipality_code, provider_id, reference, law, funding_model, valid_from, created_at, created_by)
        values (${contractId}::uuid, ${municipalityCode}, ${id}::uuid, ${`C-${agb}-${law}`}, ${law}, 'inspanningsgericht', ${validFrom}::date, now(), 'fixture')`.execute(tx);
      for (const p of products) {
        await sql`insert into contracted_products (id, municipality_code, contract_id, standard, category, product_code, unit, tariff_cents, valid_from, created_at)
          values (${newId()}::uuid, ${municipalityCode}, ${contractId}::uuid, ${p.standard}, ${p.category}, ${p.productCode}, ${p.unit}, ${p.tariffCents}, ${validFrom}::date, now())`.execute(tx);
      }
      return id;
    };
    const wmoProviderId = await provider(AGB_THUISZORG, 'Thuiszorg De Maas', 'wmo', [
      { standard: 'iwmo', category: '01', productCode: '01A01', unit: '04', tariffCents: 3_150 },
      { standard: 'iwmo', category: '02', productCode: '02A01', unit: '04', tariffCents: 6_200 },
      { standard: 'iwmo', category: '07', productCode: null, unit: '16', tariffCents: 5_400 },
    ]);
    const youthProviderId = await provider(AGB_JEUGD, 'Jeugdhulp Rijnmond', 'jeugdwet', [
      { standard: 'ijw', category: '45', productCode: '45A03', unit: '04', tariffCents: 9_800 },
    ]);
    return { wmoProviderId, youthProviderId };
  });
}

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
  await insertContractFixtures(database.db, '0599');
  await insertContractFixtures(database.db, '0518');
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
