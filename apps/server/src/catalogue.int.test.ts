import { sql, withSystem } from '@kern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

// The product catalogue and contracting over HTTP: problem+json answers, nothing half-written,
// and the tariff question invoice verification will ask.
let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, messages: { nl: expect.any(String), en: expect.any(String) } });
};
const count = async (table: string) =>
  Number((await withSystem(kern.services.db, (tx) => sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx))).rows[0]?.n);

describe('catalogue and contracting over HTTP', () => {
  it('the mapping report of the demo shows the unmapped code and the national code mapped twice', async () => {
    const a = await kern.login('rotterdam.inkoop');
    const res = await a.request('GET', '/api/v1/catalogue/mapping-report?on=2026-04-01');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ unmapped: { localCode: string }[]; mappedTwice: { nationalCode: string; localProducts: { localCode: string }[] }[]; expired: unknown[] }>();
    expect(report.unmapped.map((p) => p.localCode)).toEqual(['JA002']);
    expect(report.mappedTwice.map((g) => [g.nationalCode, g.localProducts.map((p) => p.localCode)])).toEqual([['45A04', ['45A04', 'JA001']]]);
    expect(report.expired).toEqual([]);
  });

  it('bad input is a 400 problem naming the field, and writes nothing', async () => {
    const a = await kern.login('rotterdam.inkoop');
    const before = await count('local_products');
    const wrong = await a.request('POST', '/api/v1/catalogue/local-products', { body: { standard: 'ijw', localCode: 'X1', name: 'x', category: '45', nationalCode: '43A01', validFrom: '2026-01-01' } });
    expectProblem(wrong, 400);
    expect(wrong.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toEqual(['nationalCode']);
    expectProblem(await a.request('POST', '/api/v1/catalogue/local-products', { body: { standard: 'ijw', localCode: 'X1', name: 'x', category: '45', unit: '99', validFrom: '2026-01-01' } }), 400);
    expectProblem(await a.request('POST', '/api/v1/catalogue/local-products', { body: { standard: 'ijw', localCode: 'X1', name: 'x', category: '45', validFrom: '2026-02-30' } }), 400);
    expect(await count('local_products')).toBe(before);

    const providers = await count('care_providers');
    expectProblem(await a.request('POST', '/api/v1/contracting/providers', { body: { agbCode: '1234567', name: 'x' } }), 400);
    expect(await count('care_providers')).toBe(providers);
  });

  it('an overlapping tariff is a 409 problem; a fractional tariff a 400; the contract keeps its products', async () => {
    const a = await kern.login('rotterdam.inkoop');
    const contracts = (await a.request('GET', '/api/v1/contracting/contracts')).json<{ id: string; reference: string }[]>();
    const id = contracts.find((c) => c.reference === 'RTM-WMO-2026-001')?.id ?? '';
    const before = await count('contracted_products');
    const overlap = await a.request('POST', `/api/v1/contracting/contracts/${id}/products`, { body: { category: '01', productCode: 'HH01', unit: '04', tariffCents: 3_600, validFrom: '2027-01-01', validTo: '2027-12-31' } });
    expectProblem(overlap, 409);
    expect(overlap.json<{ messages: { nl: string } }>().messages.nl).toContain('al een tarief');
    expectProblem(await a.request('POST', `/api/v1/contracting/contracts/${id}/products`, { body: { category: '01', productCode: 'HH01', unit: '04', tariffCents: 33.5, validFrom: '2026-01-01' } }), 400);
    expect(await count('contracted_products')).toBe(before);
  });

  it('the tariff question answers for the provider, product and day, and refuses a caseworker without a purpose', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const res = await wmo.request('GET', '/api/v1/contracting/tariff?providerAgb=98000101&category=01&productCode=HH01&on=2026-04-01', { purpose: 'wmo' });
    expect(res.json()).toMatchObject({ tariff: { tariffCents: 3_350, unit: '04', contractReference: 'RTM-WMO-2026-001', fundingModel: 'inspanningsgericht' } });
    const none = await wmo.request('GET', '/api/v1/contracting/tariff?providerAgb=98000101&category=01&productCode=HH01&on=2028-01-01', { purpose: 'wmo' });
    expect(none.json()).toEqual({ tariff: null });
    expectProblem(await wmo.request('GET', '/api/v1/contracting/tariff?providerAgb=98000101&category=01&on=2026-04-01'), 403);
  });

  it('Den Haag\'s contract manager gets a 404 for a Rotterdam contract', async () => {
    const rotterdam = await kern.login('rotterdam.inkoop');
    const id = (await rotterdam.request('GET', '/api/v1/contracting/contracts')).json<{ id: string }[]>()[0]?.id ?? '';
    const denhaag = await kern.login('denhaag.inkoop');
    expectProblem(await denhaag.request('GET', `/api/v1/contracting/contracts/${id}`), 404);
  });
});
