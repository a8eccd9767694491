import { AccessDenied, PolicyStore, type AccessContext, type AccessServices } from '@kern/access';
import { sql, withTenant, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { FixedClock } from '@kern/kit';
import { actorFor, seedDemo } from '@kern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentSection, importLevelTexts, listInstruments, readAssessments, recordAssessment } from './index';

const PARENT = '999991838'; // Rotterdam: team Noord (Wmo) and the coordinator work with her
const CHILD = '999990342'; // Rotterdam: the youth consultant's own case

let database: TestDatabase;
let services: AccessServices;
const actors = new Map<string, AccessContext['actor']>();
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  services = { db: database.db, clock: new FixedClock('2026-04-01T10:00:00Z'), policies: new PolicyStore() };
  for (const u of ['rotterdam.generalist', 'rotterdam.wmo', 'rotterdam.jeugd', 'rotterdam.schuld', 'rotterdam.kwaliteit', 'rotterdam.beheer', 'denhaag.generalist', 'denhaag.beheer']) actors.set(u, await actorFor(database.db, u));
});
afterAll(async () => database?.close());

const as = (user: string, purpose?: AccessContext['purpose']): AccessContext => {
  const actor = actors.get(user);
  if (!actor) throw new Error(user);
  return { actor, purpose };
};
const run = <T>(c: AccessContext, fn: (tx: Tx) => Promise<T>) => withTenant(database.db, c.actor.municipalityCode, fn);

describe('assessments over time', () => {
  it('records ZRM scores twice and reads them back oldest first, per instrument', async () => {
    const c = as('rotterdam.wmo', 'wmo');
    await run(c, (tx) => recordAssessment(services, tx, c, { instrumentId: 'zrm-volwassenen', subjectBsn: PARENT, assessedOn: '2026-03-30', scores: { financien: 3, huisvesting: 4 } }));
    await run(c, (tx) => recordAssessment(services, tx, c, { instrumentId: 'zrm-volwassenen', subjectBsn: PARENT, assessedOn: '2026-01-15', scores: { financien: 2, huisvesting: 4 } }));
    const g = as('rotterdam.generalist', 'integraal');
    await run(g, (tx) => recordAssessment(services, tx, g, { instrumentId: 'participatieladder', subjectBsn: PARENT, assessedOn: '2026-03-30', scores: { participatie: 3 } }));
    const h = await run(c, (tx) => readAssessments(services, tx, c, PARENT));
    expect(h.byInstrument.map((i) => [i.instrumentId, i.assessments.map((a) => a.assessedOn)])).toEqual([
      ['participatieladder', ['2026-03-30']],
      ['zrm-volwassenen', ['2026-01-15', '2026-03-30']],
    ]);
  });

  it('refuses a score outside the scale and writes nothing', async () => {
    const c = as('rotterdam.wmo', 'wmo');
    await expect(run(c, (tx) => recordAssessment(services, tx, c, { instrumentId: 'zrm-volwassenen', subjectBsn: PARENT, assessedOn: '2026-03-31', scores: { financien: 9 } })))
      .rejects.toMatchObject({ code: 'invalid-input', invalidParams: [{ name: 'scores.financien', reason: '9 is outside the scale 1-5' }] });
    const n = await run(c, (tx) => sql<{ n: number }>`select count(*)::int as n from assessments where assessed_on = '2026-03-31'`.execute(tx));
    expect(n.rows[0]?.n).toBe(0);
  });

  it('an assessment is never edited: the database refuses an update', async () => {
    const c = as('rotterdam.wmo', 'wmo');
    await expect(run(c, (tx) => sql`update assessments set scores = '{}'::jsonb`.execute(tx))).rejects.toThrow();
  });

  it('the section source gives each member\'s history, leaving out members without any', async () => {
    const c = as('rotterdam.generalist', 'integraal');
    const section = await run(c, (tx) => assessmentSection(tx, [PARENT, CHILD]));
    expect(section.map((s) => s.subjectBsn)).toEqual([PARENT]);
  });

  it.each([
    ['rotterdam.jeugd', 'jeugdwet', 'another team without a relation'],
    ['rotterdam.schuld', 'wgs', 'a role without the purpose'],
    ['rotterdam.wmo', 'jeugdwet', 'the right team under another purpose'],
    ['rotterdam.kwaliteit', 'wmo', 'a role without resident data'],
    ['denhaag.generalist', 'integraal', 'another municipality'],
  ] as const)('%s under %s sees and scores nothing (%s)', async (user, purpose, _why) => {
    const c = as(user, purpose);
    await expect(run(c, (tx) => readAssessments(services, tx, c, PARENT))).rejects.toBeInstanceOf(AccessDenied);
    await expect(run(c, (tx) => recordAssessment(services, tx, c, { instrumentId: 'zrm-volwassenen', subjectBsn: PARENT, assessedOn: '2026-03-30', scores: { financien: 3 } }))).rejects.toBeInstanceOf(AccessDenied);
  });

  it('another municipality\'s section source finds nothing (row-level security)', async () => {
    const c = as('denhaag.generalist', 'integraal');
    expect(await run(c, (tx) => assessmentSection(tx, [PARENT]))).toEqual([]);
  });
});

describe('licensed level texts, per municipality', () => {
  const load = { instrumentId: 'zrm-volwassenen', source: 'Licentie GGD Amsterdam 2026', texts: [{ domain: 'financien', level: 1, text: 'Voorbeeldtekst niveau 1.' }, { domain: 'financien', level: 2, text: 'Voorbeeldtekst niveau 2.' }] };

  it('a functional administrator loads them; only their municipality sees them', async () => {
    const admin = as('rotterdam.beheer');
    expect(await run(admin, (tx) => importLevelTexts(services, tx, admin, load))).toEqual({ instrumentId: 'zrm-volwassenen', loaded: 2 });
    const rotterdam = await run(admin, (tx) => listInstruments(services, tx, admin));
    expect(rotterdam.find((i) => i.id === 'zrm-volwassenen')?.domains[0]?.levels).toEqual([{ level: 1, text: 'Voorbeeldtekst niveau 1.' }, { level: 2, text: 'Voorbeeldtekst niveau 2.' }]);
    const other = as('denhaag.beheer');
    const denhaag = await run(other, (tx) => listInstruments(services, tx, other));
    expect(denhaag.find((i) => i.id === 'zrm-volwassenen')?.levelTextsLoaded).toBe(false);
  });

  it('refuses a bad load with the path of the wrong entry and keeps the loaded texts', async () => {
    const admin = as('rotterdam.beheer');
    await expect(run(admin, (tx) => importLevelTexts(services, tx, admin, { ...load, texts: [{ domain: 'financien', level: 6, text: 'x' }] })))
      .rejects.toMatchObject({ code: 'invalid-input', invalidParams: [{ name: 'texts.0.level' }] });
    const rotterdam = await run(admin, (tx) => listInstruments(services, tx, admin));
    expect(rotterdam.find((i) => i.id === 'zrm-volwassenen')?.domains[0]?.levels).toHaveLength(2);
  });

  it('a caseworker may not load them', async () => {
    const c = as('rotterdam.generalist', 'integraal');
    await expect(run(c, (tx) => importLevelTexts(services, tx, c, load))).rejects.toBeInstanceOf(AccessDenied);
  });
});
