import { sql, withSystem, withTenant } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { planSection } from '@kern/plans';
import { allocationsForClient, decisionsForPerson, validateVariant } from '@kern/provisions';
import { scaleAge, scaleBsn, scaleHouseholdMembers, scaleHouseholdSize, scaleMix, scalePopulation } from '@kern/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCities } from './demo';
import { scaleCoordinatorHouseholds, scaleFakeBrpPopulation, seedScale, type ScaleResult } from './scale';
import { installScaleFunctions } from './scale-functions';

let database: TestDatabase;
let result: ScaleResult;
const ticks: number[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  const r = await seedScale(database, 'g4', { residents: 2_000, batchHouseholds: 400, onProgress: { step: () => undefined, tick: (n = 1) => void ticks.push(n), done: () => undefined } });
  if (!('residents' in r)) throw new Error('no city generated');
  result = r;
}, 300_000);
afterAll(async () => database?.close());

const one = async <T>(q: ReturnType<typeof sql>): Promise<T> => (await withTenant(database.db, '0363', (tx) => sql<{ v: T }>`select (${q}) as v`.execute(tx))).rows[0]?.v as T;

describe('the scale generator (a small city of 2,000 residents)', () => {
  it('computes the same arithmetic in SQL as the fake BRP does in JavaScript', async () => {
    const ks = [0, 1, 2, 17, 999, 123_456, 450_000];
    const rows = await withSystem(database.db, async (tx) => {
      await installScaleFunctions(tx);
      return sql<{ k: number; mix: string; size: number; bsn: string | null; age0: number; age2: number }>`
      select k, pg_temp.kern_scale_mix(k, 20)::text as mix, pg_temp.kern_scale_household_size(k) as size, pg_temp.kern_scale_bsn(k * 6) as bsn, pg_temp.kern_scale_age(k, 0) as age0, pg_temp.kern_scale_age(k, 2) as age2
      from unnest(${ks}::int[]) k order by k`.execute(tx);
    });
    expect(rows.rows.map((r) => [Number(r.k), Number(r.mix), r.size, r.bsn, r.age0, r.age2])).toEqual(ks.map((k) => [k, scaleMix(k, 20), scaleHouseholdSize(k), scaleBsn(k * 6) ?? null, scaleAge(k, 0), scaleAge(k, 2)]));
  });

  it('leaves none of its functions in the production schema after generating', async () => {
    const left = await sql<{ proname: string }>`select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.proname like 'kern_scale_%' and n.nspname not like 'pg_temp%'`.execute(database.db);
    expect(left.rows).toEqual([]);
  });

  it('ends with planner statistics, as after a bulk load in production: the generated tables have been analysed', async () => {
    const stats = await sql<{ relname: string; analysed: boolean }>`select relname, coalesce(last_analyze, last_autoanalyze) is not null as analysed
      from pg_stat_user_tables where relname in ('cases', 'plan_members', 'allocations', 'involvements') order by relname`.execute(database.db);
    expect(stats.rows).toEqual(['allocations', 'cases', 'involvements', 'plan_members'].map((relname) => ({ relname, analysed: true })));
  });

  it('has about the residents asked for, one in six a client, and every client with a case, a plan and an assessment', async () => {
    expect(result.residents).toBeGreaterThanOrEqual(2_000);
    expect(result.residents).toBeLessThan(2_010);
    const share = result.clients / result.residents;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.25);
    const clients = await one<number>(sql`select count(distinct bsn)::int from plan_members`);
    expect(clients).toBe(result.clients);
    expect(await one<number>(sql`select count(*)::int from plan_members m where not exists (select 1 from cases c where c.subject_bsn = m.bsn)`)).toBe(0);
    expect(await one<number>(sql`select count(*)::int from plan_members m where not exists (select 1 from assessments a where a.subject_bsn = m.bsn)`)).toBe(0);
    expect(await one<number>(sql`select count(*)::int from cases`)).toBe(result.clients);
  });

  it('spreads cases over the laws (children under the Jeugdwet) with most cases closed', async () => {
    const byLaw = await withTenant(database.db, '0363', (tx) => sql<{ purpose: string; n: number }>`select purpose, count(*)::int as n from cases group by purpose`.execute(tx));
    const laws = new Map(byLaw.rows.map((r) => [r.purpose, r.n]));
    expect(laws.get('wmo') ?? 0).toBeGreaterThan(laws.get('wgs') ?? 0);
    expect([...laws.keys()].sort()).toEqual(['integraal', 'jeugdwet', 'participatiewet', 'wgs', 'wmo']);
    const open = await one<number>(sql`select avg((status = 'open')::int)::float from cases`);
    expect(open).toBeGreaterThan(0.15);
    expect(open).toBeLessThan(0.45);
  });

  it('gives every client household one plan with one coordinator, most of them agreed', async () => {
    expect(await one<number>(sql`select count(*)::int from plans`)).toBe(result.clientHouseholds);
    expect(await one<number>(sql`select count(*)::int from (select bsn from plan_members group by bsn having count(*) > 1) x`)).toBe(0);
    const agreed = await one<number>(sql`select avg((exists (select 1 from plan_versions v where v.plan_id = p.id and v.agreed_at is not null))::int)::float from plans p`);
    expect(agreed).toBeGreaterThan(0.6);
    expect(await one<number>(sql`select count(*)::int from plan_versions v where v.agreed_at is not null and not exists (select 1 from plan_agreements a where a.plan_id = v.plan_id and a.version = v.version)`)).toBe(0);
  });

  it('keeps scores on their scales and shows progress over time', async () => {
    const bad = await one<number>(sql`select count(*)::int from assessments a, jsonb_each_text(a.scores) s where a.instrument_id = 'zrm-volwassenen' and (s.value::int < 1 or s.value::int > 5)`);
    expect(bad).toBe(0);
    const zrmDomains = await one<number>(sql`select min(c)::int from (select (select count(*) from jsonb_object_keys(scores)) as c from assessments where instrument_id = 'zrm-volwassenen') x`);
    expect(zrmDomains).toBe(13);
    const repeated = await one<number>(sql`select count(*)::int from (select subject_bsn from assessments where instrument_id = 'zrm-volwassenen' group by subject_bsn having count(*) >= 2) x`);
    expect(repeated).toBeGreaterThan(0);
  });

  it('enrols about a quarter of the clients in group offerings, never over capacity, with attendance only for enrolled people', async () => {
    const enrolled = await one<number>(sql`select count(*)::int from offering_enrolments`);
    expect(enrolled / result.clients).toBeGreaterThan(0.1);
    expect(enrolled / result.clients).toBeLessThan(0.4);
    expect(await one<number>(sql`select count(*)::int from (select o.id from offerings o join offering_enrolments e on e.offering_id = o.id group by o.id, o.capacity having count(*) > o.capacity) x`)).toBe(0);
    expect(await one<number>(sql`select count(*)::int from offering_attendance a where not exists (select 1 from offering_enrolments e where e.id = a.enrolment_id)`)).toBe(0);
  });

  it('serves the generated residents from the fake BRP: the household of a case is the household at the address', async () => {
    const row = (await withTenant(database.db, '0363', (tx) => sql<{ subject_bsn: string; household_bsns: string[] }>`select subject_bsn, household_bsns from cases order by reference limit 1`.execute(tx))).rows[0];
    if (!row) throw new Error('no case');
    const population = scalePopulation({ municipalityCode: '0363', municipalityName: 'Amsterdam', households: result.households });
    const person = population.byBsn(row.subject_bsn);
    const address = person?.verblijfplaats?.type === 'Adres' ? person.verblijfplaats.verblijfadres : undefined;
    const atHome = population.atAddress(address?.postcode ?? '', address?.huisnummer ?? 0).map((p) => p.burgerservicenummer);
    expect(atHome.sort()).toEqual([...row.household_bsns].sort());
    expect(population.byBsn('999991838')).toBeUndefined();
    expect(scaleHouseholdMembers(result.households)).not.toEqual([]); // the arithmetic goes on; the population stops at its size
    expect(population.byBsn(scaleHouseholdMembers(result.households)[0]?.bsn ?? '')).toBeUndefined();
    const stored = await scaleFakeBrpPopulation(database.db);
    expect(stored?.byBsn(row.subject_bsn)).toEqual(person);
  });

  it('names the households a generated coordinator coordinates, with the coordinator relation in place', async () => {
    const login = result.coordinators[0] ?? '';
    const anchors = await scaleCoordinatorHouseholds(database.db, login, 5);
    expect(anchors.length).toBeGreaterThan(0);
    const relations = await one<number>(sql`select count(*)::int from involvements i join staff_accounts a on a.id = i.account_id
      where a.username = ${login} and i.kind = 'coordinator' and i.subject_bsn = any(${anchors}::text[])`);
    expect(relations).toBe(anchors.length);
  });

  it('decides every closed Wmo and Jeugdwet case, allocates every granted zorg-in-natura provision once, numbered without gaps, in variants the rules accept', async () => {
    const decidable = await one<number>(sql`select count(*)::int from cases where status = 'closed' and purpose in ('wmo', 'jeugdwet')`);
    expect(decidable).toBeGreaterThan(0);
    expect(await one<number>(sql`select count(*)::int from decisions`)).toBe(decidable);
    const refused = await one<number>(sql`select avg((outcome = 'refused')::int)::float from decisions`);
    expect(refused).toBeGreaterThan(0.03);
    expect(refused).toBeLessThan(0.35);
    expect(await one<number>(sql`select count(*)::int from decisions d where d.outcome = 'granted' and not exists (select 1 from granted_provisions g where g.decision_id = d.id)`)).toBe(0);
    expect(await one<number>(sql`select count(*)::int from granted_provisions g where g.form = 'zin' and (select count(*) from allocations a where a.granted_provision_id = g.id) <> 1`)).toBe(0);
    expect(await one<number>(sql`select count(*)::int from granted_provisions g join allocations a on a.granted_provision_id = g.id where g.form = 'pgb'`)).toBe(0);
    const numbers = await withTenant(database.db, '0363', (tx) => sql<{ n: number; max: number; last: number }>`
      select count(*)::int as n, max(toewijzing_nummer::int) as max, (select last_number from allocation_numbers) as last from allocations`.execute(tx));
    const counted = numbers.rows[0];
    expect(counted?.n).toBeGreaterThan(0);
    expect(counted?.max).toBe(counted?.n);
    expect(counted?.last).toBe(counted?.n);
    const allocations = await withTenant(database.db, '0363', (tx) => sql<{ law: 'wmo' | 'jeugdwet'; category: string; product_code: string | null; volume: number | null; unit: string | null; frequency: string | null; start_date: string; end_date: string | null; contract_ok: boolean }>`
      select case when a.standard = 'ijw' then 'jeugdwet' else 'wmo' end as law, a.category, a.product_code, a.volume, a.unit, a.frequency,
        a.start_date::text, a.end_date::text, c.valid_from <= a.start_date as contract_ok
      from allocations a join contracts c on c.id = a.contract_id`.execute(tx));
    for (const a of allocations.rows) {
      expect(validateVariant(a.law, { category: a.category, productCode: a.product_code, volume: a.volume, unit: a.unit, frequency: a.frequency, validFrom: a.start_date, validTo: a.end_date })).toMatchObject({ ok: true });
      expect(a.contract_ok).toBe(true);
    }
    expect(result.provisions).toBeGreaterThan(counted?.n ?? 0);
  });

  it("shows a generated client's decisions and allocations through the provisions module's reads", async () => {
    const bsn = await one<string>(sql`select subject_bsn from allocations order by toewijzing_nummer::int limit 1`);
    const [decisions, allocations] = await withTenant(database.db, '0363', async (tx) => [await decisionsForPerson(tx, bsn), await allocationsForClient(tx, bsn)] as const);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions[0]?.provisions.length).toBeGreaterThan(0);
    expect(allocations.map((a) => a.toewijzingNummer)).toContain('1');
  });

  it('refuses a second generated city in the same database (generated BSNs would collide)', async () => {
    await expect(seedScale(database, 'g4', { residents: 500, municipalityCode: '0344' })).rejects.toThrow(/one generated city per database/);
  });

  it('reports progress up to its total and is idempotent', async () => {
    expect(ticks.reduce((s, n) => s + n, 0)).toBe(100);
    const again = await seedScale(database, 'g4', { residents: 2_000 });
    expect(again.created).toBe(false);
    expect(await one<number>(sql`select count(*)::int from plans`)).toBe(result.clientHouseholds);
  });

  it('gives the demo families a plan, assessments and an offering', async () => {
    for (const city of demoCities) {
      const section = await withTenant(database.db, city.code, (tx) => planSection(tx, [city.family.parent]));
      expect(section[0]?.plan).toMatchObject({ agreedVersion: 1, draftVersion: 2 });
      const n = await withTenant(database.db, city.code, (tx) => sql<{ a: number; e: number }>`select (select count(*)::int from assessments) as a, (select count(*)::int from offering_enrolments) as e`.execute(tx));
      expect(n.rows[0]).toEqual({ a: 6, e: 1 });
    }
  });
});
