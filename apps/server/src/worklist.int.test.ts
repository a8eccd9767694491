import { createAccount } from '@kern/identity';
import { DEMO_PASSWORD } from '@kern/seed';
import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Issue 15: work that fits the person. Team Noord (Rotterdam) holds the generalist, the Wmo consultant
// and the team lead; a second generalist joins it here so a task can be handed over.
const RESIDENT = '999993872';

interface Item { taskId: string; caseId: string; stepId: string; assignedToMe: boolean }
const items = async (agent: Agent, scope: 'mine' | 'team' = 'mine') => (await agent.request('GET', `/api/v1/worklist?scope=${scope}`)).json<{ items: Item[] }>().items;
const assign = (agent: Agent, taskId: string, body: Record<string, unknown>) => agent.request('POST', `/api/v1/worklist/tasks/${taskId}/assignment`, { body });

let kern: TestKern;
let generalist: Agent;
let second: Agent;
let secondId = '';
let wmoId = '';
let taskId = '';

beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
  generalist = await kern.login('rotterdam.generalist');
  const me = (await generalist.request('GET', '/api/v1/sessions/current')).json<{ session: { account: { teams: { id: string }[] } } }>();
  const noordId = me.session.account.teams[0]?.id ?? '';
  secondId = await createAccount(kern.services.db, { municipalityCode: '0599', username: 'rotterdam.generalist2', displayName: 'Bram Koster', password: DEMO_PASSWORD, roles: ['wijkteam-generalist'], teamIds: [noordId] });
  second = await kern.login('rotterdam.generalist2');
  const wmo = await kern.login('rotterdam.wmo');
  wmoId = (await wmo.request('GET', '/api/v1/sessions/current')).json<{ session: { account: { id: string } } }>().session.account.id;
  const started = await generalist.request('POST', '/api/v1/cases', {
    purpose: 'wmo',
    body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: RESIDENT, meldingDate: '2026-03-24', fields: { hulpvraag: 'Hulp bij het huishouden' } },
  });
  expect(started.statusCode, started.body).toBe(201);
  const caseId = started.json<{ caseId: string }>().caseId;
  taskId = (await items(generalist, 'team')).find((i) => i.caseId === caseId)?.taskId ?? '';
  expect(taskId).not.toBe('');
});
afterAll(async () => kern?.close());

describe('claiming and handing over tasks (issue 15)', () => {
  it('"Mijn taken" holds only tasks of a role the person holds: the Wmo consultant of the same team does not see the generalist\'s melding', async () => {
    expect((await items(generalist)).some((i) => i.taskId === taskId)).toBe(true);
    const wmo = await kern.login('rotterdam.wmo');
    expect((await items(wmo)).some((i) => i.taskId === taskId)).toBe(false);
    // The team's whole stock still shows it.
    expect((await items(wmo, 'team')).some((i) => i.taskId === taskId)).toBe(true);
  });

  it('a generalist claims the team task; it is then theirs and no longer the colleague\'s', async () => {
    const res = await assign(generalist, taskId, { action: 'claim' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ taskId, accountId: expect.any(String) });
    expect((await items(generalist)).find((i) => i.taskId === taskId)?.assignedToMe).toBe(true);
    expect((await items(second)).some((i) => i.taskId === taskId)).toBe(false);
  });

  it('lists whom the task can go to: colleagues of the team with the role, by name only', async () => {
    const res = await generalist.request('GET', `/api/v1/worklist/tasks/${taskId}/colleagues`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ colleagues: [{ id: secondId, name: 'Bram Koster' }] });
  });

  it('refuses handing over to a colleague without the role with 400 on toAccountId, and changes nothing', async () => {
    const res = await assign(generalist, taskId, { action: 'hand-over', toAccountId: wmoId });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toEqual(['toAccountId']);
    expect((await items(generalist)).find((i) => i.taskId === taskId)?.assignedToMe).toBe(true);
  });

  it('refuses a hand-over without a colleague with 400 on toAccountId', async () => {
    const res = await assign(generalist, taskId, { action: 'hand-over' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toContain('toAccountId');
  });

  it('hands the task to the colleague with the role, who then has it as their own', async () => {
    const res = await assign(generalist, taskId, { action: 'hand-over', toAccountId: secondId });
    expect(res.statusCode, res.body).toBe(200);
    expect((await items(second)).find((i) => i.taskId === taskId)?.assignedToMe).toBe(true);
    expect((await items(generalist)).some((i) => i.taskId === taskId)).toBe(false);
  });

  it('returns the task to the team, where everyone with the role sees it again', async () => {
    const res = await assign(second, taskId, { action: 'return' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accountId: null });
    expect((await items(generalist)).find((i) => i.taskId === taskId)?.assignedToMe).toBe(false);
  });

  it('refuses claiming a task of another team with 403, and a task needing a role one lacks with 403', async () => {
    const zuid = await kern.login('rotterdam.jeugd');
    expect((await assign(zuid, taskId, { action: 'claim' })).statusCode).toBe(403);
    expect((await zuid.request('GET', `/api/v1/worklist/tasks/${taskId}/colleagues`)).statusCode).toBe(403);
    const wmo = await kern.login('rotterdam.wmo');
    expect((await assign(wmo, taskId, { action: 'claim' })).statusCode).toBe(403);
  });

  it('keeps each refused claim on record for the auditor, though the refused request changes nothing', async () => {
    const zuid = await kern.login('rotterdam.jeugd');
    expect((await assign(zuid, taskId, { action: 'claim' })).statusCode).toBe(403);
    const auditor = await kern.login('rotterdam.auditor');
    const records = (await auditor.request('GET', '/api/v1/audit-records?outcome=denied&limit=1000')).json<{ records: { resource: string; action: string; reason: string }[] }>().records;
    expect(records.some((r) => r.resource === 'worklist' && r.action === 'update' && r.reason.includes(`claim ${taskId}`) && r.reason.includes('task of another team'))).toBe(true);
  });

  it('shows another municipality nothing (404), and refuses a role without case work (403)', async () => {
    const denHaag = await kern.login('denhaag.generalist');
    expect((await assign(denHaag, taskId, { action: 'claim' })).statusCode).toBe(404);
    expect((await denHaag.request('GET', `/api/v1/worklist/tasks/${taskId}/colleagues`)).statusCode).toBe(404);
    const analyst = await kern.login('rotterdam.kwaliteit');
    expect((await assign(analyst, taskId, { action: 'claim' })).statusCode).toBe(403);
  });

  it('refuses an unknown action with 400 on its field', async () => {
    const res = await assign(generalist, taskId, { action: 'steal' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toContain('action');
  });

  it('audits every claim, hand-over and return', async () => {
    const auditor = await kern.login('rotterdam.auditor');
    const records = (await auditor.request('GET', '/api/v1/audit-records?limit=1000')).json<{ records: { action: string; resource: string; outcome: string }[] }>().records;
    const allowed = records.filter((r) => r.resource === 'worklist' && r.action === 'update' && r.outcome === 'allowed');
    // claim, hand-over to the colleague, return (the refused attempts change nothing)
    expect(allowed.length).toBeGreaterThanOrEqual(3);
    expect(records.some((r) => r.resource === 'worklist' && r.action === 'update' && r.outcome === 'denied')).toBe(true);
  });
});
