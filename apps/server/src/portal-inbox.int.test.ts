import { openWorkRelation } from '@kern/access';
import { sql, withTenant } from '@kern/db';
import { staffActorOf } from '@kern/identity';
import { FixedClock, newId } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Rotterdam: the demo parent has a Wmo case with Wijkteam Noord (rotterdam.wmo); OTHER gets a
// debt-help case with Schuldhulp (rotterdam.schuld). Den Haag: its own demo parent.
const PARENT = '999991838';
const OTHER = '999993872';
const DEN_HAAG = '999990627';

type Citizen = Agent & { people: { ref: string; name: string; relation: string }[] };
interface Item { id: string; bsn: string; clientName: string; topic: string; excerpt: string }
interface Message { id: string; from: string; body: string; answeredBy: string | null; handled: boolean }

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
  const debt = await staffActorOf(kern.services.db, 'rotterdam.schuld');
  await withTenant(kern.services.db, '0599', (tx) =>
    openWorkRelation(tx, {
      id: newId(), municipalityCode: '0599', subjectBsn: OTHER, purpose: 'wgs', kind: 'case', accountId: null, teamId: debt?.teamIds[0] ?? null,
      reason: 'Test: aanmelding schuldhulp', openedAt: kern.clock.now(), source: 'case', createdBy: debt?.id ?? 'test',
    }),
  );
});
afterAll(async () => kern?.close());

const selfRef = (c: Citizen): string => c.people.find((p) => p.relation === 'self')?.ref ?? '';

async function send(c: Citizen, body: string, topic: string): Promise<void> {
  const res = await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/messages`, { body: { body, topic } });
  expect(res.statusCode, res.body).toBe(201);
}

async function inbox(username: string, purpose: string, order = 'newest'): Promise<Item[]> {
  const res = await (await kern.login(username)).request('GET', `/api/v1/portal-inbox?order=${order}`, { purpose });
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  return res.json<{ items: Item[] }>().items;
}

const bodies = (items: Item[]): string[] => items.map((i) => i.excerpt);

describe('the staff inbox of portal messages', () => {
  let parent: Citizen;
  let other: Citizen;
  beforeAll(async () => {
    parent = await kern.citizenLogin(PARENT);
    other = await kern.citizenLogin(OTHER);
    await send(parent, 'Wanneer komt de huishoudelijke hulp?', 'care');
    await send(parent, 'Ik heb een schuld bij de woningcorporatie', 'debts');
    await send(other, 'Kunt u mij helpen met mijn rekeningen?', 'debts');
    await send(parent, 'En de traplift?', 'care');
    await send(await kern.citizenLogin(DEN_HAAG, '0518'), 'Ons huis is te klein', 'housing');
  });

  it("shows a team its own residents' unanswered messages of its purpose, newest or oldest first, with name and topic", async () => {
    const wmo = await inbox('rotterdam.wmo', 'wmo');
    expect(bodies(wmo)).toEqual(['En de traplift?', 'Wanneer komt de huishoudelijke hulp?']);
    expect(wmo[0]).toMatchObject({ bsn: PARENT, topic: 'care', clientName: expect.stringMatching(/Braveheart|Patrick/) as unknown });
    expect(bodies(await inbox('rotterdam.wmo', 'wmo', 'oldest'))).toEqual(['Wanneer komt de huishoudelijke hulp?', 'En de traplift?']);
  });

  it("keeps another team's residents and a debt message out of the Wmo inbox, and Rotterdam out of Den Haag's", async () => {
    // Schuldhulp works with OTHER only: not the parent's debt message, not the care ones.
    expect(bodies(await inbox('rotterdam.schuld', 'wgs'))).toEqual(['Kunt u mij helpen met mijn rekeningen?']);
    // The Wmo team has a relation with the parent, yet the parent's debt message is not for the Wmo.
    expect(bodies(await inbox('rotterdam.wmo', 'wmo'))).not.toContain('Ik heb een schuld bij de woningcorporatie');
    // A role without a relation (income, no cases) sees nothing.
    expect(await inbox('rotterdam.inkomen', 'participatiewet')).toEqual([]);
    const denHaag = await inbox('denhaag.generalist', 'integraal');
    expect(bodies(denHaag)).toEqual(['Ons huis is te klein']);
    expect(JSON.stringify(denHaag)).not.toMatch(/traplift|rekeningen|999991838|999993872/);
  });

  it('refuses an inbox order it does not know on its field, and an inbox without a purpose', async () => {
    const staff = await kern.login('rotterdam.wmo');
    const bad = await staff.request('GET', '/api/v1/portal-inbox?order=random', { purpose: 'wmo' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/order/);
    expect((await staff.request('GET', '/api/v1/portal-inbox')).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('answers from the inbox: the messages leave it, the citizen sees the answer with the team, and the answer is audited', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const answered = await wmo.request('POST', `/api/v1/residents/${PARENT}/portal-messages`, { purpose: 'wmo', body: { body: 'De hulp komt dinsdag.' } });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(await inbox('rotterdam.wmo', 'wmo')).toEqual([]);
    // Debt help's inbox is untouched by the Wmo answer.
    expect(bodies(await inbox('rotterdam.schuld', 'wgs'))).toEqual(['Kunt u mij helpen met mijn rekeningen?']);
    const thread = (await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/messages`)).json<{ messages: Message[] }>().messages;
    expect(thread.at(-1)).toMatchObject({ from: 'municipality', body: 'De hulp komt dinsdag.', answeredBy: 'Wijkteam Noord' });
    expect(JSON.stringify(thread)).not.toContain('Mehmet Yilmaz');
    const audit = await withTenant(kern.services.db, '0599', (tx) => sql<{ action: string; purpose: string }>`select action, purpose from audit_log
      where subject_bsn = ${PARENT} and resource = 'portal-message' and actor_kind = 'staff' and outcome = 'allowed'`.execute(tx));
    expect(audit.rows).toContainEqual({ action: 'create', purpose: 'wmo' });
    expect(audit.rows).toContainEqual({ action: 'read', purpose: 'wmo' });
  });

  it("signs an answer with the staff member's name where the municipality chose so", async () => {
    const admin = await kern.login('rotterdam.beheer');
    const set = await admin.request('PATCH', '/api/v1/municipality-settings', { body: { settings: { portalAnswerSignature: 'name' } } });
    expect(set.statusCode, set.body).toBe(200);
    try {
      await send(parent, 'Dank u, en de traplift?', 'care');
      expect((await (await kern.login('rotterdam.wmo')).request('POST', `/api/v1/residents/${PARENT}/portal-messages`, { purpose: 'wmo', body: { body: 'Die volgt.' } })).statusCode).toBe(201);
      const thread = (await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/messages`)).json<{ messages: Message[] }>().messages;
      expect(thread.at(-1)).toMatchObject({ body: 'Die volgt.', answeredBy: 'Mehmet Yilmaz' });
    } finally {
      await admin.request('PATCH', '/api/v1/municipality-settings', { body: { settings: { portalAnswerSignature: 'team' } } });
    }
  });

  it('marks a message handled without an answer; a guessed id, another resident\'s id or a message of another purpose is not found', async () => {
    const schuld = await kern.login('rotterdam.schuld');
    const [item] = await inbox('rotterdam.schuld', 'wgs');
    const id = item?.id ?? '';
    const parentsDebt = (await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/messages`)).json<{ messages: Message[] }>().messages
      .find((m) => m.body.startsWith('Ik heb een schuld'))?.id ?? '';
    const guessed = await schuld.request('POST', `/api/v1/residents/${OTHER}/portal-messages/${newId()}/handled`, { purpose: 'wgs' });
    expect(guessed.statusCode).toBe(404);
    // The parent's message id under OTHER's thread: not found; under the parent's: no relation.
    expect((await schuld.request('POST', `/api/v1/residents/${OTHER}/portal-messages/${parentsDebt}/handled`, { purpose: 'wgs' })).statusCode).toBe(404);
    expect((await schuld.request('POST', `/api/v1/residents/${PARENT}/portal-messages/${parentsDebt}/handled`, { purpose: 'wgs' })).statusCode).toBe(403);
    // The Wmo team has the parent, but the debt message is not of its purpose.
    expect((await (await kern.login('rotterdam.wmo')).request('POST', `/api/v1/residents/${PARENT}/portal-messages/${parentsDebt}/handled`, { purpose: 'wmo' })).statusCode).toBe(404);
    expect((await schuld.request('POST', `/api/v1/residents/${OTHER}/portal-messages/not-a-uuid/handled`, { purpose: 'wgs' })).statusCode).toBe(400);
    const done = await schuld.request('POST', `/api/v1/residents/${OTHER}/portal-messages/${id}/handled`, { purpose: 'wgs' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<{ messages: Message[] }>().messages.find((m) => m.id === id)).toMatchObject({ handled: true });
    expect(await inbox('rotterdam.schuld', 'wgs')).toEqual([]);
  });

  it("shows a citizen only their own thread, and a guessed person reference nothing", async () => {
    const own = (await other.request('GET', `/api/v1/portal/people/${selfRef(other)}/messages`)).json<{ messages: Message[] }>().messages;
    expect(own.map((m) => m.body)).toEqual(['Kunt u mij helpen met mijn rekeningen?']);
    const guessed = await other.request('GET', `/api/v1/portal/people/${selfRef(parent)}/messages`);
    expect(guessed.statusCode).toBe(404);
    expect(guessed.body).not.toMatch(/traplift|woningcorporatie/);
  });
});
