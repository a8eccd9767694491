import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

// The home page reads drafts and the message summary in one statement (findHomeSummary); these
// pin down what it shows, so the single statement answers as the separate reads did.
const PARENT = '999991838';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
});
afterAll(async () => kern?.close());

interface Home {
  drafts: { id: string; topic: string | null; updatedAt: string }[];
  unreadMessages: number;
  lastMessageAt: string | null;
  cases: { law: string }[];
}

describe('the citizen home page', () => {
  it('lists only own unsent drafts, newest first, and counts unread messages from the municipality', async () => {
    const c = await kern.citizenLogin(PARENT);
    const self = c.people.find((p) => p.relation === 'self')?.ref ?? '';
    const child = c.people.find((p) => p.relation === 'gezag')?.ref ?? '';
    const home = async (ref = self) => {
      const res = await c.request('GET', `/api/v1/portal/people/${ref}/home`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Home>();
    };
    const empty = await home();
    expect(empty).toMatchObject({ drafts: [], unreadMessages: 0, lastMessageAt: null });

    const start = async (body: Record<string, unknown>, ref = self) => {
      const res = await c.request('POST', `/api/v1/portal/people/${ref}/requests`, { body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const first = await start({ topic: 'care', description: 'Hulp bij het huishouden' });
    kern.clock.advance(60_000);
    const second = await start({ topic: 'work-income', description: 'Vragen over inkomen' });
    kern.clock.advance(60_000);
    const sent = await start({ topic: 'debts', description: 'Schulden' });
    expect((await c.request('POST', `/api/v1/portal/requests/${sent}/submission`)).statusCode).toBe(200);
    const forChild = await start({ topic: 'youth', description: 'Voor onze dochter' }, child);

    const withDrafts = await home();
    expect(withDrafts.drafts.map((d) => d.id)).toEqual([second, first]);
    expect(withDrafts.drafts[0]).toEqual({ id: second, topic: 'work-income', updatedAt: '2026-03-24T09:01:00.000Z' });
    expect((await home(child)).drafts.map((d) => d.id)).toEqual([forChild]);

    const staff = await kern.login('rotterdam.generalist');
    kern.clock.advance(60_000);
    expect((await staff.request('POST', `/api/v1/residents/${PARENT}/portal-messages`, { purpose: 'wmo', body: { body: 'Wij bellen u morgen.' } })).statusCode).toBe(201);
    kern.clock.advance(60_000);
    expect((await c.request('POST', `/api/v1/portal/people/${self}/messages`, { body: { body: 'Dank u.', topic: 'care' } })).statusCode).toBe(201);
    const withMessages = await home();
    expect(withMessages.unreadMessages).toBe(1);
    expect(withMessages.lastMessageAt).toBe('2026-03-24T09:04:00.000Z');
  });
});
