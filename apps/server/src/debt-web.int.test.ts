import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// What the counsellor's debt file page and the administrator's norm-table page send, over HTTP:
// the refusals carry a problem+json message and the field it belongs to.
let kern: TestKern;
let counsellor: Agent;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
  counsellor = await kern.login('rotterdam.schuld');
});
afterAll(async () => kern?.close());

interface ProblemBody { messages: { nl: string; en: string }; invalidParams?: { name: string; reason: string }[] }

async function openFile(bsn: string): Promise<string> {
  const res = await counsellor.request('POST', '/api/v1/debt/files', { purpose: 'wgs', body: { subjectBsn: bsn, requestDate: '2026-03-20', contact: 'Joost Visser' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ debtFileId: string }>().debtFileId;
}

describe('the debt file forms over HTTP', () => {
  it('refuses a cooling-off period over six months with the latest end date, on the field until; accepts one within', async () => {
    const id = await openFile('999993938');
    const long = await counsellor.request('POST', `/api/v1/debt/files/${id}/moratorium`, { purpose: 'wgs', body: { from: '2026-03-24', until: '2026-10-01' } });
    expect(long.statusCode).toBe(400);
    const p = long.json<ProblemBody>();
    expect(p.messages.nl).toMatch(/ten hoogste zes maanden: uiterlijk tot en met 2026-09-2\d/);
    expect(p.invalidParams?.map((x) => x.name)).toEqual(['until']);
    const ok = await counsellor.request('POST', `/api/v1/debt/files/${id}/moratorium`, { purpose: 'wgs', body: { from: '2026-03-24', until: '2026-06-24' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const view = (await counsellor.request('GET', `/api/v1/debt/files/${id}`, { purpose: 'wgs' })).json<{ file: { moratoriumFrom: string; moratoriumUntil: string } }>();
    expect(view.file).toMatchObject({ moratoriumFrom: '2026-03-24', moratoriumUntil: '2026-06-24' });
  });

  it('records a refusal with its ground and shows it in the file', async () => {
    const id = await openFile('999990883');
    await counsellor.request('POST', `/api/v1/debt/files/${id}/first-conversation`, { purpose: 'wgs', body: { heldOn: '2026-03-23' } });
    const noGround = await counsellor.request('POST', `/api/v1/debt/files/${id}/decision`, { purpose: 'wgs', body: { decision: 'refused', decidedOn: '2026-03-24' } });
    expect(noGround.statusCode).toBe(400);
    const refused = await counsellor.request('POST', `/api/v1/debt/files/${id}/decision`, { purpose: 'wgs', body: { decision: 'refused', decidedOn: '2026-03-24', ground: 'not-resident' } });
    expect(refused.statusCode, refused.body).toBe(200);
    const view = (await counsellor.request('GET', `/api/v1/debt/files/${id}`, { purpose: 'wgs' })).json<{ file: { status: string; refusalGround: string; decisionOn: string } }>();
    expect(view.file).toMatchObject({ status: 'refused', refusalGround: 'not-resident', decisionOn: '2026-03-24' });
  });

  it('records evidence of an accepted type and size, and refuses an executable, an empty and a too large file, naming the field', async () => {
    const id = await openFile('999991346');
    const debt = await counsellor.request('POST', `/api/v1/debt/files/${id}/debts`, { purpose: 'wgs', body: { creditorName: 'Eneco', creditorSector: 'energy', category: 'nuts', claimedCents: 12_345 } });
    const debtId = debt.json<{ debtId: string }>().debtId;
    const send = (body: Record<string, unknown>) => counsellor.request('POST', `/api/v1/debt/files/${id}/debts/${debtId}/evidence`, { purpose: 'wgs', body: { kind: 'invoice', fileName: 'factuur.pdf', mediaType: 'application/pdf', sizeBytes: 1000, receivedOn: '2026-03-24', ...body } });
    const exe = await send({ fileName: 'factuur.exe', mediaType: 'application/x-msdownload' });
    expect(exe.statusCode).toBe(400);
    expect(exe.json<ProblemBody>().invalidParams?.map((x) => x.name)).toEqual(['mediaType']);
    expect(exe.json<ProblemBody>().messages.nl).toMatch(/niet aanvaard/);
    for (const sizeBytes of [0, 20 * 1024 * 1024 + 1]) {
      const r = await send({ sizeBytes });
      expect(r.statusCode).toBe(400);
      expect(r.json<ProblemBody>().invalidParams?.map((x) => x.name)).toEqual(['sizeBytes']);
    }
    const future = await send({ receivedOn: '2026-03-25' });
    expect(future.json<ProblemBody>().invalidParams?.map((x) => x.name)).toEqual(['receivedOn']);
    const ok = await send({ fileName: 'aanmaning.PNG', mediaType: 'IMAGE/PNG', sizeBytes: 2_000_000, note: 'Foto van de aanmaning' });
    expect(ok.statusCode, ok.body).toBe(201);
    const view = (await counsellor.request('GET', `/api/v1/debt/files/${id}`, { purpose: 'wgs' })).json<{ debts: { evidence: { fileName: string; mediaType: string; sizeBytes: number }[] }[] }>();
    expect(view.debts[0]?.evidence).toEqual([expect.objectContaining({ fileName: 'aanmaning.PNG', mediaType: 'image/png', sizeBytes: 2_000_000 })]);
  });
});

describe('VTLB norm tables over HTTP', () => {
  const table = {
    validFrom: '2027-01-01', validUntil: '2027-06-30', source: 'Participatiewet art. 21 (geïndexeerd per 1 januari 2027)', assumptions: [],
    coupleNormCents: 160_000, singleNormCents: 112_000, costSharer: { baseBasisPoints: 4000, perPersonBasisPoints: 3000 }, basePercentage: 95,
    housing: { normSingleCents: 25_000, normCoupleCents: 30_000, ceilingCents: 90_007 }, health: { normPremiumPerAdultCents: 5_000 },
  };

  it('lets the functional administrator add a period, lists it to all staff, and refuses an overlap and a bad period with the field named', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const stored = await admin.request('POST', '/api/v1/debt/norm-tables', { body: table });
    expect(stored.statusCode, stored.body).toBe(201);
    const overlap = await admin.request('POST', '/api/v1/debt/norm-tables', { body: table });
    expect(overlap.statusCode).toBe(409);
    const bad = await admin.request('POST', '/api/v1/debt/norm-tables', { body: { ...table, validFrom: '2027-08-01', validUntil: '2027-12-31' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ProblemBody>().invalidParams?.map((x) => x.name)).toContain('validFrom');
    const list = await counsellor.request('GET', '/api/v1/debt/norm-tables', { purpose: 'wgs' });
    expect(list.json<{ own: { validFrom: string }[]; shipped: { validFrom: string }[] }>()).toMatchObject({ own: [{ validFrom: '2027-01-01' }], shipped: [{ validFrom: '2026-01-01' }, { validFrom: '2026-07-01' }] });
  });

  it('refuses a counsellor (a role without the administration task) and shows another municipality nothing of it', async () => {
    const refused = await counsellor.request('POST', '/api/v1/debt/norm-tables', { purpose: 'wgs', body: { ...table, validFrom: '2027-07-01', validUntil: '2027-12-31' } });
    expect(refused.statusCode).toBe(403);
    const dhAdmin = await kern.login('denhaag.beheer');
    expect((await dhAdmin.request('GET', '/api/v1/debt/norm-tables')).json<{ own: unknown[] }>().own).toEqual([]);
    // Den Haag's own table for the same period is its own business: no overlap with Rotterdam's.
    expect((await dhAdmin.request('POST', '/api/v1/debt/norm-tables', { body: table })).statusCode).toBe(201);
  });
});
