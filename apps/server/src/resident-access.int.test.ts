import type { PolicyDocument } from '@kern/access';
import { createAccount, createTeam } from '@kern/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

// The Rotterdam demo family (GBA-V test persons at 3074LA 5): team Noord has a Wmo case for
// the parent, the youth consultant a Jeugdwet case for the child, the generalist coordinates.
const PARENT = '999991838';
const PARTNER = '999990512';
const CHILD = '999990342';
const STRANGER = '999993872'; // Rotterdam resident nobody works with

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

async function auditFor(subjectBsn: string) {
  const auditor = await kern.login('rotterdam.auditor');
  const res = await auditor.request('GET', `/api/v1/audit-records?subjectBsn=${subjectBsn}&limit=1000`);
  expect(res.statusCode).toBe(200);
  return res.json<{ records: { actorName?: string; action: string; resource: string; outcome: string; purpose?: string; legalBasis?: string; breakGlass: boolean; reason: string }[] }>().records;
}

describe('reading a resident under the access policy', () => {
  it('shows a Wmo consultant the resident of their team case under the Wmo, with the legal basis audited', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const res = await wmo.request('GET', `/api/v1/residents/${PARENT}`, { purpose: 'wmo' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ resident: { bsn: string; name: { surname: string } }; access: { basis: string; breakGlass: boolean } }>();
    expect(body.resident.bsn).toBe(PARENT);
    expect(body.resident.name.surname).toBe('Braveheart');
    expect(body.access).toEqual({ basis: 'Wmo 2015 art. 5.1.1', breakGlass: false });
    const records = await auditFor(PARENT);
    expect(records).toContainEqual(expect.objectContaining({ actorName: 'Mehmet Yilmaz', action: 'read', resource: 'resident', outcome: 'allowed', purpose: 'wmo', legalBasis: 'Wmo 2015 art. 5.1.1' }));
  });

  it('refuses the same consultant under another purpose, offers no break-the-glass outside their law, and audits the denial', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const res = await wmo.request('GET', `/api/v1/residents/${PARENT}`, { purpose: 'participatiewet' });
    expect(res.statusCode).toBe(403);
    // issue 22: break-the-glass stays within the role's own law, so it is no longer offered here
    expect(res.json()).toMatchObject({ code: 'forbidden', breakGlassPossible: false });
    expect((await wmo.request('GET', `/api/v1/residents/${STRANGER}`, { purpose: 'wmo' })).json()).toMatchObject({ code: 'forbidden', breakGlassPossible: true });
    expect(res.body).not.toContain('Braveheart');
    const records = await auditFor(PARENT);
    expect(records).toContainEqual(expect.objectContaining({ action: 'read', outcome: 'denied', purpose: 'participatiewet' }));
  });

  it('refuses the same role in another team: need-to-know follows the team that has the case', async () => {
    const zuid = await createTeam(kern.services.db, '0599', 'Wijkteam Zuid');
    await createAccount(kern.services.db, { municipalityCode: '0599', username: 'rotterdam.wmo.zuid', displayName: 'Anouk Smit', password: 'kern-demo-2026', roles: ['wmo-consultant'], teamIds: [zuid] });
    const otherTeam = await kern.login('rotterdam.wmo.zuid');
    const res = await otherTeam.request('GET', `/api/v1/residents/${PARENT}`, { purpose: 'wmo' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('Braveheart');
    expect((await otherTeam.request('GET', `/api/v1/residents/${PARENT}/household`, { purpose: 'wmo' })).statusCode).toBe(403);
  });

  it('asks for a purpose instead of guessing one', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const res = await wmo.request('GET', `/api/v1/residents/${PARENT}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ invalidParams: [{ name: 'Kern-Purpose' }] });
  });

  it('refuses a resident without any relation, and break-the-glass needs a real reason, is time-limited and flagged', async () => {
    const income = await kern.login('rotterdam.inkomen');
    expect((await income.request('GET', `/api/v1/residents/${STRANGER}`, { purpose: 'participatiewet' })).statusCode).toBe(403);

    const noReason = await income.request('POST', `/api/v1/residents/${STRANGER}/break-glass`, { purpose: 'participatiewet', body: { reason: 'nodig' } });
    expect(noReason.statusCode).toBe(400);
    // Long enough but saying nothing: one repeated character, or one word repeated.
    for (const reason of ['aaaaaaaaaaaaaaaaaaaa', 'nodig nodig nodig nodig nodig']) {
      const meaningless = await income.request('POST', `/api/v1/residents/${STRANGER}/break-glass`, { purpose: 'participatiewet', body: { reason } });
      expect(meaningless.statusCode, reason).toBe(400);
      expect(meaningless.json(), reason).toMatchObject({ invalidParams: [{ name: 'reason', reason: expect.stringContaining('3 different words') }] });
    }
    expect((await income.request('GET', `/api/v1/residents/${STRANGER}`, { purpose: 'participatiewet' })).statusCode).toBe(403);

    const grant = await income.request('POST', `/api/v1/residents/${STRANGER}/break-glass`, {
      purpose: 'participatiewet',
      body: { reason: 'Inwoner staat aan de balie met een acute huisuitzetting; dossier nodig voor noodhulp.' },
    });
    expect(grant.statusCode).toBe(201);
    const read = await income.request('GET', `/api/v1/residents/${STRANGER}`, { purpose: 'participatiewet' });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ access: { breakGlass: true } });

    const records = await auditFor(STRANGER);
    expect(records.filter((r) => r.breakGlass && r.action === 'read' && r.outcome === 'allowed')).toHaveLength(1);
    expect(records.some((r) => r.action === 'break-glass' && r.reason.includes('acute huisuitzetting'))).toBe(true);

    kern.clock.advance(61 * 60_000);
    expect((await income.request('GET', `/api/v1/residents/${STRANGER}`, { purpose: 'participatiewet' })).statusCode).toBe(403);
  });

  it('puts a break-the-glass grant before the auditor, who reviews it once', async () => {
    const auditor = await kern.login('rotterdam.auditor');
    const open = await auditor.request('GET', '/api/v1/break-glass-grants?review=open');
    const grants = open.json<{ grants: { id: string; subjectBsn: string; accountName?: string; reason: string }[] }>().grants;
    const grant = grants.find((g) => g.subjectBsn === STRANGER);
    expect(grant?.accountName).toBe('Priya Ramdin');
    // The reviewer sees the reason the grant was given for.
    expect(grant).toMatchObject({ reason: expect.stringContaining('acute huisuitzetting') });
    const review = await auditor.request('POST', `/api/v1/break-glass-grants/${grant?.id ?? ''}/review`, { body: { verdict: 'justified', note: 'Acute situatie, terecht.' } });
    expect(review.statusCode).toBe(204);
    const again = await auditor.request('POST', `/api/v1/break-glass-grants/${grant?.id ?? ''}/review`, { body: { verdict: 'unjustified', note: 'Tweede keer.' } });
    expect(again.statusCode).toBe(404);
  });

  it('lets the coordinator see the whole household under integral coordination only', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const res = await generalist.request('GET', `/api/v1/residents/${PARENT}/household`, { purpose: 'integraal' });
    expect(res.statusCode).toBe(200);
    const members = res.json<{ household: { members: { bsn: string; relation: string }[] } }>().household.members;
    expect(members).toEqual(expect.arrayContaining([
      expect.objectContaining({ bsn: PARENT, relation: 'self' }),
      expect.objectContaining({ bsn: PARTNER }),
      expect.objectContaining({ bsn: CHILD }),
    ]));
    // Every member shown is a read of that member's data, so each has their own audit record.
    expect((await auditFor(CHILD)).some((r) => r.resource === 'household' && r.outcome === 'allowed')).toBe(true);
    // The generalist has no relation with this family under the Participatiewet.
    expect((await generalist.request('GET', `/api/v1/residents/${PARENT}/household`, { purpose: 'participatiewet' })).statusCode).toBe(403);
  });

  it('gives roles without a caseload purpose nothing: quality analyst, administrator and auditor cannot search or read', async () => {
    for (const username of ['rotterdam.kwaliteit', 'rotterdam.beheer', 'rotterdam.auditor']) {
      const agent = await kern.login(username);
      expect((await agent.request('GET', `/api/v1/residents?bsn=${PARENT}`, { purpose: 'wmo' })).statusCode, username).toBe(403);
      expect((await agent.request('GET', `/api/v1/residents/${PARENT}`, { purpose: 'wmo' })).statusCode, username).toBe(403);
    }
  });

  it('lets caseworkers search only with BSN, surname + birth date, or postcode + house number', async () => {
    const jeugd = await kern.login('rotterdam.jeugd');
    const byBsn = await jeugd.request('GET', `/api/v1/residents?bsn=${CHILD}`, { purpose: 'jeugdwet' });
    expect(byBsn.statusCode).toBe(200);
    expect(byBsn.json<{ residents: { bsn: string }[] }>().residents.map((r) => r.bsn)).toEqual([CHILD]);
    const byAddress = await jeugd.request('GET', '/api/v1/residents?postcode=3074LA&houseNumber=5', { purpose: 'jeugdwet' });
    expect(byAddress.json<{ residents: { bsn: string }[] }>().residents.map((r) => r.bsn).sort()).toEqual([PARENT, PARTNER, CHILD].sort());
    const byName = await jeugd.request('GET', '/api/v1/residents?surname=Braveheart&birthDate=2020-02-15', { purpose: 'jeugdwet' });
    expect(byName.json<{ residents: { bsn: string }[] }>().residents.map((r) => r.bsn)).toEqual([CHILD]);
    for (const q of ['', '?surname=Braveheart', '?postcode=3074LA', '?birthDate=2020-02-15']) {
      const r = await jeugd.request('GET', `/api/v1/residents${q}`, { purpose: 'jeugdwet' });
      expect(r.statusCode, q).toBe(400);
    }
  });
});

describe('break-the-glass within one\'s own law (issue 22)', () => {
  it('refuses an income consultant breaking the glass under the Jeugdwet, until the policy names a cross-law emergency rule for the role', async () => {
    const income = await kern.login('rotterdam.inkomen');
    const reason = { reason: 'Kind meldt acute onveiligheid thuis aan de balie, jeugdconsulent niet bereikbaar.' };
    const refused = await income.request('POST', `/api/v1/residents/${CHILD}/break-glass`, { purpose: 'jeugdwet', body: reason });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ detail: string }>().detail).toMatch(/noodregel/);
    expect((await income.request('GET', `/api/v1/residents/${CHILD}`, { purpose: 'jeugdwet' })).statusCode).toBe(403);

    // The municipality adds a cross-law emergency rule (proposed by one administrator, approved by another).
    const admin = await kern.login('rotterdam.beheer');
    const current = (await admin.request('GET', '/api/v1/access-policy')).json<{ document: PolicyDocument }>().document;
    const withEmergency: PolicyDocument = {
      ...current,
      breakGlass: { ...current.breakGlass, crossLawEmergency: [{ id: 'acute-kindveiligheid', description: 'Acute onveiligheid van een kind', roles: ['income-consultant'], purposes: ['jeugdwet'] }] },
    };
    const proposal = await admin.request('POST', '/api/v1/access-policy/proposals', { body: { document: withEmergency, reason: 'Noodregel kindveiligheid voor de balie' } });
    expect(proposal.statusCode, proposal.body).toBe(201);
    const approver = await kern.login('rotterdam.beheer2');
    const approved = await approver.request('POST', `/api/v1/access-policy/proposals/${proposal.json<{ proposal: { id: string } }>().proposal.id}/approval`, { body: {} });
    expect(approved.statusCode, approved.body).toBe(201);

    expect((await income.request('POST', `/api/v1/residents/${CHILD}/break-glass`, { purpose: 'jeugdwet', body: reason })).statusCode).toBe(201);
    expect((await income.request('GET', `/api/v1/residents/${CHILD}`, { purpose: 'jeugdwet' })).json()).toMatchObject({ access: { breakGlass: true } });
    const debt = await kern.login('rotterdam.schuld');
    expect((await debt.request('POST', `/api/v1/residents/${CHILD}/break-glass`, { purpose: 'jeugdwet', body: reason })).statusCode).toBe(403);
  });
});
