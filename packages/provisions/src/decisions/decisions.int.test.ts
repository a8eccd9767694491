import { AccessDenied } from '@kern/access';
import { readCase } from '@kern/cases';
import { sql, withSystem } from '@kern/db';
import { DomainError } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvisionsTestKit, type ProvisionsTestKit } from '@kern/seed/testing';
import { decisionsForCase, decisionsForPerson, listResidentDecisions, readDecision } from './read-decisions';
import { recordDecision } from './record-decision';

const PARENT = '999991838';
const CHILD = '999990342';
const STRANGER = '999993872';

let kit: ProvisionsTestKit;
beforeAll(async () => {
  kit = await startProvisionsTestKit();
});
afterAll(async () => kit?.close());

const homeCare = { category: '01', productCode: '01A01', form: 'zin' as const, volume: 3, unit: '04', frequency: '2', validFrom: '2026-04-01', validTo: '2026-12-31' };
const pgb = { category: '02', form: 'pgb' as const, pgbAmountCents: 450_000, validFrom: '2026-04-01', validTo: '2026-12-31' };

const events = async (type: string) =>
  (await withSystem(kit.database.db, (tx) => sql<{ subject_ref: string; data: Record<string, unknown>; law: string }>`select subject_ref, data, law from domain_events where type = ${type}`.execute(tx))).rows;

async function expectRefused(p: Promise<unknown>, code: string): Promise<DomainError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e, `expected ${code}`).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe(code);
  return e as DomainError;
}

describe('recording a decision (beschikking) at the besluit step', () => {
  let caseId = '';
  beforeAll(async () => {
    caseId = await kit.wmoCaseAtDecision(PARENT);
  });

  it('refuses bad provisions as a whole, naming each problem, and writes nothing', async () => {
    const before = { d: await kit.count('decisions'), p: await kit.count('granted_provisions'), e: await kit.count('domain_events') };
    const decider = await kit.actor('rotterdam.besluit');
    const e = await expectRefused(kit.as(decider, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, caseId, {
      outcome: 'granted',
      reasons: 'U krijgt hulp bij het huishouden.',
      provisions: [
        { ...homeCare, category: '45' },
        { ...homeCare, validTo: null },
        { category: '02', form: 'pgb', validFrom: '2026-04-01', validTo: '2026-12-31' },
        { ...homeCare, unit: '16', frequency: '1' },
      ],
    })), 'invalid-input');
    expect(e.invalidParams.map((p) => p.name)).toEqual(['provisions[0].category', 'provisions[1].validTo', 'provisions[2].pgbAmountCents', 'provisions[3].frequency']);
    expect(e.userMessage.nl).toMatch(/per week/);
    expect({ d: await kit.count('decisions'), p: await kit.count('granted_provisions'), e: await kit.count('domain_events') }).toEqual(before);
  });

  it('refuses a decision dated before the melding or in the future', async () => {
    const decider = await kit.actor('rotterdam.besluit');
    for (const decidedOn of ['2026-03-01', '2026-03-25']) {
      const e = await expectRefused(kit.as(decider, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, caseId, { outcome: 'granted', reasons: 'U krijgt hulp bij het huishouden.', decidedOn, provisions: [homeCare] })), 'invalid-input');
      expect(e.invalidParams.map((p) => p.name)).toEqual(['decidedOn']);
    }
  });

  it('refuses a refusal that grants provisions and a grant without any', async () => {
    const decider = await kit.actor('rotterdam.besluit');
    await expectRefused(kit.as(decider, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, caseId, { outcome: 'refused', reasons: 'Er is geen noodzaak gebleken.', provisions: [homeCare] })), 'invalid-input');
    await expectRefused(kit.as(decider, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, caseId, { outcome: 'granted', reasons: 'U krijgt hulp bij het huishouden.', provisions: [] })), 'invalid-input');
  });

  it('does not let a role the besluit step does not name decide (the investigator)', async () => {
    const generalist = await kit.actor('rotterdam.generalist');
    await expectRefused(kit.as(generalist, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, caseId, { outcome: 'granted', reasons: 'U krijgt hulp bij het huishouden.', provisions: [homeCare] })), 'forbidden');
  });

  it('records a grant with a zin and a pgb provision, the objection term per Awb 6:7 with the Atw, and takes the next step in the same transaction', async () => {
    const decider = await kit.actor('rotterdam.besluit');
    const r = await kit.as(decider, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, caseId, {
      outcome: 'granted',
      reasons: 'U krijgt drie uur hulp bij het huishouden per week en een persoonsgebonden budget voor begeleiding.',
      provisions: [homeCare, pgb],
      transition: { to: 'toewijzen', fields: { besluit: 'toekennen', toegekendeCategorieen: ['01', '02'], motivering: 'Voldoet aan de verordening.' } },
    }));
    expect(r.decision).toMatchObject({ outcome: 'granted', law: 'wmo', subjectBsn: PARENT, decidedOn: '2026-03-24' });
    // Six weeks from 24 March end on 5 May, Liberation Day (a holiday for statutory terms): the term ends the day after.
    expect(r.decision.objectionUntil).toBe('2026-05-06');
    expect(r.decision.provisions.map((p) => [p.standard, p.category, p.form])).toEqual([['iwmo', '01', 'zin'], ['iwmo', '02', 'pgb']]);
    expect(r.case).toEqual({ stepId: 'toewijzen', status: 'open' });
    const decided = await events('provisions.decided');
    expect(decided).toHaveLength(1);
    expect(decided[0]?.data).toMatchObject({ outcome: 'granted', provisions: 2, zin: 1, pgb: 1, categories: '01,02' });
    expect(JSON.stringify(decided)).not.toContain(PARENT);
  });

  it('refuses a decision once the case has left the besluit step', async () => {
    const decider = await kit.actor('rotterdam.besluit');
    await expectRefused(kit.as(decider, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, caseId, { outcome: 'refused', reasons: 'Er is geen noodzaak gebleken.' })), 'conflict');
  });

  it('gives other modules the decisions per person and per case', async () => {
    const wmo = await kit.actor('rotterdam.wmo');
    await kit.as(wmo, 'wmo', async (tx) => {
      expect((await decisionsForPerson(tx, PARENT)).map((d) => d.caseId)).toEqual([caseId]);
      expect((await decisionsForCase(tx, caseId))[0]?.reasons).toMatch(/drie uur/);
      expect(await decisionsForPerson(tx, STRANGER)).toEqual([]);
    });
  });

  it('records a refusal without provisions and one decision per visit to the step', async () => {
    const other = await kit.wmoCaseAtDecision(STRANGER);
    const decider = await kit.actor('rotterdam.besluit');
    const r = await kit.as(decider, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, other, { outcome: 'refused', reasons: 'Uw netwerk kan deze hulp bieden; daarom wijzen wij de aanvraag af.' }));
    expect(r.decision.provisions).toEqual([]);
    await expectRefused(kit.as(decider, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, other, { outcome: 'refused', reasons: 'Nog een keer afgewezen.' })), 'conflict');
  });

  it('holds the youth consultant to the werkwijze mandate per category (een-loket: 40-45)', async () => {
    const youthCase = await kit.youthCaseAtDecision(CHILD);
    const jeugd = await kit.actor('rotterdam.jeugd');
    const ambulant = { category: '45', productCode: '45A03', form: 'zin' as const, volume: 2, unit: '04', frequency: '2', validFrom: '2026-04-01', validTo: '2026-09-30' };
    await expectRefused(kit.as(jeugd, 'jeugdwet', (tx, ctx) => recordDecision(kit.services, tx, ctx, youthCase, { outcome: 'granted', reasons: 'Uw kind krijgt ambulante hulp.', provisions: [{ ...ambulant, category: '46', productCode: '46A01' }] })), 'forbidden');
    const ok = await kit.as(jeugd, 'jeugdwet', (tx, ctx) => recordDecision(kit.services, tx, ctx, youthCase, { outcome: 'granted', reasons: 'Uw kind krijgt twee uur ambulante jeugdhulp per week.', provisions: [ambulant] }));
    expect(ok.decision.provisions[0]).toMatchObject({ standard: 'ijw', category: '45' });
  });
});

describe('who sees decisions', () => {
  let decisionId = '';
  let caseId = '';
  beforeAll(async () => {
    const wmo = await kit.actor('rotterdam.wmo');
    const list = await kit.as(wmo, 'wmo', (tx, ctx) => listResidentDecisions(kit.services, tx, ctx, PARENT));
    decisionId = list[0]?.id ?? '';
    caseId = list[0]?.caseId ?? '';
    expect(decisionId).not.toBe('');
  });

  it('shows a decision to the Wmo consultant of the team and audits the read in the same transaction', async () => {
    const auditBefore = await kit.count('audit_log');
    const wmo = await kit.actor('rotterdam.wmo');
    const d = await kit.as(wmo, 'wmo', (tx, ctx) => readDecision(kit.services, tx, ctx, decisionId));
    expect(d.reasons).toMatch(/drie uur/);
    const audit = await withSystem(kit.database.db, (tx) => sql<{ resource: string; subject_bsn: string; outcome: string }>`select resource, subject_bsn, outcome from audit_log order by seq desc limit 1`.execute(tx));
    expect(await kit.count('audit_log')).toBe(auditBefore + 1);
    expect(audit.rows[0]).toMatchObject({ resource: 'decision', subject_bsn: PARENT, outcome: 'allowed' });
  });

  it('refuses a Wmo consultant of another team, with the denial on record', async () => {
    const zuid = await kit.newStaff('0599', 'rotterdam.wmo.elders', ['wmo-consultant']);
    const denied = await withSystem(kit.database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from audit_log where outcome = 'denied'`.execute(tx));
    await expect(kit.as(zuid, 'wmo', (tx, ctx) => readDecision(kit.services, tx, ctx, decisionId))).rejects.toBeInstanceOf(AccessDenied);
    const after = await withSystem(kit.database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from audit_log where outcome = 'denied'`.execute(tx));
    expect(after.rows[0]?.n).toBe((denied.rows[0]?.n ?? 0) + 1);
  });

  it('refuses the youth team under the Jeugdwet (another law) and a role without the purpose', async () => {
    await expectRefused(kit.as(await kit.actor('rotterdam.jeugd'), 'jeugdwet', (tx, ctx) => readDecision(kit.services, tx, ctx, decisionId)), 'forbidden');
    await expectRefused(kit.as(await kit.actor('rotterdam.inkomen'), 'wmo', (tx, ctx) => readDecision(kit.services, tx, ctx, decisionId)), 'forbidden');
    await expectRefused(kit.as(await kit.actor('rotterdam.kwaliteit'), 'wmo', (tx, ctx) => readDecision(kit.services, tx, ctx, decisionId)), 'forbidden');
  });

  it('shows another municipality nothing: not the decision, not the case', async () => {
    const haag = await kit.actor('denhaag.besluit');
    await expectRefused(kit.as(haag, 'wmo', (tx, ctx) => readDecision(kit.services, tx, ctx, decisionId)), 'not-found');
    await expectRefused(kit.as(haag, 'wmo', (tx, ctx) => readCase(kit.services, tx, ctx, caseId)), 'not-found');
    await kit.as(haag, 'wmo', async (tx) => expect(await decisionsForPerson(tx, PARENT)).toEqual([]));
  });
});
