import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Rotterdam: Patrick (parent) and an unrelated resident; one resident of Den Haag.
const PARENT = '999991838';
const OTHER = '999993872';
const DEN_HAAG = '999990627';

type Citizen = Agent & { people: { ref: string; relation: string }[] };
interface Entry { at: string; who: string; role: string | null; team: string | null; purpose: string | null; what: string }
interface Group { who: string; role: string | null; purpose: string | null; count: number; first: string; last: string }
interface Log { entries: Entry[]; groups: Group[]; groupsCapped: boolean; nextBefore: number | null }

let kern: TestKern;
let parent: Citizen;
const selfRef = (c: Citizen): string => c.people.find((p) => p.relation === 'self')?.ref ?? '';
const log = async (c: Citizen, query = '', ref = selfRef(c)): Promise<Log> => {
  const res = await c.request('GET', `/api/v1/portal/people/${ref}/access-log${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Log>();
};

beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-02T09:00:00Z') });
  const generalist = await kern.login('rotterdam.generalist');
  await generalist.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: PARENT, fields: { hulpvraag: 'Vervoer' } } });
  expect((await generalist.request('GET', `/api/v1/residents/${PARENT}`, { purpose: 'wmo' })).statusCode).toBe(200);
  kern.clock.set('2026-03-10T09:00:00Z');
  const later = await kern.login('rotterdam.generalist');
  expect((await later.request('GET', `/api/v1/residents/${PARENT}`, { purpose: 'wmo' })).statusCode).toBe(200);
  parent = await kern.citizenLogin(PARENT);
  for (let i = 0; i < 3; i++) expect((await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/home`)).statusCode).toBe(200);
});
afterAll(async () => kern?.close());

describe('"who looked": own reads, grouping, period and paging (issue 16)', () => {
  it("leaves the citizen's own reads out by default and shows them when asked", async () => {
    const hidden = await log(parent);
    expect(hidden.entries.length).toBeGreaterThan(0);
    expect(hidden.entries.some((e) => e.who === 'me')).toBe(false);
    expect(hidden.groups.some((g) => g.who === 'me')).toBe(false);
    const shown = await log(parent, '?own=true');
    expect(shown.entries.some((e) => e.who === 'me')).toBe(true);
    expect(shown.groups.find((g) => g.who === 'me')?.count).toBeGreaterThanOrEqual(3);
  });

  it('groups the staff reads by role, team and purpose over the whole period, with the first and the last time', async () => {
    const { groups } = await log(parent);
    const generalist = groups.find((g) => g.who === 'staff' && g.role === 'wijkteam-generalist' && g.purpose === 'wmo');
    expect(generalist).toBeDefined();
    expect(generalist?.count).toBeGreaterThanOrEqual(2);
    expect(generalist?.first.slice(0, 10)).toBe('2026-03-02');
    expect(generalist?.last.slice(0, 10)).toBe('2026-03-10');
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe((await log(parent)).entries.length);
  });

  it('shows only the period asked for, both days included', async () => {
    const late = await log(parent, '?from=2026-03-05');
    expect(late.entries.length).toBeGreaterThan(0);
    expect(late.entries.every((e) => e.at >= '2026-03-05')).toBe(true);
    const early = await log(parent, '?from=2026-03-02&to=2026-03-02');
    expect(early.entries.length).toBeGreaterThan(0);
    expect(early.entries.every((e) => e.at.startsWith('2026-03-02'))).toBe(true);
    expect((await log(parent, '?to=2026-03-01')).entries).toEqual([]);
  });

  it('refuses a period that ends before it starts with a problem on the end date, in Dutch', async () => {
    const res = await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/access-log?from=2026-03-10&to=2026-03-01`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toContain('to');
    expect((await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/access-log?from=2026-02-30`)).statusCode).toBe(400);
  });

  it('pages a long history, newest first, without losing or repeating an entry', async () => {
    for (let i = 0; i < 60; i++) await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/home`);
    const first = await log(parent, '?own=true');
    expect(first.entries).toHaveLength(50);
    expect(first.nextBefore).not.toBeNull();
    const all: Entry[] = [...first.entries];
    let next = first.nextBefore;
    while (next !== null) {
      const page = await log(parent, `?own=true&before=${next}`);
      all.push(...page.entries);
      next = page.nextBefore;
    }
    // Reading a page is itself a read, but a newer one than the cursor: the pages together hold
    // exactly what the first page's groups counted.
    expect(all.length).toBe(first.groups.reduce((n, g) => n + g.count, 0));
    expect(all.length).toBeGreaterThan(60);
    expect([...all].sort((a, b) => b.at.localeCompare(a.at)).map((e) => e.at)).toEqual(all.map((e) => e.at));
  });

  it('shows another citizen, another municipality and a staff session nothing of the log', async () => {
    const other = await kern.citizenLogin(OTHER);
    const denHaag = await kern.citizenLogin(DEN_HAAG, '0518');
    for (const who of [other, denHaag]) expect((await who.request('GET', `/api/v1/portal/people/${selfRef(parent)}/access-log?own=true`)).statusCode).toBe(404);
    const staff = await kern.login('rotterdam.generalist');
    expect((await staff.request('GET', `/api/v1/portal/people/${selfRef(parent)}/access-log`)).statusCode).toBe(401);
    // The other resident's own log holds none of the parent's reads.
    const theirs = await log(other, '?own=true');
    expect(theirs.entries.some((e) => e.who === 'staff')).toBe(false);
    expect(theirs.groups.some((g) => g.role === 'wijkteam-generalist')).toBe(false);
  });
});
