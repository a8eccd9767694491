import { sql, withSystem } from '@kern/db';
import { buildRetour, messageType, sample315, validateAgainstXsd } from '@kern/exchange';
import { insertTestAllocation } from '@kern/seed/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

const today = () => kern.clock.now().toISOString().slice(0, 10);
const m315 = (identificatie: string, ref: string, bsn = '999991838') =>
  sample315({ standard: 'iwmo', provider: '87654321', municipality: '0599', identificatie, dagtekening: today() }, { bsn }, [{ referentieAanbieder: ref, categorie: '02', ingangsdatum: '2027-01-01' }]);

describe('exchange regie over HTTP', () => {
  it('answers a delivered 315 with its 316; the same delivery again gives the identical answer', async () => {
    const a = await kern.login('rotterdam.besluit');
    const first = await a.request('POST', '/api/v1/exchange/regie-messages', { purpose: 'wmo', body: { xml: m315('H1', 'H-REF-1') } });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json<{ status: string; duplicate: boolean; answer: { messageType: string; xml: string } }>();
    expect(body).toMatchObject({ status: 'answered', duplicate: false, answer: { messageType: '316' } });
    const again = await a.request('POST', '/api/v1/exchange/regie-messages', { purpose: 'wmo', body: { xml: m315('H1', 'H-REF-1') } });
    expect(again.json<{ duplicate: boolean; answer: { xml: string } }>()).toMatchObject({ duplicate: true, answer: { xml: body.answer.xml } });
    const inbox = await a.request('GET', '/api/v1/exchange/requests', { purpose: 'wmo' });
    expect(inbox.json<{ requests: { referentieAanbieder: string }[] }>().requests.filter((r) => r.referentieAanbieder === 'H-REF-1')).toHaveLength(1);
  });

  it('refuses hostile input as problem+json naming the rule and return code, and books nothing', async () => {
    const a = await kern.login('rotterdam.besluit');
    const res = await a.request('POST', '/api/v1/exchange/regie-messages', { purpose: 'wmo', body: { xml: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]>${m315('H2', 'H-REF-2').replace(/^<\?xml[^>]*>\s*/, '')}` } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatch(/DOCTYPE/);
    const inbox = await a.request('GET', '/api/v1/exchange/requests', { purpose: 'wmo' });
    expect(inbox.body).not.toMatch(/H-REF-2/);
  });

  it('answers a request with a 319 and refuses a refusal without its reason', async () => {
    const a = await kern.login('rotterdam.besluit');
    await a.request('POST', '/api/v1/exchange/regie-messages', { purpose: 'wmo', body: { xml: m315('H3', 'H-REF-3', '999990512') } });
    const inbox = (await a.request('GET', '/api/v1/exchange/requests', { purpose: 'wmo' })).json<{ requests: { id: string; referentieAanbieder: string }[] }>();
    const id = inbox.requests.find((r) => r.referentieAanbieder === 'H-REF-3')?.id ?? '';
    const bad = await a.request('POST', `/api/v1/exchange/requests/${id}/answer`, { purpose: 'wmo', body: { verzoekAntwoord: '1' } });
    expect(bad.statusCode).toBe(400);
    const ok = await a.request('POST', `/api/v1/exchange/requests/${id}/answer`, { purpose: 'wmo', body: { verzoekAntwoord: '1', redenAfwijzingVerzoek: '2' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ xml: string }>().xml).toContain('<wmo319:VerzoekAntwoord>1<');
  });

  it('sends a 301 for an allocation with the client from the BRP, valid against its XSD; Den Haag cannot send Rotterdam\'s allocation', async () => {
    const { allocationId } = await insertTestAllocation(kern.services.db, { municipalityCode: '0599', bsn: '999991838', providerAgb: '87654321', standard: 'iwmo', toewijzingNummer: '800001', category: '02', startDate: '2026-01-01' });
    const a = await kern.login('rotterdam.besluit');
    const res = await a.request('POST', '/api/v1/exchange/allocation-messages', { purpose: 'wmo', body: { allocationIds: [allocationId] } });
    expect(res.statusCode, res.body).toBe(201);
    const xml = res.json<{ xml: string }>().xml;
    expect(validateAgainstXsd(messageType('iwmo', '301'), xml)).toEqual([]);
    expect(xml).toContain('<wmo301:ToewijzingNummer>800001<');
    const status = await a.request('GET', '/api/v1/exchange/clients/999991838/messages', { purpose: 'wmo' });
    expect(status.json<{ messages: { messageType: string; direction: string }[] }>().messages).toContainEqual(expect.objectContaining({ messageType: '301', direction: 'out' }));
    const dh = await kern.login('denhaag.besluit');
    expect((await dh.request('POST', '/api/v1/exchange/allocation-messages', { purpose: 'wmo', body: { allocationIds: [allocationId] } })).statusCode).toBe(404);
  });

  it('marks the allocation acknowledged in the provisions module once the provider\'s 302 answers its 301 with 0200 only', async () => {
    const { allocationId } = await insertTestAllocation(kern.services.db, { municipalityCode: '0599', bsn: '999991838', providerAgb: '87654321', standard: 'iwmo', toewijzingNummer: '800002', category: '02', startDate: '2026-01-01' });
    const acknowledgedAt = async () => (await withSystem(kern.services.db, (tx) => sql<{ at: Date | null }>`select acknowledged_at as at from allocations where id = ${allocationId}`.execute(tx))).rows[0]?.at ?? null;
    const a = await kern.login('rotterdam.besluit');
    const sent = await a.request('POST', '/api/v1/exchange/allocation-messages', { purpose: 'wmo', body: { allocationIds: [allocationId] } });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(await acknowledgedAt()).toBeNull();
    const retour = buildRetour(messageType('iwmo', '301'), sent.json<{ xml: string }>().xml, { identificatie: 'H302A', dagtekening: today() });
    const res = await a.request('POST', '/api/v1/exchange/regie-messages', { purpose: 'wmo', body: { xml: retour.xml } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await acknowledgedAt()).not.toBeNull();
  });

  it('another municipality sees an empty inbox; a role without the purpose gets 403', async () => {
    const dh = await kern.login('denhaag.besluit');
    const inbox = await dh.request('GET', '/api/v1/exchange/requests', { purpose: 'wmo' });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json<{ requests: unknown[] }>().requests).toEqual([]);
    const generalist = await kern.login('rotterdam.generalist');
    expect((await generalist.request('GET', '/api/v1/exchange/requests', { purpose: 'wmo' })).statusCode).toBe(403);
    const besluit = await kern.login('rotterdam.besluit');
    expect((await besluit.request('GET', '/api/v1/exchange/requests', { purpose: 'integraal' })).statusCode).toBe(403);
  });
});
