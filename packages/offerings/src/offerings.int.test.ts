import { AccessDenied, PolicyStore, type AccessContext, type AccessServices } from '@kern/access';
import { sql, withTenant, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { FixedClock } from '@kern/kit';
import { actorFor, seedDemo } from '@kern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffering, enrolInOffering, listOfferings, offeringSection, readEnrolments, recordAttendance } from './index';

const PARENT = '999991838';
const PARTNER = '999990512';
const CHILD = '999990342';

let database: TestDatabase;
let services: AccessServices;
const actors = new Map<string, AccessContext['actor']>();
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  services = { db: database.db, clock: new FixedClock('2026-04-01T10:00:00Z'), policies: new PolicyStore() };
  for (const u of ['rotterdam.generalist', 'rotterdam.wmo', 'rotterdam.jeugd', 'rotterdam.schuld', 'rotterdam.inkomen', 'rotterdam.beheer', 'rotterdam.kwaliteit', 'denhaag.generalist']) actors.set(u, await actorFor(database.db, u));
});
afterAll(async () => database?.close());

const as = (user: string, purpose?: AccessContext['purpose']): AccessContext => {
  const actor = actors.get(user);
  if (!actor) throw new Error(user);
  return { actor, purpose };
};
const run = <T>(c: AccessContext, fn: (tx: Tx) => Promise<T>) => withTenant(database.db, c.actor.municipalityCode, fn);
const coordinator = () => as('rotterdam.generalist', 'integraal');

let groupId = '';
describe('group offerings', () => {
  it('the catalogue holds a group with places and a general provision without a limit', async () => {
    const admin = as('rotterdam.beheer');
    const group = await run(admin, (tx) => createOffering(services, tx, admin, { name: 'Lotgenotengroep schulden', description: 'Acht avonden samen.', kind: 'group', capacity: 2, startsOn: '2026-03-01', lifeDomain: 'financien' }));
    groupId = group.id;
    await run(admin, (tx) => createOffering(services, tx, admin, { name: 'Buurtkamer', description: 'Inloop.', kind: 'general', startsOn: '2026-01-01' }));
    const list = await run(coordinator(), (tx) => listOfferings(services, tx, coordinator()));
    expect(list.map((o) => [o.name, o.placesLeft])).toEqual([['Buurtkamer', null], ['Lotgenotengroep schulden', 2]]);
  });

  it('refuses a group without places', async () => {
    const admin = as('rotterdam.beheer');
    await expect(run(admin, (tx) => createOffering(services, tx, admin, { name: 'Groep', description: 'x', kind: 'group', startsOn: '2026-03-01' }))).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('enrols up to the capacity, linked to a plan action, and refuses the next one', async () => {
    const c = coordinator();
    const first = await run(c, (tx) => enrolInOffering(services, tx, c, groupId, { subjectBsn: PARENT, planId: '00000000-0000-4000-8000-000000000001', planActionId: 'a1' }));
    expect(first.placesLeft).toBe(1);
    await expect(run(c, (tx) => enrolInOffering(services, tx, c, groupId, { subjectBsn: PARENT }))).rejects.toMatchObject({ code: 'conflict' });
    await run(c, (tx) => enrolInOffering(services, tx, c, groupId, { subjectBsn: PARTNER }));
    await expect(run(c, (tx) => enrolInOffering(services, tx, c, groupId, { subjectBsn: CHILD }))).rejects.toMatchObject({ code: 'conflict', userMessage: { nl: 'Lotgenotengroep schulden is vol (2 plaatsen).' } });
  });

  it('records attendance only for people enrolled, all or nothing', async () => {
    const c = coordinator();
    await expect(run(c, (tx) => recordAttendance(services, tx, c, groupId, { sessionOn: '2026-03-31', attendance: [{ subjectBsn: PARENT, present: true }, { subjectBsn: CHILD, present: true }] })))
      .rejects.toMatchObject({ code: 'invalid-input', invalidParams: [{ name: 'attendance.1.subjectBsn', reason: 'not enrolled' }] });
    expect((await run(c, (tx) => readEnrolments(services, tx, c, PARENT)))[0]?.attendance).toEqual([]);
    await run(c, (tx) => recordAttendance(services, tx, c, groupId, { sessionOn: '2026-03-31', attendance: [{ subjectBsn: PARENT, present: true }, { subjectBsn: PARTNER, present: false }] }));
    const [enrolment] = await run(c, (tx) => readEnrolments(services, tx, c, PARENT));
    expect(enrolment).toMatchObject({ offeringName: 'Lotgenotengroep schulden', planActionId: 'a1', attendance: [{ sessionOn: '2026-03-31', present: true }] });
  });

  it('the section source gives the household members\' enrolments', async () => {
    const section = await run(coordinator(), (tx) => offeringSection(tx, [PARENT, PARTNER, CHILD]));
    expect(section.map((e) => e.subjectBsn).sort()).toEqual([PARENT, PARTNER].sort());
  });

  it('two enrolments at the same moment for the last place: exactly one wins (row lock)', async () => {
    const admin = as('rotterdam.beheer');
    const one = await run(admin, (tx) => createOffering(services, tx, admin, { name: 'Laatste plek', description: 'Eén plaats.', kind: 'group', capacity: 1, startsOn: '2026-03-01' }));
    const c = coordinator();
    const results = await Promise.allSettled([PARTNER, CHILD].map((bsn) => run(c, (tx) => enrolInOffering(services, tx, c, one.id, { subjectBsn: bsn }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
  });

  it.each([
    ['rotterdam.jeugd', 'jeugdwet', 'another team without a relation'],
    ['rotterdam.schuld', 'wgs', 'a role without the purpose'],
    ['rotterdam.inkomen', 'participatiewet', 'a role without the purpose'],
    ['denhaag.generalist', 'integraal', 'another municipality'],
  ] as const)('%s under %s sees and enrols nothing (%s)', async (user, purpose, _why) => {
    const c = as(user, purpose);
    await expect(run(c, (tx) => readEnrolments(services, tx, c, PARENT))).rejects.toBeInstanceOf(AccessDenied);
    await expect(run(c, (tx) => enrolInOffering(services, tx, c, groupId, { subjectBsn: PARENT }))).rejects.toBeInstanceOf(AccessDenied);
  });

  it('shows enrolment counts under 5 as "< 5" to roles without personal data, and exact to caseworkers (issue 22)', async () => {
    const admin = as('rotterdam.beheer');
    const big = await run(admin, (tx) => createOffering(services, tx, admin, { name: 'Taalcafe', description: 'Elke dinsdag.', kind: 'group', capacity: 12, startsOn: '2026-03-01' }));
    expect(big).toMatchObject({ enrolled: '< 5', placesLeft: '> 7' });
    const c = coordinator();
    await run(c, (tx) => enrolInOffering(services, tx, c, big.id, { subjectBsn: PARENT }));
    await run(c, (tx) => enrolInOffering(services, tx, c, big.id, { subjectBsn: PARTNER }));
    const seen = async (ctx: AccessContext) => (await run(ctx, (tx) => listOfferings(services, tx, ctx))).find((o) => o.id === big.id);
    expect(await seen(coordinator())).toMatchObject({ enrolled: 2, placesLeft: 10 });
    for (const user of ['rotterdam.beheer', 'rotterdam.kwaliteit']) {
      expect(await seen(as(user)), user).toMatchObject({ enrolled: '< 5', placesLeft: '> 7' });
    }
    // The full two-place group: no figure that gives the count away, not even places left.
    expect((await run(admin, (tx) => listOfferings(services, tx, admin))).find((o) => o.id === groupId)).toMatchObject({ enrolled: '< 5', placesLeft: '< 5' });
    // From 5 on the count is no small cell: everyone sees the figure.
    await run(c, (tx) => enrolInOffering(services, tx, c, big.id, { subjectBsn: CHILD }));
    await run(admin, (tx) => sql`insert into offering_enrolments (id, municipality_code, offering_id, subject_bsn, enrolled_on, status, enrolled_by)
      select gen_random_uuid(), '0599', ${big.id}::uuid, b, '2026-04-01', 'enrolled', ${admin.actor.id} from unnest(${['999993872', '999990627']}::text[]) b`.execute(tx));
    expect(await seen(coordinator())).toMatchObject({ enrolled: 5, placesLeft: 7 });
    expect(await seen(admin)).toMatchObject({ enrolled: 5, placesLeft: 7 });
  });

  it('another municipality neither sees the catalogue nor the enrolments', async () => {
    const c = as('denhaag.generalist', 'integraal');
    expect(await run(c, (tx) => listOfferings(services, tx, c))).toEqual([]);
    expect(await run(c, (tx) => offeringSection(tx, [PARENT]))).toEqual([]);
  });
});
