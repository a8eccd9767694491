import { AccessDenied, PolicyStore, type AccessContext, type AccessServices } from '@kern/access';
import { sql, withTenant, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { FixedClock } from '@kern/kit';
import { actorFor, seedDemo } from '@kern/seed';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreeToPlanVersion, draftPlanVersion, openHouseholdPlan, planSection, readHouseholdPlan, renderPlanPdf, requestPlanChange, type Plan } from './index';

// Rotterdam's demo family: the generalist coordinates all three; team Noord has a Wmo case for the parent.
const PARENT = '999991838';
const PARTNER = '999990512';
const CHILD = '999990342';
const members = [{ bsn: PARENT, name: 'Moeder' }, { bsn: PARTNER, name: 'Vader' }, { bsn: CHILD, name: 'Kind' }];

let database: TestDatabase;
let services: AccessServices;
const ctx: Record<string, AccessContext> = {};
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  services = { db: database.db, clock: new FixedClock('2026-04-01T10:00:00Z'), policies: new PolicyStore() };
  for (const u of ['rotterdam.generalist', 'rotterdam.wmo', 'rotterdam.jeugd', 'rotterdam.inkomen', 'rotterdam.kwaliteit', 'denhaag.generalist']) {
    ctx[u] = { actor: await actorFor(database.db, u) };
  }
});
afterAll(async () => database?.close());

const as = (user: string, purpose: AccessContext['purpose']): AccessContext => ({ ...(ctx[user] as AccessContext), purpose });
const run = <T>(c: AccessContext, fn: (tx: Tx) => Promise<T>) => withTenant(database.db, c.actor.municipalityCode, fn);
const coordinator = () => as('rotterdam.generalist', 'integraal');

const goal = { id: 'g1', domain: 'financien', memberBsn: PARENT, text: 'Rekeningen op tijd betalen' };
const action = { id: 'a1', goalId: 'g1', text: 'Budgetcursus volgen', owner: { kind: 'citizen' as const, name: 'Moeder' }, dueDate: '2026-06-01' };
const content = {
  goals: [goal],
  actions: [action],
  agreements: [{ id: 'afs1', text: 'We zien elkaar elke twee weken.' }],
  reviewDates: ['2026-07-01'],
};

let plan: Plan;
describe('one household, one plan, versioned; an agreed version never changes', () => {
  it('the coordinator opens the plan with an empty first draft', async () => {
    plan = await run(coordinator(), (tx) => openHouseholdPlan(services, tx, coordinator(), { anchorBsn: PARENT, members }));
    expect(plan.versions).toHaveLength(1);
    expect(plan).toMatchObject({ draftVersion: 1, agreedVersion: null, coordinator: { name: 'Sanne de Wit' } });
  });

  it('refuses a second plan for a member of the household', async () => {
    await expect(run(coordinator(), (tx) => openHouseholdPlan(services, tx, coordinator(), { anchorBsn: CHILD, members: [{ bsn: CHILD, name: 'Kind' }] }))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('rewrites the draft in place while nobody agreed to it', async () => {
    plan = await run(coordinator(), (tx) => draftPlanVersion(services, tx, coordinator(), plan.id, { content }));
    expect(plan.versions).toHaveLength(1);
    expect(plan.versions[0]?.content.goals[0]?.text).toBe('Rekeningen op tijd betalen');
  });

  it('refuses a goal about someone outside the plan, naming the field', async () => {
    const bad = { content: { ...content, goals: [{ ...goal, memberBsn: '999993872' }] } };
    await expect(run(coordinator(), (tx) => draftPlanVersion(services, tx, coordinator(), plan.id, bad))).rejects.toMatchObject({ code: 'invalid-input', invalidParams: [{ name: 'content.goals.0.memberBsn' }] });
  });

  it('records the citizen\'s agreement: by whom, when, which version, how and by whom it was recorded', async () => {
    plan = await run(coordinator(), (tx) => agreeToPlanVersion(services, tx, coordinator(), plan.id, { version: 1, party: { bsn: PARENT, name: 'Moeder' }, method: 'in-person' }));
    expect(plan.agreedVersion).toBe(1);
    expect(plan.versions[0]).toMatchObject({ state: 'agreed', agreedAt: '2026-04-01T10:00:00.000Z' });
    expect(plan.versions[0]?.agreements).toEqual([{ version: 1, agreedAt: '2026-04-01T10:00:00.000Z', partyBsn: PARENT, partyName: 'Moeder', partyRole: 'citizen', method: 'in-person', recordedByKind: 'staff' }]);
  });

  it('refuses an agreement by someone outside the household', async () => {
    await expect(run(coordinator(), (tx) => agreeToPlanVersion(services, tx, coordinator(), plan.id, { version: 1, party: { bsn: '999993872', name: 'Buurman' }, method: 'in-person' }))).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('a change after the agreement makes version 2 and leaves version 1 exactly as agreed', async () => {
    await run(coordinator(), (tx) => requestPlanChange(services, tx, coordinator(), plan.id, { requestedByBsn: PARENT, request: 'Liever een cursus in de avond.' }));
    const changed = { content: { ...content, actions: [{ ...action, text: 'Budgetcursus in de avond volgen' }] }, changeNote: 'Op verzoek: avondcursus' };
    plan = await run(coordinator(), (tx) => draftPlanVersion(services, tx, coordinator(), plan.id, changed));
    expect(plan.versions.map((v) => [v.version, v.state])).toEqual([[1, 'agreed'], [2, 'draft']]);
    expect(plan.versions[0]?.content.actions[0]?.text).toBe('Budgetcursus volgen');
    expect(plan.versions[1]?.content.actions[0]?.text).toBe('Budgetcursus in de avond volgen');
    expect(plan.changeRequests).toEqual([expect.objectContaining({ basedOnVersion: 1, answeredVersion: 2 })]);
  });

  it('refuses an agreement to a version that is no longer the latest', async () => {
    await expect(run(coordinator(), (tx) => agreeToPlanVersion(services, tx, coordinator(), plan.id, { version: 1, party: { bsn: PARTNER, name: 'Vader' }, method: 'in-person' }))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('the database itself refuses to change or delete an agreed version', async () => {
    await expect(run(coordinator(), (tx) => sql`update plan_versions set content = '{}'::jsonb where plan_id = ${plan.id}::uuid and version = 1`.execute(tx))).rejects.toThrow(/agreed to by the citizen and cannot be changed/);
    await expect(run(coordinator(), (tx) => sql`update plan_versions set agreed_at = null where plan_id = ${plan.id}::uuid and version = 1`.execute(tx))).rejects.toThrow(/cannot be changed/);
    await expect(run(coordinator(), (tx) => sql`delete from plan_versions where plan_id = ${plan.id}::uuid and version = 1`.execute(tx))).rejects.toThrow(/cannot be deleted/);
    await expect(run(coordinator(), (tx) => sql`update plan_agreements set party_name = 'X' where plan_id = ${plan.id}::uuid`.execute(tx))).rejects.toThrow();
    // A draft can still be rewritten at the database level.
    await run(coordinator(), (tx) => sql`update plan_versions set change_note = 'ok' where plan_id = ${plan.id}::uuid and version = 2`.execute(tx));
  });

  it('the household view\'s plan section (one statement) gives the same plan as the plan read, with agreements and change requests', async () => {
    const read = await run(coordinator(), (tx) => readHouseholdPlan(services, tx, coordinator(), PARENT));
    if (read.view !== 'full') throw new Error('expected the full plan');
    expect(read.plan.versions[0]?.agreements).toHaveLength(1);
    expect(read.plan.changeRequests).toHaveLength(1);
    const section = await run(coordinator(), (tx) => planSection(tx, [PARENT, CHILD]));
    expect(section).toEqual([{ memberBsns: expect.arrayContaining([PARENT, CHILD]) as unknown, plan: read.plan }]);
    expect(section[0]?.memberBsns).toHaveLength(2);
  });

  it('renders the plan as a PDF for the citizen', async () => {
    const bytes = await run(coordinator(), (tx) => renderPlanPdf(services, tx, coordinator(), plan.id, { version: 1 }));
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe('Ons plan - Versie 1');
  });
});

describe('who sees the plan', () => {
  it('the coordinator reads it whole, with an audit record for every member shown', async () => {
    const out = await run(coordinator(), (tx) => readHouseholdPlan(services, tx, coordinator(), CHILD));
    expect(out.view).toBe('full');
    const audits = await run(coordinator(), (tx) => sql<{ subject_bsn: string }>`select subject_bsn from audit_log where resource = 'plan' and action = 'read' and outcome = 'allowed'`.execute(tx));
    expect(new Set(audits.rows.map((r) => r.subject_bsn))).toEqual(new Set([PARENT, PARTNER, CHILD]));
  });

  it('a Wmo consultant whose team works with the parent learns only that there is a plan and whom to call', async () => {
    const out = await run(as('rotterdam.wmo', 'wmo'), (tx) => readHouseholdPlan(services, tx, as('rotterdam.wmo', 'wmo'), PARENT));
    expect(out).toEqual({ view: 'signal', signal: { planId: plan.id, coordinatorName: 'Sanne de Wit', agreed: true } });
  });

  it.each([
    ['rotterdam.wmo', 'integraal', PARENT, 'the right team under the wrong purpose'],
    ['rotterdam.jeugd', 'jeugdwet', PARENT, 'another team without a relation with this member'],
    ['rotterdam.inkomen', 'participatiewet', PARENT, 'a role without a relation'],
    ['rotterdam.kwaliteit', 'integraal', PARENT, 'a role without the purpose'],
    ['denhaag.generalist', 'integraal', PARENT, 'another municipality'],
  ] as const)('%s under %s sees nothing of %s (%s)', async (user, purpose, bsn, _why) => {
    const c = as(user, purpose);
    await expect(run(c, (tx) => readHouseholdPlan(services, tx, c, bsn))).rejects.toBeInstanceOf(AccessDenied);
  });

  it('another municipality cannot reach the plan by its id, nor change it', async () => {
    const c = as('denhaag.generalist', 'integraal');
    await expect(run(c, (tx) => draftPlanVersion(services, tx, c, plan.id, { content }))).rejects.toMatchObject({ code: 'not-found' });
    await expect(run(c, (tx) => renderPlanPdf(services, tx, c, plan.id))).rejects.toMatchObject({ code: 'not-found' });
    expect(await run(c, (tx) => planSection(tx, [PARENT, PARTNER, CHILD]))).toEqual([]);
  });

  it('a signal-only reader cannot draft, agree or export', async () => {
    const c = as('rotterdam.wmo', 'wmo');
    await expect(run(c, (tx) => draftPlanVersion(services, tx, c, plan.id, { content }))).rejects.toBeInstanceOf(AccessDenied);
    await expect(run(c, (tx) => agreeToPlanVersion(services, tx, c, plan.id, { version: 2, party: { bsn: PARENT, name: 'Moeder' }, method: 'in-person' }))).rejects.toBeInstanceOf(AccessDenied);
    await expect(run(c, (tx) => renderPlanPdf(services, tx, c, plan.id))).rejects.toBeInstanceOf(AccessDenied);
  });

  it('the section source returns the plan for the household\'s members', async () => {
    const section = await run(coordinator(), (tx) => planSection(tx, [CHILD, '999993872']));
    expect(section).toHaveLength(1);
    expect(section[0]).toMatchObject({ memberBsns: [CHILD], plan: { id: plan.id, agreedVersion: 1, draftVersion: 2 } });
  });
});
