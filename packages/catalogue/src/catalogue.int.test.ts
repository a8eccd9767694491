import { AccessDenied, PolicyStore, type AccessContext, type AccessServices } from '@kern/access';
import { sql, withSystem, withTenant, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { FixedClock } from '@kern/kit';
import { actorFor, seedDemo } from '@kern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMissingCategories, categoriesValidOn, categoryValidity, changeLocalProduct, createLocalProduct, endLocalProduct, listCategories, listLocalProducts, listNationalProducts,
  loadNationalCatalogue, productCodeKnown, readMappingReport, readNationalCatalogue, type LocalProductInput, type NationalCatalogueData,
} from './index';

let database: TestDatabase;
let services: AccessServices;
const actors = new Map<string, AccessContext['actor']>();
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  services = { db: database.db, clock: new FixedClock('2026-04-01T10:00:00Z'), policies: new PolicyStore() };
  for (const u of ['rotterdam.inkoop', 'rotterdam.beheer', 'rotterdam.wmo', 'rotterdam.jeugd', 'rotterdam.inkomen', 'rotterdam.kwaliteit', 'denhaag.inkoop']) actors.set(u, await actorFor(database.db, u));
});
afterAll(async () => database?.close());

const as = (user: string, purpose?: AccessContext['purpose']): AccessContext => {
  const actor = actors.get(user);
  if (!actor) throw new Error(user);
  return { actor, purpose };
};
const run = <T>(c: AccessContext, fn: (tx: Tx) => Promise<T>) => withTenant(database.db, c.actor.municipalityCode, fn);
const manager = () => as('rotterdam.inkoop');
const countLocal = async (code: string) =>
  Number((await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from local_products where municipality_code = ${code}`.execute(tx))).rows[0]?.n);
const local = (p: Partial<LocalProductInput> & { localCode: string }): LocalProductInput => ({ standard: 'ijw', name: `Product ${p.localCode}`, category: '45', unit: '04', validFrom: '2026-01-01', ...p });

// Two fixture codes in category 45, loaded next to the real list: one that ends mid-2026.
const fixture: NationalCatalogueData = {
  categories: [],
  products: [
    { standard: 'ijw', category: '45', code: '45Z98', name: 'Fixture: ends later', validFrom: '2015-01-01', validTo: null },
    { standard: 'ijw', category: '45', code: '45Z99', name: 'Fixture: ends 30 June 2026', validFrom: '2015-01-01', validTo: '2026-06-30' },
  ],
};

describe('the national catalogue as reference data', () => {
  it('the demo seed loaded every WMO020 and JZ020 category and the iJw national product codes', async () => {
    const file = readNationalCatalogue();
    const categories = await run(manager(), (tx) => listCategories(services, tx, manager()));
    expect(categories.filter((c) => c.standard === 'iwmo').map((c) => c.code)).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(categories.filter((c) => c.standard === 'ijw').map((c) => c.code)).toEqual(['31', '32', '33', '34', '35', '36', '37', '38', ...Array.from({ length: 16 }, (_, i) => String(40 + i))]);
    const products = await run(manager(), (tx) => listNationalProducts(services, tx, manager(), {}));
    expect(products).toHaveLength(file.products.length);
    expect(products.find((p) => p.code === '45A04')).toMatchObject({ category: '45', name: 'Jeugdhulp ambulant regulier: inspanningsgericht', validFrom: '2015-01-01', validTo: null });
  });

  it('demo and test data add only missing categories: a loaded category keeps its name and validity', async () => {
    await withSystem(database.db, (tx) => addMissingCategories(tx, [{ standard: 'ijw', code: '45', name: 'Fixture: another name', validFrom: '2020-01-01', validTo: '2020-12-31' }]));
    const categories = await run(manager(), (tx) => listCategories(services, tx, manager()));
    expect(categories.find((c) => c.standard === 'ijw' && c.code === '45')).toMatchObject({ name: 'Jeugdhulp ambulant', validFrom: '2015-01-01', validTo: null });
  });

  it('loading again changes nothing; a newer list updates an end date in place', async () => {
    const before = await loadNationalCatalogue(database.db);
    expect(await loadNationalCatalogue(database.db)).toEqual(before);
    await loadNationalCatalogue(database.db, fixture);
    await loadNationalCatalogue(database.db, fixture);
    const after = await loadNationalCatalogue(database.db);
    expect(after).toEqual({ categories: before.categories, products: before.products + 2 });
    const onDay = await run(manager(), (tx) => listNationalProducts(services, tx, manager(), { category: '45', on: '2026-07-01' }));
    expect(onDay.map((p) => p.code)).toContain('45Z98');
    expect(onDay.map((p) => p.code)).not.toContain('45Z99');
  });
});

describe('local products', () => {
  it('the contract manager adds a local product mapped onto a national code of its category', async () => {
    const p = await run(manager(), (tx) => createLocalProduct(services, tx, manager(), local({ localCode: 'TST01', nationalCode: '45A05', unit: '01' })));
    expect(p).toMatchObject({ localCode: 'TST01', category: '45', nationalCode: '45A05', unit: '01', validTo: null });
    const list = await run(as('rotterdam.jeugd', 'jeugdwet'), (tx) => listLocalProducts(services, tx, as('rotterdam.jeugd', 'jeugdwet')));
    expect(list.map((l) => l.localCode)).toContain('TST01');
  });

  it.each([
    ['a national code of another category', { localCode: 'BAD01', nationalCode: '43A01' }, 'nationalCode'],
    ['an unknown national code', { localCode: 'BAD02', nationalCode: '45X00' }, 'nationalCode'],
    ['a national code that ends before an open-ended local product', { localCode: 'BAD03', nationalCode: '45Z99' }, 'nationalCode'],
    ['a Jeugdwet category under the Wmo standard', { localCode: 'BAD04', standard: 'iwmo' as const, category: '45' }, 'category'],
    ['a category that does not exist', { localCode: 'BAD05', category: '39' }, 'category'],
    ['a unit outside WJ756', { localCode: 'BAD06', unit: '99' as LocalProductInput['unit'] }, 'unit'],
    ['a local code longer than five characters', { localCode: 'TOOLONG' }, 'localCode'],
    ['an end before the start', { localCode: 'BAD07', validTo: '2025-12-31' }, 'validTo'],
  ])('refuses %s and writes nothing', async (_label, input, param) => {
    const before = await countLocal('0599');
    const attempt = run(manager(), (tx) => createLocalProduct(services, tx, manager(), local(input)));
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-input', invalidParams: [expect.objectContaining({ name: param })] });
    expect(await countLocal('0599')).toBe(before);
  });

  it('accepts a national code that ends when the local product ends with it', async () => {
    const p = await run(manager(), (tx) => createLocalProduct(services, tx, manager(), local({ localCode: 'END01', nationalCode: '45Z99', validTo: '2026-06-30' })));
    expect(p.validTo).toBe('2026-06-30');
  });

  it('refuses a second version of a local code with an overlapping period, and allows it after the first ended', async () => {
    const first = await run(manager(), (tx) => createLocalProduct(services, tx, manager(), local({ localCode: 'VER01', nationalCode: '45A04' })));
    await expect(run(manager(), (tx) => createLocalProduct(services, tx, manager(), local({ localCode: 'VER01', nationalCode: '45A05', validFrom: '2026-07-01' }))))
      .rejects.toMatchObject({ code: 'conflict' });
    await run(manager(), (tx) => endLocalProduct(services, tx, manager(), first.id, '2026-06-30'));
    const second = await run(manager(), (tx) => createLocalProduct(services, tx, manager(), local({ localCode: 'VER01', nationalCode: '45A05', validFrom: '2026-07-01' })));
    expect(second.nationalCode).toBe('45A05');
  });

  it('a change is checked like a new product: remapping onto another category\'s code is refused and nothing changes', async () => {
    const p = await run(manager(), (tx) => createLocalProduct(services, tx, manager(), local({ localCode: 'CHG01' })));
    await expect(run(manager(), (tx) => changeLocalProduct(services, tx, manager(), p.id, { nationalCode: '43A01' }))).rejects.toMatchObject({ code: 'invalid-input' });
    const changed = await run(manager(), (tx) => changeLocalProduct(services, tx, manager(), p.id, { nationalCode: '45A06', name: 'Diagnostiek ambulant' }));
    expect(changed).toMatchObject({ nationalCode: '45A06', name: 'Diagnostiek ambulant' });
  });
});

describe('who may see and change the catalogue', () => {
  it('another municipality sees none of Rotterdam\'s local products and cannot change them', async () => {
    const p = await run(manager(), (tx) => createLocalProduct(services, tx, manager(), local({ localCode: 'ISO01', nationalCode: '45A04' })));
    const denhaag = as('denhaag.inkoop');
    const theirs = await run(denhaag, (tx) => listLocalProducts(services, tx, denhaag));
    expect(theirs.map((l) => l.localCode)).not.toContain('ISO01');
    expect(theirs.map((l) => l.id)).not.toContain(p.id);
    await expect(run(denhaag, (tx) => changeLocalProduct(services, tx, denhaag, p.id, { name: 'overgenomen' }))).rejects.toMatchObject({ code: 'not-found' });
    const report = await run(denhaag, (tx) => readMappingReport(services, tx, denhaag));
    expect(JSON.stringify(report)).not.toContain('ISO01');
  });

  it('a caseworker reads the catalogue only under the Wmo or the Jeugdwet, and never changes it', async () => {
    const wmo = as('rotterdam.wmo', 'wmo');
    expect((await run(wmo, (tx) => listLocalProducts(services, tx, wmo))).length).toBeGreaterThan(0);
    const noPurpose = as('rotterdam.wmo');
    await expect(run(noPurpose, (tx) => listLocalProducts(services, tx, noPurpose))).rejects.toBeInstanceOf(AccessDenied);
    const income = as('rotterdam.inkomen', 'participatiewet');
    await expect(run(income, (tx) => listLocalProducts(services, tx, income))).rejects.toBeInstanceOf(AccessDenied);
    const before = await countLocal('0599');
    await expect(run(wmo, (tx) => createLocalProduct(services, tx, wmo, local({ localCode: 'WMO99' })))).rejects.toBeInstanceOf(AccessDenied);
    expect(await countLocal('0599')).toBe(before);
  });

  it('a quality analyst has no catalogue rule at all', async () => {
    const analyst = as('rotterdam.kwaliteit');
    await expect(run(analyst, (tx) => readMappingReport(services, tx, analyst))).rejects.toBeInstanceOf(AccessDenied);
  });

  it('the functional administrator may keep the catalogue too', async () => {
    const admin = as('rotterdam.beheer');
    const p = await run(admin, (tx) => createLocalProduct(services, tx, admin, local({ localCode: 'ADM01', nationalCode: '45A04' })));
    expect(p.localCode).toBe('ADM01');
  });
});

describe('the mapping report', () => {
  it('on a fixture: unmapped codes, national codes mapped twice, and mappings whose national code ended', async () => {
    // A municipality of its own, so the fixture is all there is.
    const c = await newMunicipalityManager('0363');
    const add = (p: LocalProductInput) => run(c, (tx) => createLocalProduct(services, tx, c, p));
    await add({ standard: 'iwmo', localCode: 'HH01', name: 'Huishoudelijke hulp', category: '01', unit: '04', validFrom: '2026-01-01' });
    await add(local({ localCode: 'A1', nationalCode: '45A04' }));
    await add(local({ localCode: 'A2', nationalCode: '45A04' }));
    await add(local({ localCode: 'A3', nationalCode: '45A05' }));
    await add(local({ localCode: 'OLD', nationalCode: '45A05', validTo: '2026-02-28' }));
    await add(local({ localCode: 'U1', nationalCode: null }));
    await add(local({ localCode: 'U2', nationalCode: null, validTo: '2026-01-31' }));
    await add(local({ localCode: 'EXP', nationalCode: '45Z98' }));
    // The national list ends 45Z98 after EXP was mapped onto it.
    await loadNationalCatalogue(database.db, { categories: [], products: [{ standard: 'ijw', category: '45', code: '45Z98', name: 'Fixture: ended', validFrom: '2015-01-01', validTo: '2026-02-28' }] });

    const report = await run(c, (tx) => readMappingReport(services, tx, c, { on: '2026-04-01' }));
    expect(report.unmapped.map((p) => p.localCode)).toEqual(['U1']);
    expect(report.mappedTwice.map((g) => [g.nationalCode, g.localProducts.map((p) => p.localCode)])).toEqual([['45A04', ['A1', 'A2']]]);
    expect(report.expired.map((e) => [e.product.localCode, e.reason])).toEqual([['EXP', 'national-code-ended']]);

    // On an earlier day the ended code was still valid, and OLD still shared 45A05 with A3.
    const earlier = await run(c, (tx) => readMappingReport(services, tx, c, { on: '2026-01-15' }));
    expect(earlier.unmapped.map((p) => p.localCode)).toEqual(['U1', 'U2']);
    expect(earlier.mappedTwice.map((g) => g.nationalCode)).toEqual(['45A04', '45A05']);
    expect(earlier.expired).toEqual([]);
  });
});

async function newMunicipalityManager(code: string): Promise<AccessContext> {
  const { activateMunicipality } = await import('@kern/tenancy');
  const { createAccount, createTeam } = await import('@kern/identity');
  await activateMunicipality(database.db, code);
  const team = await createTeam(database.db, code, 'Inkoop');
  await createAccount(database.db, { municipalityCode: code, username: `inkoop.${code}`, displayName: 'Inkoper', password: 'kern-demo-2026', roles: ['contract-manager'], teamIds: [team] });
  return { actor: await actorFor(database.db, `inkoop.${code}`) };
}

describe('product facts for other modules (decisions, contracts)', () => {
  it('tells which categories and product codes are valid on a day; a local code counts only in its own municipality', async () => {
    const rotterdam = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(database.db, '0599', fn);
    const denHaag = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(database.db, '0518', fn);
    expect(await rotterdam((tx) => categoryValidity(tx, 'ijw', '45'))).toEqual({ validFrom: '2015-01-01', validTo: null });
    expect(await rotterdam((tx) => categoryValidity(tx, 'iwmo', '45'))).toBeUndefined();
    expect([...(await rotterdam((tx) => categoriesValidOn(tx, 'iwmo', '2026-04-01')))].sort()).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect((await rotterdam((tx) => categoriesValidOn(tx, 'iwmo', '2014-12-31'))).size).toBe(0);
    const code = (c: string, category = '45', on = '2026-04-01') => ({ standard: 'ijw' as const, category, code: c, on });
    expect(await rotterdam((tx) => productCodeKnown(tx, code('45A04')))).toBe(true);
    expect(await rotterdam((tx) => productCodeKnown(tx, code('45A04', '43')))).toBe(false);
    await run(manager(), (tx) => createLocalProduct(services, tx, manager(), local({ localCode: 'PF001', validFrom: '2026-01-01' })));
    expect(await rotterdam((tx) => productCodeKnown(tx, code('PF001')))).toBe(true);
    expect(await rotterdam((tx) => productCodeKnown(tx, code('PF001', '45', '2025-12-31')))).toBe(false);
    expect(await denHaag((tx) => productCodeKnown(tx, code('PF001')))).toBe(false);
  });
});
