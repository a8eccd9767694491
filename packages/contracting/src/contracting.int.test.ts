import { AccessDenied, PolicyStore, type AccessContext, type AccessServices, type Grant } from '@kern/access';
import { sql, withSystem, withTenant, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { FixedClock } from '@kern/kit';
import { actorFor, seedDemo } from '@kern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addContractedProduct, concludeContract, contractedTariff, contractFacts, endContract, listContracts, listProviders, providerNames, readContract, registerProvider,
  type ContractedProductInput, type ContractQuery,
} from './index';

let database: TestDatabase;
let services: AccessServices;
const actors = new Map<string, AccessContext['actor']>();
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  services = { db: database.db, clock: new FixedClock('2026-04-01T10:00:00Z'), policies: new PolicyStore() };
  for (const u of ['rotterdam.inkoop', 'rotterdam.wmo', 'rotterdam.jeugd', 'rotterdam.inkomen', 'rotterdam.beheer', 'denhaag.inkoop']) actors.set(u, await actorFor(database.db, u));
});
afterAll(async () => database?.close());

const as = (user: string, purpose?: AccessContext['purpose']): AccessContext => {
  const actor = actors.get(user);
  if (!actor) throw new Error(user);
  return { actor, purpose };
};
const run = <T>(c: AccessContext, fn: (tx: Tx) => Promise<T>) => withTenant(database.db, c.actor.municipalityCode, fn);
const manager = () => as('rotterdam.inkoop');
const count = async (table: string) =>
  Number((await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx))).rows[0]?.n);
const tariff = (q: { providerAgb: string; category: string; productCode?: string | null; on: string }, municipality = '0599') =>
  withTenant(database.db, municipality, (tx) => contractedTariff(tx, q));

async function newContract(agbCode: string, extra: Partial<Parameters<typeof concludeContract>[3]> = {}) {
  const provider = await run(manager(), (tx) => registerProvider(services, tx, manager(), { agbCode, name: `Aanbieder ${agbCode}` }));
  const contract = await run(manager(), (tx) => concludeContract(services, tx, manager(), {
    providerId: provider.id, reference: `T-${agbCode}`, law: 'jeugdwet', fundingModel: 'inspanningsgericht', validFrom: '2026-01-01', validTo: '2026-12-31', ...extra,
  }));
  return { provider, contract };
}
const product = (p: Partial<ContractedProductInput> = {}): ContractedProductInput => ({ category: '45', productCode: '45A04', unit: '01', tariffCents: 150, validFrom: '2026-01-01', validTo: '2026-06-30', ...p });

describe('care providers and contracts', () => {
  it('registers a provider by AGB code once per municipality', async () => {
    const p = await run(manager(), (tx) => registerProvider(services, tx, manager(), { agbCode: '98111111', name: 'Zorg BV', kvkNumber: '12345678' }));
    expect(p).toMatchObject({ agbCode: '98111111', contractCount: 0 });
    await expect(run(manager(), (tx) => registerProvider(services, tx, manager(), { agbCode: '98111111', name: 'Nog eens' }))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a registration racing another of the same AGB code is a conflict, never a server error', async () => {
    // Transaction A has inserted the code but not committed when B checks, so B's check passes
    // and only the unique index stops it (on a PostgreSQL server; PGlite runs B after A).
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const a = withTenant(database.db, '0599', async (tx) => {
      await sql`insert into care_providers (id, municipality_code, agb_code, name, created_at) values (gen_random_uuid(), '0599', '98121212', 'Eerst', now())`.execute(tx);
      await held;
    });
    const b = run(manager(), (tx) => registerProvider(services, tx, manager(), { agbCode: '98121212', name: 'Tegelijk' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await a;
    await expect(b).rejects.toMatchObject({ code: 'conflict' });
  });

  it.each([
    ['an AGB code of seven digits', { agbCode: '9811111', name: 'X' }, 'agbCode'],
    ['an AGB code with zorgsoort 00', { agbCode: '00111111', name: 'X' }, 'agbCode'],
    ['a KvK number of nine digits', { agbCode: '98111112', name: 'X', kvkNumber: '123456789' }, 'kvkNumber'],
  ])('refuses a provider with %s and writes nothing', async (_l, input, param) => {
    const before = await count('care_providers');
    await expect(run(manager(), (tx) => registerProvider(services, tx, manager(), input))).rejects.toMatchObject({ code: 'invalid-input', invalidParams: [expect.objectContaining({ name: param })] });
    expect(await count('care_providers')).toBe(before);
  });

  it.each([
    ['taakgericht without a budget', { fundingModel: 'taakgericht' as const }],
    ['outputgericht with a budget', { fundingModel: 'outputgericht' as const, budgetCents: 100 }],
    ['an end before the start', { validTo: '2025-01-01' }],
    ['a region the municipality is not a member of', { region: 'haaglanden' }],
  ])('refuses a contract %s and writes nothing', async (_l, extra) => {
    const provider = (await run(manager(), (tx) => listProviders(services, tx, manager())))[0];
    if (!provider) throw new Error('demo providers missing');
    const before = await count('contracts');
    await expect(run(manager(), (tx) => concludeContract(services, tx, manager(), {
      providerId: provider.id, reference: 'REFUSED', law: 'wmo', fundingModel: 'inspanningsgericht', validFrom: '2026-01-01', ...extra,
    }))).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await count('contracts')).toBe(before);
  });

  it('a regional contract for a region the municipality belongs to, and a taakgericht contract with its budget', async () => {
    const { contract } = await newContract('98222222', { region: 'rijnmond' });
    expect(contract).toMatchObject({ region: 'rijnmond', providerAgb: '98222222', fundingModel: 'inspanningsgericht', budgetCents: null });
    const { contract: task } = await newContract('98222223', { fundingModel: 'taakgericht', budgetCents: 12_500_000_00 });
    expect(task).toMatchObject({ fundingModel: 'taakgericht', budgetCents: 12_500_000_00 });
    const events = await withSystem(database.db, (tx) => sql<{ type: string; subject_ref: string }>`select type, subject_ref from domain_events where subject_ref = ${task.id}`.execute(tx));
    expect(events.rows.map((e) => e.type)).toEqual(['contracting.contract-concluded']);
  });
});

describe('contracted products and tariffs', () => {
  it('refuses an overlapping tariff for the same contract, category and product, and writes nothing', async () => {
    const { contract } = await newContract('98333333');
    await run(manager(), (tx) => addContractedProduct(services, tx, manager(), contract.id, product()));
    const before = await count('contracted_products');
    await expect(run(manager(), (tx) => addContractedProduct(services, tx, manager(), contract.id, product({ tariffCents: 160, validFrom: '2026-06-30', validTo: '2026-12-31' }))))
      .rejects.toMatchObject({ code: 'conflict' });
    expect(await count('contracted_products')).toBe(before);
    // The next period, another product, and the whole category do not overlap it.
    await run(manager(), (tx) => addContractedProduct(services, tx, manager(), contract.id, product({ tariffCents: 160, validFrom: '2026-07-01', validTo: '2026-12-31' })));
    await run(manager(), (tx) => addContractedProduct(services, tx, manager(), contract.id, product({ productCode: '45A05', tariffCents: 190 })));
    await run(manager(), (tx) => addContractedProduct(services, tx, manager(), contract.id, product({ productCode: null, unit: '04', tariffCents: 8_000 })));
    const detail = await run(manager(), (tx) => readContract(services, tx, manager(), contract.id));
    expect(detail.products.map((p) => [p.productCode, p.tariffCents, p.validFrom, p.validTo])).toEqual([
      [null, 8_000, '2026-01-01', '2026-06-30'],
      ['45A04', 150, '2026-01-01', '2026-06-30'],
      ['45A04', 160, '2026-07-01', '2026-12-31'],
      ['45A05', 190, '2026-01-01', '2026-06-30'],
    ]);
  });

  it.each([
    ['a Wmo category on a Jeugdwet contract', { category: '02', productCode: null }, 'category'],
    ['a product code that is neither local nor national in the category', { productCode: '43A01' }, 'productCode'],
    ['a unit outside WJ756', { unit: '99' as ContractedProductInput['unit'] }, 'unit'],
    ['a negative tariff', { tariffCents: -1 }, 'tariffCents'],
    ['a tariff with a fraction of a cent', { tariffCents: 10.5 }, 'tariffCents'],
    ['a period outside the contract', { validTo: '2027-03-31' }, 'validFrom'],
  ])('refuses %s and writes nothing', async (_l, p, param) => {
    const contract = (await run(manager(), (tx) => listContracts(services, tx, manager()))).find((c) => c.reference === 'T-98333333');
    if (!contract) throw new Error('contract missing');
    const before = await count('contracted_products');
    await expect(run(manager(), (tx) => addContractedProduct(services, tx, manager(), contract.id, product({ validFrom: '2026-02-01', ...p }))))
      .rejects.toMatchObject({ code: 'invalid-input', invalidParams: [expect.objectContaining({ name: param })] });
    expect(await count('contracted_products')).toBe(before);
  });

  it('contractedTariff answers the tariff of the day: the named product before the whole category, null outside every contract', async () => {
    expect(await tariff({ providerAgb: '98333333', category: '45', productCode: '45A04', on: '2026-03-01' })).toMatchObject({ tariffCents: 150, unit: '01', fundingModel: 'inspanningsgericht', wholeCategory: false });
    expect(await tariff({ providerAgb: '98333333', category: '45', productCode: '45A04', on: '2026-07-01' })).toMatchObject({ tariffCents: 160 });
    expect(await tariff({ providerAgb: '98333333', category: '45', productCode: '45A06', on: '2026-03-01' })).toMatchObject({ tariffCents: 8_000, wholeCategory: true });
    expect(await tariff({ providerAgb: '98333333', category: '45', productCode: null, on: '2026-03-01' })).toMatchObject({ tariffCents: 8_000 });
    expect(await tariff({ providerAgb: '98333333', category: '45', productCode: '45A06', on: '2026-07-01' })).toBeNull();
    expect(await tariff({ providerAgb: '98333333', category: '45', productCode: '45A04', on: '2027-01-01' })).toBeNull();
    expect(await tariff({ providerAgb: '98999999', category: '45', productCode: '45A04', on: '2026-03-01' })).toBeNull();
  });

  it('the demo contracts answer for the demo local products (what allocations will use)', async () => {
    expect(await tariff({ providerAgb: '98000101', category: '01', productCode: 'HH01', on: '2026-04-01' })).toMatchObject({ tariffCents: 3_350, unit: '04', fundingModel: 'inspanningsgericht' });
    expect(await tariff({ providerAgb: '98000103', category: '45', productCode: '45A04', on: '2026-04-01' })).toMatchObject({ tariffCents: 142, fundingModel: 'inspanningsgericht' });
    expect(await tariff({ providerAgb: '98000104', category: '45', productCode: '45A04', on: '2026-04-01' })).toMatchObject({ tariffCents: 0, fundingModel: 'taakgericht', wholeCategory: true });
  });

  it('ending a contract ends its products with it; the tariff is gone after that day', async () => {
    const contract = (await run(manager(), (tx) => listContracts(services, tx, manager()))).find((c) => c.reference === 'T-98333333');
    if (!contract) throw new Error('contract missing');
    await expect(run(manager(), (tx) => endContract(services, tx, manager(), contract.id, '2026-06-15'))).rejects.toMatchObject({ code: 'conflict' });
    const ended = await run(manager(), (tx) => endContract(services, tx, manager(), contract.id, '2026-09-30'));
    expect(ended.validTo).toBe('2026-09-30');
    expect(ended.products.every((p) => p.validTo !== null && p.validTo <= '2026-09-30')).toBe(true);
    expect(await tariff({ providerAgb: '98333333', category: '45', productCode: '45A04', on: '2026-09-30' })).toMatchObject({ tariffCents: 160 });
    expect(await tariff({ providerAgb: '98333333', category: '45', productCode: '45A04', on: '2026-10-01' })).toBeNull();
  });
});

describe('who may see and change contracts', () => {
  it('another municipality sees none of Rotterdam\'s providers or contracts, and gets no tariff from them', async () => {
    const denhaag = as('denhaag.inkoop');
    const providers = await run(denhaag, (tx) => listProviders(services, tx, denhaag));
    expect(providers.map((p) => p.agbCode)).not.toContain('98000101');
    expect(providers.map((p) => p.agbCode)).toContain('98000201');
    const rotterdamContract = (await run(manager(), (tx) => listContracts(services, tx, manager())))[0];
    if (!rotterdamContract) throw new Error('no contract');
    await expect(run(denhaag, (tx) => readContract(services, tx, denhaag, rotterdamContract.id))).rejects.toMatchObject({ code: 'not-found' });
    await expect(run(denhaag, (tx) => addContractedProduct(services, tx, denhaag, rotterdamContract.id, product()))).rejects.toMatchObject({ code: 'not-found' });
    expect(await tariff({ providerAgb: '98000101', category: '01', productCode: 'HH01', on: '2026-04-01' }, '0518')).toBeNull();
  });

  it('caseworkers read contracts under the Wmo or Jeugdwet only and change nothing; other roles see nothing', async () => {
    const jeugd = as('rotterdam.jeugd', 'jeugdwet');
    expect((await run(jeugd, (tx) => listContracts(services, tx, jeugd))).length).toBeGreaterThan(0);
    const noPurpose = as('rotterdam.jeugd');
    await expect(run(noPurpose, (tx) => listContracts(services, tx, noPurpose))).rejects.toBeInstanceOf(AccessDenied);
    const income = as('rotterdam.inkomen', 'participatiewet');
    await expect(run(income, (tx) => listProviders(services, tx, income))).rejects.toBeInstanceOf(AccessDenied);
    const before = await count('care_providers');
    await expect(run(jeugd, (tx) => registerProvider(services, tx, jeugd, { agbCode: '98444444', name: 'Niet door mij' }))).rejects.toBeInstanceOf(AccessDenied);
    expect(await count('care_providers')).toBe(before);
  });
});

describe('contract facts for provisions', () => {
  // The grant an allocation's use case would hold; contracting answers under it without a decision of its own.
  const grant: Grant = { view: 'full', legalBasis: 'Wmo 2015 art. 2.3.5', breakGlass: false, ruleId: 'test-allocation' };
  const homeCare: ContractQuery = { providerAgb: '98000101', law: 'wmo', standard: 'iwmo', category: '01', productCode: 'HH01', on: '2026-04-01' };
  const facts = <T>(municipality: string, fn: (f: ReturnType<typeof contractFacts>, tx: Tx) => Promise<T>) => withTenant(database.db, municipality, (tx) => fn(contractFacts(tx, grant), tx));

  it('names the contract that covers a provider\'s product on the day, and none for another law, category or day', async () => {
    expect(await facts('0599', (f) => f.contractFor(homeCare))).toMatchObject({ providerAgb: '98000101', providerName: 'Thuiszorg De Maas (demo)', unit: '04', tariffCents: 3_350 });
    expect(await facts('0599', (f) => f.contractFor({ ...homeCare, productCode: null }))).toMatchObject({ providerAgb: '98000101' });
    expect(await facts('0599', (f) => f.contractFor({ ...homeCare, law: 'jeugdwet' }))).toBeNull();
    expect(await facts('0599', (f) => f.contractFor({ ...homeCare, category: '07' }))).toBeNull();
    expect(await facts('0599', (f) => f.contractFor({ ...homeCare, on: '2028-01-01' }))).toBeNull();
  });

  it('another municipality gets no contract, provider or provider name of Rotterdam\'s', async () => {
    const provider = await facts('0599', (f) => f.providerByAgb('98000101'));
    expect(provider).toMatchObject({ agbCode: '98000101', name: 'Thuiszorg De Maas (demo)' });
    if (!provider) throw new Error('demo provider missing');
    expect(await withTenant(database.db, '0599', (tx) => providerNames(tx, [provider.id]))).toEqual(new Map([[provider.id, 'Thuiszorg De Maas (demo)']]));
    expect(await facts('0518', (f) => f.contractFor(homeCare))).toBeNull();
    expect(await facts('0518', (f) => f.providerByAgb('98000101'))).toBeUndefined();
    expect(await withTenant(database.db, '0518', (tx) => providerNames(tx, [provider.id]))).toEqual(new Map());
  });
});
