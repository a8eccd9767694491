import { sql, withTenant } from '@kern/db';
import { createAccount } from '@kern/identity';
import { FixedClock } from '@kern/kit';
import { DEMO_PASSWORD } from '@kern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Rotterdam residents nobody in the demo works with (no case, no debt file, no coordinator).
const STRANGERS = ['999993653', '999993872', '999995078', '999991930', '999991292', '999993938'];
// Patrick of the demo family, coordinated by rotterdam.generalist under integral coordination.
const PARENT = '999991838';
const PARTNER = '999990512';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
});
afterAll(async () => kern?.close());

interface RequestView { id: string; subjectBsn: string; status: string; requestedBy: string; canDecide: boolean; decidedBy?: string }
interface RelationView { id: string; subjectBsn: string; source: string; createdBy?: string; requestId?: string }

async function ask(agent: Agent, purpose: string, subjectBsn: string, reason = 'Melding aan de balie, hulpvraag onderzoeken'): Promise<string> {
  const res = await agent.request('POST', '/api/v1/involvements', { purpose, body: { subjectBsn, reason } });
  expect(res.statusCode, res.body).toBe(202);
  const body = res.json<{ request: { id: string; status: string } }>();
  expect(body.request.status).toBe('pending');
  return body.request.id;
}

const readsResident = async (a: Agent, purpose: string, bsn: string) => (await a.request('GET', `/api/v1/residents/${bsn}`, { purpose })).statusCode;
const readsHousehold = async (a: Agent, purpose: string, bsn: string) => (await a.request('GET', `/api/v1/residents/${bsn}/household-view`, { purpose })).statusCode;

describe('a self-requested relation gives no read until someone else approves it', () => {
  // Every staff role that reads residents, under the law it works under.
  const roles = [
    { user: 'rotterdam.wmo', purpose: 'wmo' },
    { user: 'rotterdam.jeugd', purpose: 'jeugdwet' },
    { user: 'rotterdam.inkomen', purpose: 'participatiewet' },
    { user: 'rotterdam.schuld', purpose: 'wgs' },
    { user: 'rotterdam.generalist', purpose: 'wmo' },
    { user: 'rotterdam.besluit', purpose: 'wmo' },
  ];

  it.each(roles.map((r, i) => ({ ...r, bsn: STRANGERS[i] ?? '' })))('$user ($purpose): pending gives nothing, the requester cannot approve, the team lead can, and the auditor sees it all', async ({ user, purpose, bsn }) => {
    const requester = await kern.login(user);
    expect(await readsResident(requester, purpose, bsn)).toBe(403);
    const id = await ask(requester, purpose, bsn);

    // Pending: still nothing, neither the record nor the household view.
    expect(await readsResident(requester, purpose, bsn)).toBe(403);
    expect(await readsHousehold(requester, purpose, bsn)).toBe(403);

    // The requester cannot decide their own request, whatever they call it.
    const self = await requester.request('POST', `/api/v1/involvement-requests/${id}/decision`, { purpose, body: { verdict: 'approved', note: 'Zelf goedgekeurd' } });
    expect(self.statusCode).toBe(403);
    expect(await readsResident(requester, purpose, bsn)).toBe(403);
    // Nor can a colleague without authority over it (another caseworker).
    const colleague = await kern.login(user === 'rotterdam.wmo' ? 'rotterdam.generalist' : 'rotterdam.wmo');
    expect((await colleague.request('POST', `/api/v1/involvement-requests/${id}/decision`, { purpose, body: { verdict: 'approved', note: 'Namens de collega' } })).statusCode).toBe(403);

    // The team lead sees it among the requests to decide and approves it with a note.
    const lead = await kern.login('rotterdam.teamleider');
    const open = (await lead.request('GET', '/api/v1/involvement-requests?status=pending')).json<{ requests: RequestView[] }>().requests;
    expect(open.find((r) => r.id === id)).toMatchObject({ subjectBsn: bsn, canDecide: true });
    // ... without seeing the resident themself.
    expect(await readsResident(lead, purpose, bsn)).toBe(403);
    const approved = await lead.request('POST', `/api/v1/involvement-requests/${id}/decision`, { purpose, body: { verdict: 'approved', note: 'Past bij de taak van het team' } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await readsResident(requester, purpose, bsn)).toBe(200);
    // Decided once.
    expect((await lead.request('POST', `/api/v1/involvement-requests/${id}/decision`, { purpose, body: { verdict: 'rejected', note: 'Toch niet' } })).statusCode).toBe(409);

    // The auditor sees the request, who decided it, and the relation it made.
    const auditor = await kern.login('rotterdam.auditor');
    const review = (await auditor.request('GET', '/api/v1/relations')).json<{ relations: RelationView[]; requests: RequestView[] }>();
    const leadId = review.requests.find((r) => r.id === id)?.decidedBy;
    expect(review.requests.find((r) => r.id === id)).toMatchObject({ status: 'approved', subjectBsn: bsn });
    expect(leadId).toBeDefined();
    expect(leadId).not.toBe(review.requests.find((r) => r.id === id)?.requestedBy);
    expect(review.relations.find((r) => r.requestId === id)).toMatchObject({ subjectBsn: bsn, source: 'approved-request', createdBy: leadId });
    // And the attempts are on the audit record: the request, the refused self-approval, the decision.
    const records = (await auditor.request('GET', `/api/v1/audit-records?subjectBsn=${bsn}`)).json<{ records: { resource: string; action: string; outcome: string; reason: string }[] }>().records;
    expect(records).toContainEqual(expect.objectContaining({ resource: 'involvement', action: 'create', outcome: 'allowed', reason: expect.stringMatching(/^request case: Melding aan de balie/) as unknown }));
    expect(records).toContainEqual(expect.objectContaining({ resource: 'involvement-request', action: 'decide', outcome: 'allowed', reason: expect.stringContaining('approved request') as unknown }));
  });

  it('a team lead who asks for themself cannot approve it either, and the refusal is on the audit record', async () => {
    const noord = await withTenant(kern.services.db, '0599', (tx) => sql<{ id: string }>`select id from teams where name = 'Wijkteam Noord'`.execute(tx));
    await createAccount(kern.services.db, {
      municipalityCode: '0599', username: 'rotterdam.wmo-leider', displayName: 'Wmo en teamleider', password: DEMO_PASSWORD,
      roles: ['wmo-consultant', 'team-lead'], teamIds: [noord.rows[0]?.id ?? ''],
    });
    const both = await kern.login('rotterdam.wmo-leider');
    const bsn = '999991814';
    const id = await ask(both, 'wmo', bsn);
    const listed = (await both.request('GET', '/api/v1/involvement-requests')).json<{ requests: RequestView[] }>().requests;
    expect(listed.find((r) => r.id === id)).toMatchObject({ canDecide: false });
    expect((await both.request('POST', `/api/v1/involvement-requests/${id}/decision`, { purpose: 'wmo', body: { verdict: 'approved', note: 'Eigen team' } })).statusCode).toBe(403);
    expect(await readsResident(both, 'wmo', bsn)).toBe(403);
    const auditor = await kern.login('rotterdam.auditor');
    const records = (await auditor.request('GET', `/api/v1/audit-records?subjectBsn=${bsn}&outcome=denied`)).json<{ records: { resource: string; action: string; reason: string }[] }>().records;
    expect(records).toContainEqual(expect.objectContaining({ resource: 'involvement-request', action: 'decide', reason: expect.stringContaining('the requester never decides their own request') as unknown }));
  });

  it('a rejected request makes no relation, and the auditor sees it pending and then rejected', async () => {
    const debt = await kern.login('rotterdam.schuld');
    const id = await ask(debt, 'wgs', PARTNER, 'Wil even kijken hoe het gaat');
    const auditor = await kern.login('rotterdam.auditor');
    const pending = (await auditor.request('GET', '/api/v1/relations')).json<{ requests: RequestView[] }>().requests;
    expect(pending.find((r) => r.id === id)).toMatchObject({ status: 'pending' });
    const lead = await kern.login('rotterdam.teamleider');
    expect((await lead.request('POST', `/api/v1/involvement-requests/${id}/decision`, { body: { verdict: 'rejected', note: 'Geen taak van schuldhulp' } })).statusCode).toBe(200);
    expect(await readsResident(debt, 'wgs', PARTNER)).toBe(403);
    const after = (await auditor.request('GET', '/api/v1/relations')).json<{ relations: RelationView[]; requests: RequestView[] }>();
    expect(after.requests.find((r) => r.id === id)).toMatchObject({ status: 'rejected' });
    expect(after.relations.some((r) => r.requestId === id)).toBe(false);
  });

  it('a generalist asking to coordinate a household gets no household view until the team lead approves', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const bsn = '999992831';
    const res = await generalist.request('POST', '/api/v1/involvements', { purpose: 'integraal', body: { subjectBsn: bsn, kind: 'coordinator', reason: 'hallo' } });
    expect(res.statusCode, res.body).toBe(202);
    expect(await readsHousehold(generalist, 'integraal', bsn)).toBe(403);
    expect(await readsResident(generalist, 'integraal', bsn)).toBe(403);
    const lead = await kern.login('rotterdam.teamleider');
    const id = res.json<{ request: { id: string } }>().request.id;
    expect((await lead.request('POST', `/api/v1/involvement-requests/${id}/decision`, { body: { verdict: 'approved', note: 'Regie afgesproken in het teamoverleg' } })).statusCode).toBe(200);
    expect(await readsResident(generalist, 'integraal', bsn)).toBe(200);
  });

  it("the household's coordinator may decide requests for the household, under integral coordination", async () => {
    const youth = await kern.login('rotterdam.jeugd');
    const id = await ask(youth, 'jeugdwet', PARENT, 'Opvoedvragen in het gezin, ouder betrekken');
    const coordinator = await kern.login('rotterdam.generalist');
    // Not under another purpose: the coordinator relation is an integral one.
    expect((await coordinator.request('POST', `/api/v1/involvement-requests/${id}/decision`, { purpose: 'wmo', body: { verdict: 'approved', note: 'Akkoord' } })).statusCode).toBe(403);
    const ok = await coordinator.request('POST', `/api/v1/involvement-requests/${id}/decision`, { purpose: 'integraal', body: { verdict: 'approved', note: 'Akkoord als regisseur' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await readsResident(youth, 'jeugdwet', PARENT)).toBe(200);
  });

  it('relations made by the work record what made them and who', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const started = await wmo.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999992223', fields: { hulpvraag: 'Vervoer' } } });
    expect(started.statusCode, started.body).toBe(201);
    const auditor = await kern.login('rotterdam.auditor');
    const relations = (await auditor.request('GET', '/api/v1/relations?source=case')).json<{ relations: (RelationView & { caseId?: string })[] }>().relations;
    expect(relations.find((r) => r.subjectBsn === '999992223')).toMatchObject({ source: 'case', caseId: started.json<{ caseId: string }>().caseId });
    // A caseworker does not see the relation review.
    expect((await wmo.request('GET', '/api/v1/relations')).statusCode).toBe(403);
  });
});
