import { decideHousehold, openWorkRelation, runAsTenant, type Actor } from '@kern/access';
import { staffActorOf } from '@kern/identity';
import { sql, withTenant } from '@kern/db';
import { FixedClock, newId } from '@kern/kit';
import { createOffering } from '@kern/offerings';
import { openHouseholdPlan } from '@kern/plans';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Rotterdam: Patrick (parent) and Barbara (partner) with their daughter Victoria (2020).
const PARENT = '999991838';
const PARTNER = '999990512';
const CHILD = '999990342';
const OTHER = '999993872'; // a Rotterdam resident unrelated to the family
const DEN_HAAG = '999990627';

type Citizen = Agent & { people: { ref: string; name: string; relation: string }[] };

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
});
afterAll(async () => kern?.close());

const selfRef = (c: Citizen): string => c.people.find((p) => p.relation === 'self')?.ref ?? '';

async function draft(c: Citizen, body: Record<string, unknown>, ref = selfRef(c)): Promise<string> {
  const res = await c.request('POST', `/api/v1/portal/people/${ref}/requests`, { body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function staffActor(username: string): Promise<Actor> {
  const actor = await staffActorOf(kern.services.db, username);
  if (!actor) throw new Error(`no account ${username}`);
  return actor;
}

describe('citizen login and who a citizen may act for', () => {
  it('lets a parent act for themself and their minor child, and for nobody else', async () => {
    const parent = await kern.citizenLogin(PARENT);
    expect(parent.people.map((p) => p.relation).sort()).toEqual(['gezag', 'self']);
    expect(parent.people.find((p) => p.relation === 'gezag')?.name).toMatch(/Victoria/);
  });

  it('lets a recorded curator act for the resident from their next login once a second staff member approved it, and shows it in the resident\'s own log', async () => {
    const staff = await kern.login('rotterdam.generalist');
    await staff.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: OTHER, fields: { hulpvraag: 'Vervoer' } } });
    // A caseworker without a relation with the resident cannot record it.
    const unrelated = await kern.login('rotterdam.inkomen');
    const order = { representativeBsn: PARTNER, kind: 'curatele', courtReference: 'C/10/654321 / FA RK 26-101' };
    expect((await unrelated.request('POST', `/api/v1/residents/${OTHER}/representations`, { purpose: 'participatiewet', body: order })).statusCode).toBe(403);
    const before = await kern.citizenLogin(PARTNER);
    expect(before.people.map((p) => p.relation)).not.toContain('curatele');
    const recorded = await staff.request('POST', `/api/v1/residents/${OTHER}/representations`, { purpose: 'wmo', body: order });
    expect(recorded.statusCode, recorded.body).toBe(201);
    // Issue 22: the record alone is no proof; a second staff member with a relation approves it.
    const wmo = await kern.login('rotterdam.wmo');
    const approved = await wmo.request('POST', `/api/v1/representations/${recorded.json<{ id: string }>().id}/decision`, { purpose: 'wmo', body: { verdict: 'approved', note: 'Uitspraak gezien' } });
    expect(approved.statusCode, approved.body).toBe(200);
    // The session that was open keeps its people; the next login has the new one.
    expect((await before.request('GET', '/api/v1/portal/session')).json<{ session: { people: unknown[] } }>().session.people).toHaveLength(before.people.length);
    const curator = await kern.citizenLogin(PARTNER);
    const ward = curator.people.find((p) => p.relation === 'curatele');
    expect(ward).toBeDefined();
    expect((await curator.request('GET', `/api/v1/portal/people/${ward?.ref ?? ''}/cases`)).statusCode).toBe(200);
    const own = await kern.citizenLogin(OTHER);
    const log = (await own.request('GET', `/api/v1/portal/people/${selfRef(own)}/access-log`)).json<{ entries: { who: string; what: string }[] }>().entries;
    expect(log).toContainEqual(expect.objectContaining({ who: 'representative', what: 'portal-case' }));
  });

  it('refuses the demo login outside demo mode, and keeps staff and citizen sessions apart', async () => {
    const staff = await kern.login('rotterdam.generalist');
    // A staff session is no citizen session.
    const res = await staff.request('GET', '/api/v1/portal/session');
    expect(res.statusCode).toBe(401);
    const citizen = await kern.citizenLogin(PARENT);
    // And a citizen session is no staff session.
    expect((await citizen.request('GET', `/api/v1/residents/${PARENT}`, { purpose: 'wmo' })).statusCode).toBe(401);
    const before = kern.services.demoMode;
    Object.assign(kern.services, { demoMode: false });
    try {
      const refused = await kern.anonymous.request('POST', '/api/v1/portal/demo-sessions', { body: { bsn: PARENT, municipalityCode: '0599' } });
      expect(refused.statusCode).toBe(404);
    } finally {
      Object.assign(kern.services, { demoMode: before });
    }
  });

  it('requires the CSRF token on every state-changing citizen request', async () => {
    const c = await kern.citizenLogin(PARENT);
    const res = await kern.app.inject({ method: 'POST', url: `/api/v1/portal/people/${selfRef(c)}/requests`, headers: { cookie: c.cookie }, payload: { topic: 'care' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('a citizen sees only their own data and that of people they represent', () => {
  let parent: Citizen;
  let other: Citizen;
  let denHaag: Citizen;
  let parentDraft = '';

  beforeAll(async () => {
    parent = await kern.citizenLogin(PARENT);
    other = await kern.citizenLogin(OTHER);
    denHaag = await kern.citizenLogin(DEN_HAAG, '0518');
    parentDraft = await draft(parent, { topic: 'care', description: 'Hulp bij het huishouden' });
  });

  it('answers a replayed person reference, a guessed one and another municipality alike: 404, the same body as for nothing', async () => {
    const nothing = await other.request('GET', '/api/v1/portal/people/00000000-0000-4000-8000-000000000000/home');
    expect(nothing.statusCode).toBe(404);
    for (const [who, ref] of [[other, selfRef(parent)], [other, parent.people.find((p) => p.relation === 'gezag')?.ref ?? ''], [denHaag, selfRef(parent)]] as const) {
      for (const path of ['home', 'cases', 'data', 'access-log', 'messages', 'plan', 'consents', 'export.json', 'export.pdf']) {
        const res = await who.request('GET', `/api/v1/portal/people/${ref}/${path}`);
        expect(res.statusCode, path).toBe(404);
        expect(res.json<{ detail: string }>().detail, path).toBe(nothing.json<{ detail: string }>().detail);
      }
    }
  });

  it("finds nothing behind another citizen's request id, to read, change, upload to or submit", async () => {
    const missing = await other.request('GET', '/api/v1/portal/requests/00000000-0000-4000-8000-000000000000');
    for (const res of [
      await other.request('GET', `/api/v1/portal/requests/${parentDraft}`),
      await other.request('PUT', `/api/v1/portal/requests/${parentDraft}`, { body: { description: 'overgenomen' } }),
      await other.request('POST', `/api/v1/portal/requests/${parentDraft}/documents`, { body: { fileName: 'a.pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') } }),
      await other.request('POST', `/api/v1/portal/requests/${parentDraft}/submission`),
      await denHaag.request('GET', `/api/v1/portal/requests/${parentDraft}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json<{ detail: string }>().detail).toBe(missing.json<{ detail: string }>().detail);
    }
    const mine = await parent.request('GET', `/api/v1/portal/requests/${parentDraft}`);
    expect(mine.json<{ description: string }>().description).toBe('Hulp bij het huishouden');
  });

  it('lets a parent start a request for their child, and shows it on the child\'s page only', async () => {
    const childRef = parent.people.find((p) => p.relation === 'gezag')?.ref ?? '';
    const id = await draft(parent, { topic: 'youth', description: 'Ondersteuning voor onze dochter' }, childRef);
    const sent = await parent.request('POST', `/api/v1/portal/requests/${id}/submission`);
    expect(sent.statusCode, sent.body).toBe(200);
    const childHome = await parent.request('GET', `/api/v1/portal/people/${childRef}/home`);
    expect(childHome.json<{ cases: { law: string }[] }>().cases.map((c) => c.law)).toContain('jeugdwet');
    const ownHome = await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/home`);
    expect(ownHome.json<{ cases: { law: string }[] }>().cases.map((c) => c.law)).not.toContain('jeugdwet');
  });

  it('shows who looked and why with role, team and purpose only: no staff name, id or free-text reason', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    await generalist.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: PARENT, fields: { hulpvraag: 'Vervoer' } } });
    expect((await generalist.request('GET', `/api/v1/residents/${PARENT}`, { purpose: 'wmo' })).statusCode).toBe(200);
    const actor = await staffActor('rotterdam.generalist');
    const res = await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/access-log`);
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json<{ entries: Record<string, unknown>[] }>().entries;
    const staffRead = entries.find((e) => e.who === 'staff' && e.what === 'resident');
    expect(staffRead).toMatchObject({ role: 'wijkteam-generalist', purpose: 'wmo', action: 'read', outcome: 'allowed' });
    expect(typeof staffRead?.team).toBe('string');
    for (const e of entries) expect(Object.keys(e).sort()).toEqual(['action', 'at', 'outcome', 'purpose', 'role', 'team', 'what', 'who']);
    expect(res.body).not.toContain(actor.id);
    expect(res.body).not.toContain(actor.name);
    expect(res.body).not.toMatch(/rule |legal|requestId/);
    const data = await parent.request('GET', `/api/v1/portal/people/${selfRef(parent)}/export.json`);
    expect(data.statusCode).toBe(200);
    expect(data.body).not.toContain(actor.id);
    expect(data.body).not.toContain(actor.name);
  });
});

describe('one front door: a request becomes a melding and starts its statutory terms', () => {
  it('starts the 3-working-day Wgs term for an urgent debt situation (threatened eviction)', async () => {
    const c = await kern.citizenLogin(PARTNER);
    const id = await draft(c, { topic: 'debts', urgentSituations: ['eviction'], description: 'Brief van de verhuurder: ontruiming volgende week' });
    const res = await c.request('POST', `/api/v1/portal/requests/${id}/submission`);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<{ urgent: boolean; cases: { law: string; terms: { termId: string; dueDate: string }[] }[] }>();
    expect(out.urgent).toBe(true);
    // Tuesday 24 March 2026 + 3 working days = Friday 27 March.
    expect(out.cases).toEqual([expect.objectContaining({ law: 'wgs', terms: [expect.objectContaining({ termId: 'wgs-eerste-gesprek-urgent', dueDate: '2026-03-27' })] })]);
  });

  it('starts the 6-week Wmo onderzoek term for a normal care request', async () => {
    const c = await kern.citizenLogin(OTHER);
    const id = await draft(c, { topic: 'care', description: 'Ik kan niet meer zelf boodschappen doen' });
    const res = await c.request('POST', `/api/v1/portal/requests/${id}/submission`);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<{ urgent: boolean; cases: { law: string; reference: string; terms: { termId: string; dueDate: string }[] }[] }>();
    expect(out.urgent).toBe(false);
    // Six weeks from 24 March is 5 May, Liberation Day: the term ends the next day (Atw art. 1).
    expect(out.cases).toEqual([expect.objectContaining({ law: 'wmo', terms: [expect.objectContaining({ termId: 'wmo-onderzoek', dueDate: '2026-05-06' })] })]);
    // The case is the municipality's melding: staff of the Wmo team find it on their worklist.
    const wmo = await kern.login('rotterdam.wmo');
    const list = await wmo.request('GET', '/api/v1/worklist?scope=team');
    expect(list.body).toContain(out.cases[0]?.reference ?? 'none');
  });

  it('a normal debt request starts the 4-week term, and an urgent one under housing adds the Wgs case', async () => {
    const c = await kern.citizenLogin(PARENT);
    const id = await draft(c, { topic: 'housing', urgentSituations: ['cut-off'], description: 'De energie wordt afgesloten' });
    const out = (await c.request('POST', `/api/v1/portal/requests/${id}/submission`)).json<{ cases: { law: string; terms: { termId: string }[] }[] }>();
    expect(out.cases.map((x) => x.law).sort()).toEqual(['integraal', 'wgs']);
    expect(out.cases.find((x) => x.law === 'wgs')?.terms.map((t) => t.termId)).toEqual(['wgs-eerste-gesprek-urgent']);
  });
});

describe('bad input: clear messages, nothing lost', () => {
  let c: Citizen;
  let id = '';
  beforeAll(async () => {
    c = await kern.citizenLogin(OTHER);
    id = await draft(c, { topic: 'work-income', description: 'Ik heb geen inkomen meer' });
  });

  it('refuses a file that is not a PDF, JPEG or PNG by its bytes, whatever its name says', async () => {
    const res = await c.request('POST', `/api/v1/portal/requests/${id}/documents`, { body: { fileName: 'loonstrook.pdf', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toMatch(/PDF, JPG of PNG/);
  });

  it('refuses a file over 5 MB with a message saying so', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
    Buffer.from('%PDF-1.7').copy(big);
    const res = await c.request('POST', `/api/v1/portal/requests/${id}/documents`, { body: { fileName: 'groot.pdf', contentBase64: big.toString('base64') } });
    expect(res.statusCode).toBe(413);
    expect(res.json<{ detail: string }>().detail).toMatch(/te groot/);
  });

  it('accepts a PNG and a PDF by content', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const res = await c.request('POST', `/api/v1/portal/requests/${id}/documents`, { body: { fileName: '../../etc/foto.png', contentBase64: png.toString('base64') } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ documents: { fileName: string; mediaType: string }[] }>().documents).toEqual([expect.objectContaining({ fileName: 'foto.png', mediaType: 'image/png' })]);
  });

  it('keeps script in a text field as plain data, served as JSON (the page renders it as text)', async () => {
    const script = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const res = await c.request('PUT', `/api/v1/portal/requests/${id}`, { body: { topic: 'work-income', description: script } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json<{ description: string }>().description).toBe(script);
  });

  it('refuses an incomplete request and keeps the draft as it was', async () => {
    const half = await draft(c, { description: 'half ingevuld' });
    const res = await c.request('POST', `/api/v1/portal/requests/${half}/submission`);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toMatch(/bewaard/);
    const kept = await c.request('GET', `/api/v1/portal/requests/${half}`);
    expect(kept.json()).toMatchObject({ status: 'draft', description: 'half ingevuld' });
  });

  it('tells an expired session to log in again, and the draft is still there afterwards', async () => {
    const ttl = kern.services.sessionTtlMinutes * 60_000;
    const clock = kern.clock;
    clock.advance(ttl + 1000);
    try {
      const res = await c.request('PUT', `/api/v1/portal/requests/${id}`, { body: { topic: 'work-income', description: 'nieuwe tekst' } });
      expect(res.statusCode).toBe(401);
      expect(res.json<{ detail: string }>().detail).toMatch(/concept/);
      const again = await kern.citizenLogin(OTHER);
      const kept = await again.request('GET', `/api/v1/portal/requests/${id}`);
      expect(kept.statusCode).toBe(200);
      expect(kept.json<{ topic: string; status: string }>()).toMatchObject({ topic: 'work-income', status: 'draft' });
      const home = await again.request('GET', `/api/v1/portal/people/${selfRef(again)}/home`);
      expect(home.json<{ drafts: { id: string }[] }>().drafts.map((d) => d.id)).toContain(id);
    } finally {
      clock.advance(-(ttl + 1000));
    }
  });
});

describe('messages with the coordinator', () => {
  it('delivers both ways, names role and team but never the staff member, and mails a notice without content', async () => {
    const sent: { to: string; subject: string; text: string }[] = [];
    const original = kern.services.mail;
    Object.assign(kern.services, { mail: { send: (m: { to: string; subject: string; text: string }) => (sent.push(m), Promise.resolve()) } });
    try {
      const c = await kern.citizenLogin(PARENT);
      await c.request('PUT', `/api/v1/portal/people/${selfRef(c)}/contact`, { body: { email: 'patrick@example.org' } });
      expect((await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/messages`, { body: { body: 'Wanneer komt u langs?', topic: 'care' } })).statusCode).toBe(201);
      const staff = await kern.login('rotterdam.generalist');
      const thread = await staff.request('GET', `/api/v1/residents/${PARENT}/portal-messages`, { purpose: 'wmo' });
      expect(thread.statusCode, thread.body).toBe(200);
      expect(thread.body).toContain('Wanneer komt u langs?');
      const secret = 'Donderdag om tien uur, over uw schulden';
      expect((await staff.request('POST', `/api/v1/residents/${PARENT}/portal-messages`, { purpose: 'wmo', body: { body: secret } })).statusCode).toBe(201);
      const mine = await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/messages`);
      const last = mine.json<{ messages: { from: string; role: string | null; team: string | null; body: string }[] }>().messages.at(-1);
      expect(last).toMatchObject({ from: 'municipality', role: 'wijkteam-generalist', body: secret });
      expect(mine.body).not.toContain((await staffActor('rotterdam.generalist')).name);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.to).toBe('patrick@example.org');
      expect(`${sent[0]?.subject ?? ''} ${sent[0]?.text ?? ''}`).not.toMatch(/Donderdag|schulden|Patrick|Braveheart/);
    } finally {
      Object.assign(kern.services, { mail: original });
    }
  });

  it('answers even when the mail sender fails, and keeps the notice queued with its error for a later round', async () => {
    const original = kern.services.mail;
    Object.assign(kern.services, { mail: { send: () => Promise.reject(new Error('SMTP 421 service not available')) } });
    try {
      const c = await kern.citizenLogin(PARENT);
      await c.request('PUT', `/api/v1/portal/people/${selfRef(c)}/contact`, { body: { email: 'patrick@example.org' } });
      const staff = await kern.login('rotterdam.generalist');
      const answered = await staff.request('POST', `/api/v1/residents/${PARENT}/portal-messages`, { purpose: 'wmo', body: { body: 'Tot donderdag.' } });
      expect(answered.statusCode, answered.body).toBe(201);
      const waiting = await sql<{ attempts: number; last_error: string | null }>`select attempts, last_error from jobs
        where queue = 'portal.mail' and status = 'queued' and municipality_code = '0599'`.execute(kern.services.db);
      expect(waiting.rows).toEqual([{ attempts: 1, last_error: 'Error: SMTP 421 service not available' }]);
    } finally {
      Object.assign(kern.services, { mail: original });
    }
  });

  it('shows a message about debt help to debt staff and not to the Wmo consultant; the coordinator sees the integral ones (issue 22)', async () => {
    const c = await kern.citizenLogin(PARTNER);
    const ref = c.people.find((p) => p.relation === 'self')?.ref ?? '';
    const noTopic = await c.request('POST', `/api/v1/portal/people/${ref}/messages`, { body: { body: 'Zonder onderwerp' } });
    expect(noTopic.statusCode).toBe(400);
    expect(JSON.stringify(noTopic.json())).toMatch(/topic/);
    const debtText = 'Ik heb een betalingsachterstand bij de energieleverancier';
    const careText = 'De douchestoel is kapot';
    const housingText = 'Ons huis is te klein geworden';
    for (const [body, topic] of [[debtText, 'debts'], [careText, 'care'], [housingText, 'housing']]) {
      expect((await c.request('POST', `/api/v1/portal/people/${ref}/messages`, { body: { body, topic } })).statusCode).toBe(201);
    }
    expect((await c.request('GET', `/api/v1/portal/people/${ref}/messages`)).json<{ messages: { topic: string }[] }>().messages.map((m) => m.topic)).toEqual(['debts', 'care', 'housing']);

    // The partner: the Wmo team (Noord) and the debt team (Schuldhulp) each have a case, the generalist coordinates.
    const wmoActor = await staffActor('rotterdam.wmo');
    const debtActor = await staffActor('rotterdam.schuld');
    await withTenant(kern.services.db, '0599', async (tx) => {
      for (const [purpose, teamId] of [['wmo', wmoActor.teamIds[0]], ['wgs', debtActor.teamIds[0]]] as const) {
        await openWorkRelation(tx, { id: newId(), municipalityCode: '0599', subjectBsn: PARTNER, purpose, kind: 'case', accountId: null, teamId: teamId ?? null, reason: 'Test: melding', openedAt: kern.clock.now(), source: 'case', createdBy: wmoActor.id });
      }
    });
    const read = async (username: string, purpose: string) => {
      const res = await (await kern.login(username)).request('GET', `/api/v1/residents/${PARTNER}/portal-messages`, { purpose });
      expect(res.statusCode, `${username} ${purpose}: ${res.body}`).toBe(200);
      return res.json<{ messages: { body: string }[] }>().messages.map((m) => m.body);
    };
    expect(await read('rotterdam.wmo', 'wmo')).toEqual([careText]);
    expect(await read('rotterdam.schuld', 'wgs')).toEqual([debtText]);
    // Integral coordination decides as the household sections: the support (Wmo) and the integral
    // topics in full, the debt message only with the resident's consent.
    expect(await read('rotterdam.generalist', 'integraal')).toEqual([careText, housingText]);

    // A debt counsellor's answer is filed under debt help: the Wmo consultant does not see it either.
    const answer = await (await kern.login('rotterdam.schuld')).request('POST', `/api/v1/residents/${PARTNER}/portal-messages`, { purpose: 'wgs', body: { body: 'Wij nemen contact op met de leverancier.' } });
    expect(answer.statusCode).toBe(201);
    expect(await read('rotterdam.wmo', 'wmo')).toEqual([careText]);
    expect(await read('rotterdam.schuld', 'wgs')).toEqual([debtText, 'Wij nemen contact op met de leverancier.']);

    const coordinator = await kern.login('rotterdam.generalist');
    const consent = await coordinator.request('POST', `/api/v1/residents/${PARTNER}/consents`, { purpose: 'integraal', body: { purpose: 'integraal', recipient: 'wijkteam-generalist', dataCategories: ['wgs'] } });
    expect(consent.statusCode, consent.body).toBe(201);
    expect(await read('rotterdam.generalist', 'integraal')).toEqual([debtText, careText, housingText, 'Wij nemen contact op met de leverancier.']);
  });

  it('keeps the thread from staff without a relation to the resident', async () => {
    const denHaag = await kern.login('denhaag.generalist');
    expect((await denHaag.request('GET', `/api/v1/residents/${PARENT}/portal-messages`, { purpose: 'wmo' })).statusCode).toBe(403);
    const income = await kern.login('rotterdam.inkomen');
    expect((await income.request('GET', `/api/v1/residents/${OTHER}/portal-messages`, { purpose: 'participatiewet' })).statusCode).toBe(403);
  });
});

describe('my plan and my consents', () => {
  it('agrees to the plan version and asks for a change, recorded as the citizen in the portal', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const started = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'integraal', body: { werkwijzeId: 'een-loket', caseTypeId: 'integrale-intake', subjectBsn: PARTNER, householdBsns: [PARENT, CHILD], fields: { vraag: 'Overzicht van alle hulp' } },
    });
    expect(started.statusCode, started.body).toBe(201);
    const actor = await staffActor('rotterdam.generalist');
    const ctx = { actor, purpose: 'integraal' as const };
    const plan = await runAsTenant(kern.services, ctx, (tx) =>
      openHouseholdPlan(kern.services, tx, ctx, { anchorBsn: PARTNER, members: [{ bsn: PARTNER, name: 'Barbara' }, { bsn: PARENT, name: 'Patrick' }, { bsn: CHILD, name: 'Victoria' }] }),
    );
    const c = await kern.citizenLogin(PARTNER);
    const mine = await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/plan`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.body).not.toMatch(/9999\d{5}/);
    const view = mine.json<{ plan: { id: string; draftVersion: number | null; coordinator: string } }>().plan;
    expect(view.id).toBe(plan.id);
    const agreed = await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/plans/${plan.id}/agreement`, { body: { version: 1 } });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json<{ plan: { agreedVersion: number; versions: { agreedByMe: boolean }[] } }>().plan).toMatchObject({ agreedVersion: 1, versions: [expect.objectContaining({ agreedByMe: true })] });
    const change = await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/plans/${plan.id}/change-requests`, { body: { request: 'Graag een doel over werk erbij' } });
    expect(change.statusCode, change.body).toBe(201);
    // Own goal and action: after the agreed version 1 they make version 2, a draft to agree to.
    const added = await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/plans/${plan.id}/additions`, {
      body: { goal: { domain: 'werk-opleiding', text: 'Een opleiding kiezen' }, action: { text: 'Open dag bezoeken', dueDate: '2026-05-15' } },
    });
    expect(added.statusCode, added.body).toBe(201);
    const v2 = added.json<{ plan: { agreedVersion: number; versions: { version: number; state: string; goals: { text: string; mine: boolean }[]; actions: { text: string; owner: { kind: string } }[] }[] } }>().plan;
    expect(v2.agreedVersion).toBe(1);
    expect(v2.versions.at(-1)).toMatchObject({ version: 2, state: 'draft' });
    expect(v2.versions.at(-1)?.goals).toContainEqual(expect.objectContaining({ text: 'Een opleiding kiezen', mine: true }));
    expect(v2.versions.at(-1)?.actions).toContainEqual(expect.objectContaining({ text: 'Open dag bezoeken', owner: expect.objectContaining({ kind: 'citizen' }) }));
    expect((await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/plans/${plan.id}/additions`, { body: {} })).statusCode).toBe(400);
    // Someone outside the household cannot reach the plan by its id.
    const other = await kern.citizenLogin(OTHER);
    expect((await other.request('POST', `/api/v1/portal/people/${selfRef(other)}/plans/${plan.id}/agreement`, { body: { version: 1 } })).statusCode).toBe(404);

    // Before agreeing to version 2 the citizen is shown what changed since version 1, which they agreed to.
    const open = (await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/plan`)).json<{ plan: { changesSinceMyAgreement: { sinceVersion: number; toVersion: number; items: { kind: string; change: string; text: string }[] } | null } }>().plan;
    expect(open.changesSinceMyAgreement).toEqual({
      sinceVersion: 1, toVersion: 2,
      items: [{ kind: 'goal', change: 'added', text: 'Een opleiding kiezen', fields: [] }, { kind: 'action', change: 'added', text: 'Open dag bezoeken', fields: [] }],
    });
    // The plan as PDF, through the plans module, audited as an export of the plan.
    const pdf = await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/plans/${plan.id}/pdf?version=2`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const exported = await withTenant(kern.services.db, '0599', (tx) => sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE resource = 'plan' AND action = 'export' AND actor_kind = 'citizen' AND subject_bsn = ${PARTNER}`.execute(tx));
    expect(exported.rows[0]?.n).toBeGreaterThan(0);
    expect((await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/plans/${plan.id}/pdf?version=0`)).statusCode).toBe(400);
    expect((await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/plans/${plan.id}/pdf?version=9`)).statusCode).toBe(404);
    // Another citizen (this municipality or another) cannot download it by the plan's id, nor with a guessed person reference.
    expect((await other.request('GET', `/api/v1/portal/people/${selfRef(other)}/plans/${plan.id}/pdf`)).statusCode).toBe(404);
    const denHaag = await kern.citizenLogin(DEN_HAAG, '0518');
    expect((await denHaag.request('GET', `/api/v1/portal/people/${selfRef(denHaag)}/plans/${plan.id}/pdf`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/v1/portal/people/${selfRef(c)}/plans/${plan.id}/pdf`)).statusCode).toBe(404);
  });

  it('withdraws a consent in the portal, and the staff decision on that section changes at once', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const given = await generalist.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: { purpose: 'integraal', recipient: 'wijkteam-generalist', dataCategories: ['wgs'] } });
    expect(given.statusCode, given.body).toBe(201);
    const consentId = given.json<{ id?: string; consent?: { id: string } }>().consent?.id ?? given.json<{ id: string }>().id;
    const actor = await staffActor('rotterdam.generalist');
    const ctx = { actor, purpose: 'integraal' as const };
    // The staff household view's decision: the coordinator sees the debt section in full only with consent, otherwise a signal.
    const decision = () =>
      runAsTenant(kern.services, ctx, (tx) => decideHousehold(kern.services, tx, ctx, { subjectBsn: PARENT, memberBsns: [], categories: ['wgs'] })).then((d) => d.members.get(PARENT)?.[0]?.state);
    expect(await decision()).toBe('full');

    const c = await kern.citizenLogin(PARENT);
    const list = await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/consents`);
    expect(list.json<{ consents: { id: string; inEffect: boolean }[] }>().consents).toContainEqual(expect.objectContaining({ id: consentId, inEffect: true }));
    const withdrawn = await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/consents/${consentId}/withdrawal`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<{ consents: { id: string; inEffect: boolean }[] }>().consents).toContainEqual(expect.objectContaining({ id: consentId, inEffect: false }));

    expect(await decision()).toBe('signal');
    const staffList = await generalist.request('GET', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal' });
    expect(staffList.body).toMatch(/"inEffect":false/);
    // Another citizen cannot withdraw it, nor learn it exists.
    const other = await kern.citizenLogin(OTHER);
    expect((await other.request('POST', `/api/v1/portal/people/${selfRef(other)}/consents/${consentId}/withdrawal`)).statusCode).toBe(404);
  });
});

describe('together: group offerings and peer groups', () => {
  it('lists offerings nearby first and signs the citizen up, once', async () => {
    const admin = { actor: await staffActor('rotterdam.beheer') };
    const far = await runAsTenant(kern.services, admin, (tx) => createOffering(kern.services, tx, admin, { name: 'Taalcafé Noord', description: 'Samen Nederlands oefenen', kind: 'general', location: 'Bibliotheek, 1012AB Amsterdam', startsOn: '2026-03-01' }));
    const near = await runAsTenant(kern.services, admin, (tx) => createOffering(kern.services, tx, admin, { name: 'Lotgenotengroep schulden', description: 'Ervaringen delen', kind: 'group', location: 'Buurthuis, 3074 Rotterdam', capacity: 8, startsOn: '2026-04-01' }));
    const c = await kern.citizenLogin(PARENT);
    const list = await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/offerings`);
    expect(list.statusCode, list.body).toBe(200);
    const offerings = list.json<{ offerings: { id: string; near: boolean; enrolled: boolean }[] }>().offerings;
    expect(offerings[0]).toMatchObject({ id: near.id, near: true, enrolled: false });
    expect(offerings.find((o) => o.id === far.id)?.near).toBe(false);
    const signed = await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/offerings/${near.id}/enrolment`);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json<{ offerings: { id: string; enrolled: boolean }[] }>().offerings.find((o) => o.id === near.id)?.enrolled).toBe(true);
    expect((await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/offerings/${near.id}/enrolment`)).statusCode).toBe(409);
    expect((await c.request('POST', `/api/v1/portal/people/${selfRef(c)}/offerings/00000000-0000-4000-8000-000000000000/enrolment`)).statusCode).toBe(404);
  });
});

describe('my data', () => {
  it('downloads everything as JSON and as a PDF', async () => {
    const c = await kern.citizenLogin(PARENT);
    const json = await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/export.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/attachment/);
    const data = json.json<{ registry: { name: string }; cases: unknown[]; accessLog: unknown[] }>();
    expect(data.registry.name).toMatch(/Braveheart/);
    expect(data.cases.length).toBeGreaterThan(0);
    const pdf = await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
