import { sql, withTenant } from '@kern/db';
import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Rotterdam: Patrick (parent), whose daughter Victoria (2020) is a minor in his BRP record.
const PARENT = '999991838';
// Two Rotterdam residents nobody works with: the ward and the would-be representative.
const WARD = '999993653';
const REPRESENTATIVE = '999995078';

type Citizen = Agent & { people: { ref: string; name: string; relation: string }[] };
const selfRef = (c: Citizen): string => c.people.find((p) => p.relation === 'self')?.ref ?? '';

let kern: TestKern;
let recorder: Agent;
let representationId = '';
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
  // The Wmo team works with the ward (a case), so two of its members have a relation.
  recorder = await kern.login('rotterdam.generalist');
  const started = await recorder.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: WARD, fields: { hulpvraag: 'Hulp bij administratie' } } });
  expect(started.statusCode, started.body).toBe(201);
});
afterAll(async () => kern?.close());

describe('a representative acts for someone in the portal only from a source that proves it', () => {
  it('the BRP gezag lets a parent act for their minor child without anything recorded', async () => {
    const parent = await kern.citizenLogin(PARENT);
    expect(parent.people.find((p) => p.relation === 'gezag')?.name).toMatch(/Victoria/);
    const child = parent.people.find((p) => p.relation === 'gezag')?.ref ?? '';
    expect((await parent.request('GET', `/api/v1/portal/people/${child}/cases`)).statusCode).toBe(200);
  });

  it("follows the BRP's indication of authority where a court gave it to one parent, and proves nothing with one it cannot read", async () => {
    // Mirik de Jager (2010): the court gave authority to parent 1 (11.32.10 = 1), who lists him.
    const jager = await kern.citizenLogin('999997610');
    expect(jager.people.filter((p) => p.relation === 'gezag').map((p) => p.name)).toEqual([expect.stringMatching(/Mirik/)]);
    // The Groot Esselink children carry indications outside the ones the BRP defines for parents
    // (C, 1C, 2C, 3C, CD, 3D): listed as their children, but no proof of authority.
    const esselink = await kern.citizenLogin('999999357');
    expect(esselink.people.map((p) => p.relation)).toEqual(['self']);
  });

  it('refuses a written machtiging from a caseworker: that comes from DigiD Machtigen', async () => {
    const res = await recorder.request('POST', `/api/v1/residents/${WARD}/representations`, { purpose: 'wmo', body: { representativeBsn: REPRESENTATIVE, kind: 'machtiging', courtReference: 'brief van de inwoner' } });
    expect(res.statusCode).toBe(400);
  });

  it('a court order recorded by one caseworker does not let the representative act for the ward', async () => {
    const res = await recorder.request('POST', `/api/v1/residents/${WARD}/representations`, { purpose: 'wmo', body: { representativeBsn: REPRESENTATIVE, kind: 'curatele', courtReference: 'C/10/700001 / FA RK 26-2001' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ status: string }>().status).toBe('pending');
    representationId = res.json<{ id: string }>().id;
    const representative = await kern.citizenLogin(REPRESENTATIVE);
    expect(representative.people.map((p) => p.relation)).toEqual(['self']);
    // Nor does anything they try reach the ward's data.
    const ward = await kern.citizenLogin(WARD);
    expect((await representative.request('GET', `/api/v1/portal/people/${selfRef(ward)}/data`)).statusCode).toBe(404);
  });

  it('the one who recorded it cannot approve it, and someone without a relation cannot either', async () => {
    const own = await recorder.request('POST', `/api/v1/representations/${representationId}/decision`, { purpose: 'wmo', body: { verdict: 'approved', note: 'Zelf gecontroleerd' } });
    expect(own.statusCode).toBe(403);
    const auditor = await kern.login('rotterdam.auditor');
    const denied = (await auditor.request('GET', `/api/v1/audit-records?subjectBsn=${WARD}&outcome=denied`)).json<{ records: { resource: string; action: string; reason: string }[] }>().records;
    expect(denied).toContainEqual(expect.objectContaining({ resource: 'representation', action: 'decide', reason: expect.stringContaining('never the one who recorded it') as unknown }));
    const stranger = await kern.login('rotterdam.inkomen');
    expect((await stranger.request('POST', `/api/v1/representations/${representationId}/decision`, { purpose: 'participatiewet', body: { verdict: 'approved', note: 'Gezien' } })).statusCode).toBe(403);
    expect((await kern.citizenLogin(REPRESENTATIVE)).people).toHaveLength(1);
    // The database holds the four eyes as well.
    await expect(withTenant(kern.services.db, '0599', (tx) =>
      sql`update portal_representations set status = 'approved', decided_by = recorded_by where id = ${representationId}::uuid`.execute(tx),
    )).rejects.toThrow();
  });

  it("a second staff member's approval makes it work from the next login, and the ward is told in the portal", async () => {
    const second = await kern.login('rotterdam.wmo');
    const listed = (await second.request('GET', `/api/v1/residents/${WARD}/representations`, { purpose: 'wmo' })).json<{ representations: { id: string; status: string; courtReference: string }[] }>().representations;
    expect(listed.find((r) => r.id === representationId)).toMatchObject({ status: 'pending', courtReference: 'C/10/700001 / FA RK 26-2001' });
    const approved = await second.request('POST', `/api/v1/representations/${representationId}/decision`, { purpose: 'wmo', body: { verdict: 'approved', note: 'Uitspraak van de rechtbank gezien' } });
    expect(approved.statusCode, approved.body).toBe(200);
    const representative = await kern.citizenLogin(REPRESENTATIVE);
    const ward = representative.people.find((p) => p.relation === 'curatele');
    expect(ward).toBeDefined();
    expect((await representative.request('GET', `/api/v1/portal/people/${ward?.ref ?? ''}/cases`)).statusCode).toBe(200);
    // The ward (and whoever else acts for them) reads that it was recorded.
    const own = await kern.citizenLogin(WARD);
    const messages = (await own.request('GET', `/api/v1/portal/people/${selfRef(own)}/messages`)).json<{ messages: { from: string; body: string }[] }>().messages;
    expect(messages).toContainEqual(expect.objectContaining({ from: 'municipality', body: expect.stringContaining('C/10/700001') as unknown }));
    // Decided once.
    expect((await second.request('POST', `/api/v1/representations/${representationId}/decision`, { purpose: 'wmo', body: { verdict: 'rejected', note: 'Toch niet' } })).statusCode).toBe(409);
  });

  it('a rejected court order never lets the representative act', async () => {
    const res = await recorder.request('POST', `/api/v1/residents/${WARD}/representations`, { purpose: 'wmo', body: { representativeBsn: PARENT, kind: 'mentorschap', courtReference: 'C/10/700002 / FA RK 26-2002' } });
    const second = await kern.login('rotterdam.wmo');
    expect((await second.request('POST', `/api/v1/representations/${res.json<{ id: string }>().id}/decision`, { purpose: 'wmo', body: { verdict: 'rejected', note: 'Kenmerk onbekend bij de rechtbank' } })).statusCode).toBe(200);
    expect((await kern.citizenLogin(PARENT)).people.map((p) => p.relation)).not.toContain('mentorschap');
  });
});
