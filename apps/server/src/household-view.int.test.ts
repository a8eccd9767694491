import { runAsTenant, type Actor } from '@kern/access';
import { sql, withSystem, withTenant } from '@kern/db';
import { recordAssessment } from '@kern/assessments';
import { readHouseholdView, type HouseholdView, type SectionSource } from '@kern/household';
import { createAccount, createTeam } from '@kern/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdSections } from './household-sections';
import { startTestKern, type Agent, type TestKern } from './testing';

// The Rotterdam demo family at 3074LA 5: team Noord (generalist, wmo) has a Wmo case for the
// parent, the youth consultant (team Zuid) a Jeugdwet case for the child, the generalist
// coordinates all three under the integral purpose.
const PARENT = '999991838';
const PARTNER = '999990512';
const CHILD = '999990342';
const STRANGER = '999993872';

let kern: TestKern;
const agents = new Map<string, Agent>();
const as = async (user: string) => {
  const hit = agents.get(user);
  if (hit) return hit;
  const a = await kern.login(user);
  agents.set(user, a);
  return a;
};
const today = () => new Date().toISOString().slice(0, 10);

async function startCase(user: string, purpose: string, werkwijzeId: string, caseTypeId: string, subjectBsn: string): Promise<string> {
  const res = await (await as(user)).request('POST', '/api/v1/cases', { purpose, body: { werkwijzeId, caseTypeId, subjectBsn, fields: {} } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ caseId: string }>().caseId;
}

async function view(user: string, purpose: string, bsn = PARENT): Promise<{ status: number; body: string; view: HouseholdView }> {
  const res = await (await as(user)).request('GET', `/api/v1/residents/${bsn}/household-view`, { purpose });
  return { status: res.statusCode, body: res.body, view: res.statusCode === 200 ? res.json<HouseholdView>() : (undefined as unknown as HouseholdView) };
}

/** "relation:category" -> state, e.g. "partner:wgs" -> "signal". */
function states(v: HouseholdView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of v.members) for (const s of m.sections) out[`${m.relation}:${s.kind}:${s.category}`] = s.state;
  return out;
}
const section = (v: HouseholdView, relation: string, kind: string, category: string) =>
  v.members.find((m) => m.relation === relation)?.sections.find((s) => s.kind === kind && s.category === category);

async function staffContext(username: string, purpose: 'integraal' | 'wmo') {
  const account = (await withSystem(kern.services.db, (tx) =>
    sql<{ id: string; display_name: string; roles: string[] }>`select id, display_name, roles from staff_accounts where username = ${username}`.execute(tx))).rows[0];
  if (!account) throw new Error(`no account ${username}`);
  const teams = (await withSystem(kern.services.db, (tx) => sql<{ team_id: string }>`select team_id from team_memberships where account_id = ${account.id}::uuid`.execute(tx))).rows.map((r) => r.team_id);
  const actor = { kind: 'staff', id: account.id, name: account.display_name, municipalityCode: '0599', roles: account.roles, teamIds: teams } as Actor;
  return { actor, purpose };
}

beforeAll(async () => {
  kern = await startTestKern();
  // Content in every law: a Wmo case for the parent, a Jeugdwet case for the child, a Wgs case for the partner, signals.
  await startCase('rotterdam.wmo', 'wmo', 'frontoffice-backoffice', 'wmo-maatwerk', PARENT);
  await startCase('rotterdam.jeugd', 'jeugdwet', 'een-loket', 'jeugdhulp', CHILD);
  await startCase('rotterdam.schuld', 'wgs', 'een-loket', 'schuldhulp', PARTNER);
  const signal = await (await as('rotterdam.jeugd')).request('POST', `/api/v1/residents/${CHILD}/household-signals`, {
    purpose: 'jeugdwet', body: { kind: 'passend-onderwijs', summary: 'School zoekt passende plek; overleg met samenwerkingsverband', observedOn: today() },
  });
  expect(signal.statusCode, signal.body).toBe(201);
  const housing = await (await as('rotterdam.generalist')).request('POST', `/api/v1/residents/${PARENT}/household-signals`, {
    purpose: 'integraal', body: { kind: 'huurachterstand', summary: 'Twee maanden huurachterstand gemeld door corporatie', observedOn: today() },
  });
  expect(housing.statusCode, housing.body).toBe(201);
  const coordinator = await staffContext('rotterdam.generalist', 'integraal');
  await runAsTenant(kern.services, coordinator, (tx) =>
    recordAssessment(kern.services, tx, coordinator, { instrumentId: 'zrm-volwassenen', subjectBsn: PARENT, assessedOn: today(), scores: { financien: 2 } }));
  const zuid = (await withSystem(kern.services.db, (tx) => sql<{ id: string }>`select id from teams where municipality_code = '0599' and name = 'Wijkteam Zuid'`.execute(tx))).rows[0]?.id
    ?? (await createTeam(kern.services.db, '0599', 'Wijkteam Zuid'));
  await createAccount(kern.services.db, { municipalityCode: '0599', username: 'rotterdam.wmo.zuid', displayName: 'Anouk Smit', password: 'kern-demo-2026', roles: ['wmo-consultant'], teamIds: [zuid] });
});
afterAll(async () => kern?.close());

const F = 'full', S = 'signal';
const lawRow = (wmo: string, jeugd: string, part: string, wgs: string, edu: string, housing: string, plan = S, assessment = S, offering = S) => ({
  'cases:wmo': wmo, 'cases:jeugdwet': jeugd, 'cases:participatiewet': part, 'cases:wgs': wgs, 'signals:education': edu, 'signals:housing': housing,
  // decisions and provisions (@kern/provisions) follow the law's data category, as the cases do
  'provisions:wmo': wmo, 'provisions:jeugdwet': jeugd,
  'plan:plan': plan, 'assessments:assessment': assessment, 'offerings:offering': offering,
});
const allSignal = lawRow(S, S, S, S, S, S);
const coordinatorRow = lawRow(F, F, S, S, F, F, F, F, F);
const expand = (rows: Record<string, Record<string, string>>) =>
  Object.fromEntries(Object.entries(rows).flatMap(([rel, cells]) => Object.entries(cells).map(([k, v]) => [`${rel}:${k}`, v])));

describe('the household view under the default policy: which sections each role and purpose sees', () => {
  const allowed: [string, string, string, Record<string, Record<string, string>>][] = [
    ['rotterdam.generalist', 'integraal', PARENT, {
      self: coordinatorRow, housemate: coordinatorRow, child: coordinatorRow,
    }],
    ['rotterdam.generalist', 'wmo', PARENT, { self: lawRow(F, S, S, S, S, S), housemate: allSignal, child: allSignal }],
    ['rotterdam.wmo', 'wmo', PARENT, { self: lawRow(F, S, S, S, S, S), housemate: allSignal, child: allSignal }],
    ['rotterdam.jeugd', 'jeugdwet', CHILD, { self: lawRow(S, F, S, S, F, S), parent: allSignal }],
    ['rotterdam.schuld', 'wgs', PARTNER, { self: lawRow(S, S, S, F, S, S), housemate: allSignal, child: allSignal }],
  ];
  it.each(allowed)('%s under %s opening %s', async (user, purpose, bsn, expected) => {
    const { status, body, view: v } = await view(user, purpose, bsn);
    expect(status, body).toBe(200);
    const got = states(v);
    for (const [key, state] of Object.entries(expand(expected))) expect(got[key], key).toBe(state);
  });

  it('shows the debt-help trajectory (@kern/debt) in full to the debt counsellor and as where to ask to the coordinator', async () => {
    const schuld = await as('rotterdam.schuld');
    const opened = await schuld.request('POST', '/api/v1/debt/files', { purpose: 'wgs', body: { subjectBsn: PARTNER, contact: 'Joost Visser' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const fileId = opened.json<{ debtFileId: string }>().debtFileId;
    const claim = await schuld.request('POST', `/api/v1/debt/files/${fileId}/debts`, {
      purpose: 'wgs', body: { creditorName: 'Woonstad Rotterdam', creditorSector: 'housing', category: 'nuts', claimedCents: 123_456 },
    });
    expect(claim.statusCode, claim.body).toBe(201);

    const counsellor = await view('rotterdam.schuld', 'wgs', PARTNER);
    const full = section(counsellor.view, 'self', 'debt', 'wgs');
    expect(full?.state).toBe('full');
    expect(JSON.stringify(full)).toContain('EUR 1234.56');

    const coordinator = await view('rotterdam.generalist', 'integraal', PARENT);
    const signal = section(coordinator.view, 'housemate', 'debt', 'wgs');
    expect(signal?.state).toBe('signal');
    expect(JSON.stringify(signal)).toContain('Joost Visser');
    expect(coordinator.body).not.toContain('1234.56');
    expect(coordinator.body).not.toContain('Woonstad');
  });

  const refused: [string, string, string, string][] = [
    ['rotterdam.generalist', 'jeugdwet', PARENT, 'the right person under a purpose without a relation'],
    ['rotterdam.wmo', 'integraal', PARENT, 'a role without the purpose'],
    ['rotterdam.wmo.zuid', 'wmo', PARENT, 'the same role in another team'],
    ['rotterdam.inkomen', 'participatiewet', PARENT, 'a law without a case'],
    ['rotterdam.schuld', 'wgs', PARENT, 'a member the debt counsellor does not work with'],
    ['rotterdam.besluit', 'wmo', PARENT, 'the back office before the case reaches it'],
    ['rotterdam.kwaliteit', 'integraal', PARENT, 'a quality analyst'],
    ['rotterdam.beheer', 'integraal', PARENT, 'a functional administrator'],
    ['rotterdam.auditor', 'integraal', PARENT, 'an auditor'],
    ['denhaag.generalist', 'integraal', PARENT, 'another municipality'],
    ['rotterdam.generalist', 'integraal', STRANGER, 'a resident nobody works with'],
  ];
  it.each(refused)('%s under %s opening %s sees nothing: %s', async (user, purpose, bsn) => {
    const { status, body } = await view(user, purpose, bsn);
    expect(status).toBe(403);
    expect(body).not.toMatch(/Braveheart|Z-20\d\d|huurachterstand|passend/);
  });

  it('shows a signal as where to ask, never what: running, team and contact', async () => {
    const { view: v } = await view('rotterdam.wmo', 'wmo');
    expect(section(v, 'housemate', 'cases', 'wgs')).toEqual({
      kind: 'cases', category: 'wgs', state: 'signal', basis: expect.any(String), breakGlass: false, reason: 'other-law', running: true,
      at: [{ team: 'Schuldhulp', contact: 'Joost Visser' }],
    });
    expect(section(v, 'self', 'cases', 'wmo')).toMatchObject({ state: 'full', basis: 'Wmo 2015 art. 5.1.1', items: [expect.objectContaining({ status: 'open' })] });
    expect(section(v, 'self', 'assessments', 'assessment')).toMatchObject({ state: 'signal', running: true, at: [] });
    // Consents are offered only where the policy lets the actor manage them: the own case's member.
    expect(v.members.filter((m) => m.consentManageable).map((m) => m.bsn)).toEqual([PARENT]);
    const coordinatorView = (await view('rotterdam.generalist', 'integraal')).view;
    expect(section(coordinatorView, 'self', 'assessments', 'assessment')).toMatchObject({ state: 'full', items: [expect.objectContaining({ title: 'zrm-volwassenen', detail: expect.stringContaining('financien 2') })] });
  });
});

describe('consent', () => {
  it('opens a section at once when given and hides it at once when withdrawn, recording the consent id as the legal basis', async () => {
    const coordinator = await as('rotterdam.generalist');
    expect(section((await view('rotterdam.generalist', 'integraal')).view, 'housemate', 'cases', 'wgs')).toMatchObject({ state: 'signal', reason: 'other-law-no-consent' });
    const given = await coordinator.request('POST', `/api/v1/residents/${PARTNER}/consents`, { purpose: 'integraal', body: { purpose: 'integraal', recipient: 'wijkteam-generalist', dataCategories: ['wgs'] } });
    const consentId = given.json<{ id: string }>().id;
    const opened = (await view('rotterdam.generalist', 'integraal')).view;
    expect(section(opened, 'housemate', 'cases', 'wgs')).toMatchObject({ state: 'full', basis: `AVG art. 6(1)(a): consent ${consentId}`, items: [expect.objectContaining({ status: 'open' })] });
    expect(section(opened, 'self', 'cases', 'wgs')?.state).toBe('signal');
    const audit = await withTenant(kern.services.db, '0599', (tx) =>
      sql<{ legal_basis: string }>`select legal_basis from audit_log where subject_bsn = ${PARTNER} and resource = 'household' order by seq desc limit 1`.execute(tx));
    expect(audit.rows[0]?.legal_basis).toContain(`section-wgs (full): AVG art. 6(1)(a): consent ${consentId}`);

    await coordinator.request('POST', `/api/v1/residents/${PARTNER}/consents/${consentId}/withdrawal`, { purpose: 'integraal', body: {} });
    expect(section((await view('rotterdam.generalist', 'integraal')).view, 'housemate', 'cases', 'wgs')?.state).toBe('signal');
  });
});

describe('break-the-glass', () => {
  it('shows a Wmo consultant without a relation nothing until they break the glass; then the Wmo section, flagged', async () => {
    const before = await view('rotterdam.wmo.zuid', 'wmo');
    expect(before.status).toBe(403);
    expect(JSON.parse(before.body)).toMatchObject({ breakGlassPossible: true });
    const agent = await as('rotterdam.wmo.zuid');
    expect((await agent.request('POST', `/api/v1/residents/${PARENT}/break-glass`, { purpose: 'wmo', body: { reason: 'Acute zorgmelding van de huisarts, geen collega bereikbaar.' } })).statusCode).toBe(201);
    const { status, view: v } = await view('rotterdam.wmo.zuid', 'wmo');
    expect(status).toBe(200);
    expect(v.access.breakGlass).toBe(true);
    expect(section(v, 'self', 'cases', 'wmo')).toMatchObject({ state: 'full', breakGlass: true });
    expect(section(v, 'self', 'cases', 'wgs')).toMatchObject({ state: 'signal', breakGlass: true });
    expect(section(v, 'housemate', 'cases', 'wgs')).toEqual({ kind: 'cases', category: 'wgs', state: 'withheld', reason: 'no-relation' });
    const flagged = await withTenant(kern.services.db, '0599', (tx) =>
      sql<{ subject_bsn: string; break_glass: boolean }>`select a.subject_bsn, a.break_glass from audit_log a join staff_accounts s on s.id::text = a.actor_id
        where s.username = 'rotterdam.wmo.zuid' and a.resource = 'household' and a.outcome = 'allowed'`.execute(tx));
    expect(flagged.rows.length).toBeGreaterThan(0);
    expect(flagged.rows.every((r) => r.break_glass)).toBe(true);
  });
});

describe('no leaks', () => {
  it('renders withheld sections, the timeline and the whole view identically whatever is hidden behind them', async () => {
    // rotterdam.wmo.zuid broke the glass for the parent only: the partner's (a housemate in the BRP) and child's sections are withheld.
    const before = await view('rotterdam.wmo.zuid', 'wmo');
    await startCase('rotterdam.schuld', 'wgs', 'een-loket', 'schuldhulp', PARTNER);
    await (await as('rotterdam.jeugd')).request('POST', `/api/v1/residents/${CHILD}/household-signals`, {
      purpose: 'jeugdwet', body: { kind: 'leerplicht', summary: 'Ongeoorloofd verzuim gemeld door leerplichtambtenaar', observedOn: '2026-01-05' },
    });
    const after = await view('rotterdam.wmo.zuid', 'wmo');
    expect(after.status).toBe(200);
    expect(after.body).toBe(before.body);
  });

  it('renders a signal identically whether one or several cases run and whatever closed before', async () => {
    const before = section((await view('rotterdam.wmo', 'wmo')).view, 'child', 'cases', 'jeugdwet');
    const extra = await startCase('rotterdam.jeugd', 'jeugdwet', 'een-loket', 'jeugdhulp', CHILD);
    await startCase('rotterdam.jeugd', 'jeugdwet', 'een-loket', 'jeugdhulp', CHILD);
    await withSystem(kern.services.db, (tx) => sql`update cases set status = 'closed', closed_at = now() where id = ${extra}::uuid`.execute(tx));
    const after = section((await view('rotterdam.wmo', 'wmo')).view, 'child', 'cases', 'jeugdwet');
    expect(after).toEqual(before);
    expect(after).toMatchObject({ state: 'signal', running: true });
  });

  it('refuses with the same answer whether or not there is anything to hide', async () => {
    const strip = (body: string) => { const { instance: _i, requestId: _r, ...rest } = JSON.parse(body) as Record<string, unknown>; return rest; };
    const withContent = await view('rotterdam.inkomen', 'participatiewet', PARENT);
    const without = await view('rotterdam.inkomen', 'participatiewet', STRANGER);
    expect(withContent.status).toBe(403);
    expect(strip(withContent.body)).toEqual(strip(without.body));
  });

  it('puts only events of sections shown in full on the timeline', async () => {
    const { view: v } = await view('rotterdam.wmo', 'wmo');
    expect(v.timeline.length).toBeGreaterThan(0);
    expect(v.timeline.every((e) => e.memberBsn === PARENT && e.category === 'wmo')).toBe(true);
  });
});

describe('audit', () => {
  it('writes one audit record per member shown, with the legal basis of each section shared', async () => {
    const count = async () => Number((await withTenant(kern.services.db, '0599', (tx) => sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(tx))).rows[0]?.n);
    const before = await count();
    const { view: v } = await view('rotterdam.generalist', 'integraal');
    expect(await count()).toBe(before + v.members.filter((m) => m.bsn).length);
    const records = await withTenant(kern.services.db, '0599', (tx) =>
      sql<{ subject_bsn: string; legal_basis: string; reason: string }>`select subject_bsn, legal_basis, reason from audit_log order by seq desc limit ${v.members.filter((m) => m.bsn).length}`.execute(tx));
    expect(records.rows.map((r) => r.subject_bsn).sort()).toEqual(v.members.flatMap((m) => (m.bsn ? [m.bsn] : [])).sort());
    const parent = records.rows.find((r) => r.subject_bsn === PARENT);
    expect(parent?.legal_basis).toContain('section-wmo (full): Wmo 2015 art. 2.3.2');
    expect(parent?.legal_basis).toContain('section-wgs (signal): AVG art. 6(1)(e)');
    expect(parent?.reason).toMatch(/full: wmo,jeugdwet,plan,assessment,offering,education,housing; signal: participatiewet,wgs; withheld: -/);
  });

  it('writes nothing when the read fails: the audit records share the read\'s transaction', async () => {
    const ctx = await staffContext('rotterdam.generalist', 'integraal');
    const failing: SectionSource = { kind: 'plan', categories: ['plan'], load: () => Promise.reject(new Error('source down')) };
    const count = async () => Number((await withTenant(kern.services.db, '0599', (tx) => sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(tx))).rows[0]?.n);
    const before = await count();
    const services = { ...kern.services, householdSources: [...householdSections, failing] };
    await expect(runAsTenant(services, ctx, (tx) => readHouseholdView(services, tx, ctx, PARENT))).rejects.toThrow('source down');
    expect(await count()).toBe(before);
  });
});

// Runs last: the case it walks gives the back office a relation with the parent, which the table above says it has not.
describe('decisions and provisions', () => {
  it('shows decisions and provisions (@kern/provisions) in full to the Wmo team and as where to ask to the youth consultant', async () => {
    const g = await as('rotterdam.generalist');
    const w = await as('rotterdam.wmo');
    const caseId = await startCase('rotterdam.generalist', 'wmo', 'frontoffice-backoffice', 'wmo-maatwerk', PARENT);
    const step = (a: Agent, to: string, fields: Record<string, unknown> = {}) => a.request('POST', `/api/v1/cases/${caseId}/transitions`, { purpose: 'wmo', body: { to, fields } });
    await step(g, 'onderzoeken', { hulpvraag: 'Hulp bij het huishouden' });
    await step(g, 'advies-opstellen', { gespreksverslag: 'Keukentafelgesprek gevoerd.', clientondersteuningAangeboden: true });
    await step(g, 'aanvraag', { advies: 'Hulp bij het huishouden.', geadviseerdeCategorieen: ['01'] });
    expect((await step(w, 'besluiten', { adviesVolledig: true })).statusCode).toBe(200);
    const decided = await (await as('rotterdam.besluit')).request('POST', `/api/v1/cases/${caseId}/decision`, {
      purpose: 'wmo',
      body: { outcome: 'granted', reasons: 'U krijgt drie uur hulp bij het huishouden per week.', provisions: [{ category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: today(), validTo: '2099-12-31' }] },
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const provisionId = decided.json<{ decision: { provisions: { id: string }[] } }>().decision.provisions[0]?.id;
    const allocated = await w.request('POST', '/api/v1/allocations', { purpose: 'wmo', body: { grantedProvisionId: provisionId, providerAgb: '12345678', startDate: today() } });
    expect(allocated.statusCode, allocated.body).toBe(201);

    const full = section((await view('rotterdam.wmo', 'wmo')).view, 'self', 'provisions', 'wmo');
    expect(full).toMatchObject({ state: 'full', items: [expect.objectContaining({ status: 'open', detail: expect.stringContaining('Thuiszorg De Maas') })] });
    const youth = await view('rotterdam.jeugd', 'jeugdwet', CHILD);
    expect(section(youth.view, 'parent', 'provisions', 'wmo')).toMatchObject({ state: 'signal', running: true });
    expect(youth.body).not.toContain('Thuiszorg');
    expect(youth.body).not.toContain('01A01');
  });
});
