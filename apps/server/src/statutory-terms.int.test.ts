import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
}, 120_000);
afterAll(async () => kern?.close());

const decree = {
  id: 'atw-test-2029-2031', title: 'Testbesluit gelijkgestelde dagen 2029-2031', publishedOn: '2028-09-15', publication: 'Stcrt. 2028, 99999',
  sourceNote: null, coversFrom: '2029-01-01', coversUntil: '2031-12-31', days: ['2029-05-11'],
};

describe('the statutory calendar over HTTP', () => {
  it('computes the objection term of a decision of 3 April 2026 as 18 May 2026, the decreed day named in the explanation', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const res = await wmo.request('GET', '/api/v1/statutory-terms/awb-bezwaar?start=2026-04-03');
    expect(res.statusCode, res.body).toBe(200);
    const body = JSON.parse(res.body) as { due: string; beyondKnownDecrees: boolean; explanation: string[] };
    expect(body.due).toBe('2026-05-18');
    expect(body.beyondKnownDecrees).toBe(false);
    expect(body.explanation.join(' ')).toMatch(/gelijkgesteld|art\. 3 lid 3/);
  });

  it('refuses an unknown term and an impossible start date on their fields', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const unknown = await wmo.request('GET', '/api/v1/statutory-terms/geen-termijn?start=2026-04-03');
    expect(unknown.statusCode).toBe(400);
    const impossible = await wmo.request('GET', '/api/v1/statutory-terms/awb-bezwaar?start=2026-02-30');
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain('start');
  });

  it('lets no one without a login compute or list, and no one but a functional administrator add a decree; a refused add stores nothing', async () => {
    expect((await kern.anonymous.request('GET', '/api/v1/statutory-decrees')).statusCode).toBe(401);
    const wmo = await kern.login('rotterdam.wmo');
    const before = JSON.parse((await wmo.request('GET', '/api/v1/statutory-decrees')).body) as { decrees: unknown[]; knownUntil: string | null };
    const refused = await wmo.request('POST', '/api/v1/statutory-decrees', { body: decree });
    expect(refused.statusCode).toBe(403);
    const after = JSON.parse((await wmo.request('GET', '/api/v1/statutory-decrees')).body) as { decrees: unknown[]; knownUntil: string | null };
    expect(after).toEqual(before);
  });

  it('a functional administrator adds the next decree: the term over its day moves and the horizon moves with it; a Saturday is refused on its field', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const saturday = await admin.request('POST', '/api/v1/statutory-decrees', { body: { ...decree, id: 'atw-test-zaterdag', days: ['2029-05-12'] } });
    expect(saturday.statusCode).toBe(400);
    expect(saturday.body).toContain('days');
    const before = JSON.parse((await admin.request('GET', '/api/v1/statutory-terms/awb-bezwaar?start=2029-03-30')).body) as { due: string; beyondKnownDecrees: boolean };
    expect(before).toMatchObject({ due: '2029-05-11', beyondKnownDecrees: true });
    const added = await admin.request('POST', '/api/v1/statutory-decrees', { body: decree });
    expect(added.statusCode, added.body).toBe(201);
    expect((JSON.parse(added.body) as { knownUntil: string }).knownUntil).toBe('2031-12-31');
    const after = JSON.parse((await admin.request('GET', '/api/v1/statutory-terms/awb-bezwaar?start=2029-03-30')).body) as { due: string; beyondKnownDecrees: boolean };
    expect(after).toMatchObject({ due: '2029-05-14', beyondKnownDecrees: false });
  });
});
