import { appendDomainEvents, sql, withSystem, withTenant, type DomainEvent } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreCatalogue } from './catalogue';
import { refreshAll, refreshIncremental } from './refresh-indicators';

/**
 * One small hand-made fixture per core indicator, in Rotterdam (0599), with noise in Den Haag
 * (0518) that must never count. Every expected figure below is computed by hand in the comment
 * beside it.
 */
const M = '0599';
const OTHER = '0518';
const TEAM = '11111111-1111-4111-8111-111111111111';
let db: TestDatabase;
const at = new Date('2027-02-01T00:00:00Z');

const ev = (type: string, occurredOn: string, subjectRef: string, data: DomainEvent['data'] = {}, extra: Partial<DomainEvent> = {}): DomainEvent => ({ municipalityCode: M, type, occurredOn, subjectRef, data, ...extra });
const score = (subject: string, instrument: string, domain: string | null, on: string, s: number) => ev('assessment.scored', on, subject, { instrument, ...(domain ? { domain } : {}), score: s });

const fixture: DomainEvent[] = [
  // ZRM: A/fin 2 -> 3 after 6.5 months (up); A/werk 3 -> 3 (not up); B/fin 2 -> 1 (down), with an early B/fin score 1 month in that is outside the window.
  score('A', 'zrm', 'financien', '2025-07-01', 2), score('A', 'zrm', 'financien', '2026-01-15', 3), score('A', 'zrm', 'financien', '2026-07-10', 4),
  score('A', 'zrm', 'werk', '2025-07-01', 3), score('A', 'zrm', 'werk', '2026-02-01', 3),
  score('B', 'zrm', 'financien', '2025-08-01', 2), score('B', 'zrm', 'financien', '2025-09-01', 4), score('B', 'zrm', 'financien', '2026-02-10', 1),
  // Participatieladder: C 2 -> 5 (latest within 3..24 months: +3), D 4 -> 3 (-1).
  score('C', 'participatieladder', null, '2025-06-01', 2), score('C', 'participatieladder', null, '2025-12-01', 3), score('C', 'participatieladder', null, '2026-03-01', 5),
  score('D', 'participatieladder', null, '2025-10-01', 4), score('D', 'participatieladder', null, '2026-02-01', 3),
  // Plan goals: 3 reached of 4 closed.
  ev('plan.goal-closed', '2026-01-10', 'p1', { reached: true }), ev('plan.goal-closed', '2026-01-11', 'p1', { reached: true }),
  ev('plan.goal-closed', '2026-02-10', 'p2', { reached: true }), ev('plan.goal-closed', '2026-03-10', 'p2', { reached: false }),
  ev('plan.agreed', '2026-01-05', 'p1'),
  // Closings in 2025-Q4: X returns within a year, Y does not, Z returns after more than a year.
  ev('case.closed', '2025-10-01', 'cx', { client: 'X' }, { law: 'wmo' }), ev('case.closed', '2025-11-01', 'cy', { client: 'Y' }, { law: 'wmo' }), ev('case.closed', '2025-12-01', 'cz', { client: 'Z' }, { law: 'jeugdwet' }),
  ev('case.started', '2026-03-01', 'cx2', { client: 'X' }, { law: 'wmo', teamId: TEAM }), ev('case.started', '2027-01-15', 'cz2', { client: 'Z' }, { law: 'jeugdwet' }),
  ev('case.started', '2026-01-20', 'cw1', { client: 'W' }, { law: 'wmo', teamId: TEAM }), ev('case.started', '2026-02-20', 'cw2', { client: 'W' }, { law: 'jeugdwet' }),
  // Decisions: 10 and 20 days after the melding.
  ev('case.decided', '2026-01-30', 'cw1', { daysSinceMelding: 10 }, { law: 'wmo' }), ev('case.decided', '2026-03-12', 'cw2', { daysSinceMelding: 20 }, { law: 'jeugdwet' }),
  // Terms: onderzoek 3 met of 4; Wmo beschikking 1 of 2; Jeugdwet beschikking 1 of 1.
  ev('case.deadline-met', '2026-01-10', 'c1', { term: 'wmo-onderzoek' }), ev('case.deadline-met', '2026-01-11', 'c2', { term: 'wmo-onderzoek' }),
  ev('case.deadline-met', '2026-01-12', 'c3', { term: 'wmo-onderzoek' }), ev('case.deadline-missed', '2026-01-13', 'c4', { term: 'wmo-onderzoek', daysLate: 4 }),
  ev('case.deadline-met', '2026-02-01', 'c1', { term: 'wmo-beschikking' }), ev('case.deadline-missed', '2026-02-02', 'c2', { term: 'wmo-beschikking', daysLate: 1 }),
  ev('case.deadline-met', '2026-02-03', 'c5', { term: 'jeugdwet-beschikking' }),
  // Wgs: 4 first conversations, 3 in time; 2 solutions.
  ev('debt.first-conversation-held', '2026-01-02', 'd1', { withinTerm: true }, { law: 'wgs' }), ev('debt.first-conversation-held', '2026-01-03', 'd2', { withinTerm: true }, { law: 'wgs' }),
  ev('debt.first-conversation-held', '2026-01-04', 'd3', { withinTerm: true }, { law: 'wgs' }), ev('debt.first-conversation-held', '2026-01-05', 'd4', { withinTerm: false }, { law: 'wgs' }),
  ev('debt.solution-agreed', '2026-03-01', 'd1', {}, { law: 'wgs' }), ev('debt.solution-agreed', '2026-03-02', 'd2', {}, { law: 'wgs' }),
  ev('debt.amount-forgiven', '2026-03-03', 'd1', { amountCents: 50_000 }, { law: 'wgs' }), ev('debt.amount-forgiven', '2026-03-04', 'd2', { amountCents: 25_000 }, { law: 'wgs' }),
  // Invoices: 2 of 3 approved lines on first submission; EUR 600 for 2 clients.
  ev('exchange.invoice-line-approved', '2026-02-01', 'k1', { amountCents: 10_000, firstSubmission: true }, { law: 'wmo' }),
  ev('exchange.invoice-line-approved', '2026-02-02', 'k1', { amountCents: 20_000, firstSubmission: true }, { law: 'wmo' }),
  ev('exchange.invoice-line-approved', '2026-02-03', 'k2', { amountCents: 30_000, firstSubmission: false }, { law: 'jeugdwet' }),
  ev('offering.participant-joined', '2026-01-08', 'o1'), ev('offering.participant-joined', '2026-01-09', 'o2'),
  // Den Haag: must never show up in Rotterdam's figures.
  { ...ev('case.started', '2026-01-20', 'dh1', { client: 'X' }, { law: 'wmo' }), municipalityCode: OTHER },
  { ...ev('plan.goal-closed', '2026-01-10', 'dh2', { reached: false }), municipalityCode: OTHER },
];

async function value(id: string, period: string, law = '*', team = '*'): Promise<number | null | undefined> {
  const r = await withTenant(db.db, M, (tx) => sql<{ value: string | null }>`select value from indicator_values where indicator_id = ${id} and period = ${period} and law = ${law} and team = ${team}`.execute(tx));
  const row = r.rows[0];
  return row === undefined ? undefined : row.value === null ? null : Number(row.value);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await withSystem(db.db, async (tx) => {
    await sql`insert into municipalities (code, name, province) values (${M}, 'Rotterdam', 'Zuid-Holland'), (${OTHER}, '''s-Gravenhage', 'Zuid-Holland')`.execute(tx);
    await sql`insert into insight_population (code, year, residents) values (${M}, 2026, 1000)`.execute(tx);
    await appendDomainEvents(tx, fixture);
    await refreshAll(tx, at);
  });
});
afterAll(async () => db?.close());

describe('the core indicators on a hand-computed fixture', () => {
  it('ZRM improvement after 6 months: 1 of 3 domain pairs improved = 33.33%', async () => expect(await value('zrm-improved-6m', '2026-Q1')).toBe(33.33));
  it('ZRM improvement after 12 months: A/financien 2 -> 4 = 100%', async () => expect(await value('zrm-improved-12m', '2026-Q3')).toBe(100));
  it('Participatieladder steps up: (+3 + -1) / 2 = 1 step', async () => expect(await value('ladder-steps-up', '2026-Q1')).toBe(1));
  it('plan goals reached: 3 of 4 = 75%', async () => expect(await value('plan-goals-reached', '2026-Q1')).toBe(75));
  it('return within 12 months: 1 of 3 closings = 33.33%', async () => expect(await value('return-within-12m', '2025-Q4')).toBe(33.33));
  it('debt solution after first conversation: 2 of 4 = 50%', async () => expect(await value('debt-solution-reached', '2026-Q1')).toBe(50));
  it('cases started: 3 in 2026-Q1, 2 of them Wmo, 2 in the team', async () => {
    expect(await value('cases-started', '2026-Q1')).toBe(3);
    expect(await value('cases-started', '2026-Q1', 'wmo')).toBe(2);
    expect(await value('cases-started', '2026-Q1', '*', TEAM)).toBe(2);
  });
  it('decisions made: 2', async () => expect(await value('decisions-made', '2026-Q1')).toBe(2));
  it('plans agreed: 1', async () => expect(await value('plans-agreed', '2026-Q1')).toBe(1));
  it('group participations: 2', async () => expect(await value('group-participations', '2026-Q1')).toBe(2));
  it('clients per 1,000 residents: 2 distinct clients (X, W) of 1,000 = 2', async () => expect(await value('clients-per-1000', '2026-Q1')).toBe(2));
  it('Wmo onderzoek within 6 weeks: 3 of 4 = 75%', async () => expect(await value('wmo-onderzoek-in-time', '2026-Q1')).toBe(75));
  it('Wmo beschikking within 2 weeks: 1 of 2 = 50%', async () => expect(await value('wmo-beschikking-in-time', '2026-Q1')).toBe(50));
  it('Jeugdwet beschikking within 8 weeks: 1 of 1 = 100%', async () => expect(await value('jeugd-beschikking-in-time', '2026-Q1')).toBe(100));
  it('Wgs first conversation within term: 3 of 4 = 75%', async () => expect(await value('wgs-first-conversation-in-time', '2026-Q1')).toBe(75));
  it('days from melding to decision: (10 + 20) / 2 = 15', async () => expect(await value('days-to-decision', '2026-Q1')).toBe(15));
  it('cases closed: 3 in 2025-Q4', async () => expect(await value('cases-closed', '2025-Q4')).toBe(3));
  it('invoices approved first time: 2 of 3 = 66.67%', async () => expect(await value('invoices-approved-first-time', '2026-Q1')).toBe(66.67));
  it('cost per client: EUR 600 / 2 clients = 300; Wmo alone EUR 300 / 1 = 300, Jeugdwet 300 / 1', async () => {
    expect(await value('cost-per-client', '2026-Q1')).toBe(300);
    expect(await value('cost-per-client', '2026-Q1', 'jeugdwet')).toBe(300);
  });
  it('debt fund forgiven per client: EUR 750 / 2 = 375', async () => expect(await value('debt-fund-forgiven-per-client', '2026-Q1')).toBe(375));

  it('covers every core indicator with a figure', async () => {
    const r = await withTenant(db.db, M, (tx) => sql<{ indicator_id: string }>`select distinct indicator_id from indicator_values`.execute(tx));
    expect(r.rows.map((x) => x.indicator_id).sort()).toEqual(coreCatalogue().indicators.map((i) => i.id).sort());
  });

  it('traces each figure to its inputs: events used, definition version', async () => {
    const r = await withTenant(db.db, M, (tx) => sql<{ input_events: string; definition_version: number; numerator: string; denominator: string }>`
      select input_events, definition_version, numerator, denominator from indicator_values where indicator_id = 'wmo-onderzoek-in-time' and period = '2026-Q1' and law = '*' and team = '*'`.execute(tx));
    expect(r.rows[0]).toMatchObject({ definition_version: 1 });
    expect(Number(r.rows[0]?.input_events)).toBe(4);
    expect([Number(r.rows[0]?.numerator), Number(r.rows[0]?.denominator)]).toEqual([3, 4]);
  });

  it('keeps Den Haag\'s figures out of Rotterdam\'s and hides Rotterdam\'s from Den Haag', async () => {
    const other = await withTenant(db.db, OTHER, (tx) => sql<{ municipality_code: string }>`select distinct municipality_code from indicator_values`.execute(tx));
    expect(other.rows.map((r) => r.municipality_code)).toEqual([OTHER]);
  });

  it('an incremental refresh after new events gives the same cells as a full refresh, including the window back for returns', async () => {
    await withSystem(db.db, async (tx) => {
      await appendDomainEvents(tx, [
        ev('plan.goal-closed', '2026-03-20', 'p3', { reached: false }),
        ev('case.started', '2026-05-01', 'cy2', { client: 'Y' }, { law: 'wmo' }),
        score('D', 'participatieladder', null, '2026-05-01', 6),
      ]);
      const r = await refreshIncremental(tx, at);
      expect(r.toEventId - r.fromEventId).toBe(3);
      // A back-dated ZRM score becomes A's new first for financien: pairs move in every quarter.
      await appendDomainEvents(tx, [score('A', 'zrm', 'financien', '2025-05-01', 1), score('B', 'zrm', 'werk', '2026-03-01', 2)]);
      await refreshIncremental(tx, at);
    });
    expect(await value('plan-goals-reached', '2026-Q1')).toBe(60); // 3 of 5
    expect(await value('return-within-12m', '2025-Q4')).toBe(66.67); // X and Y returned
    expect(await value('ladder-steps-up', '2026-Q2')).toBe(2); // D: 4 -> 6 now the latest
    expect(await value('ladder-steps-up', '2026-Q1')).toBe(3); // only C left in Q1
    const snapshot = async () => (await withSystem(db.db, (tx) => sql<{ k: string }>`select municipality_code || indicator_id || period || law || team || ':' || numerator || '/' || coalesce(denominator::text, '') || '=' || coalesce(value::text, '') || '#' || input_events as k from indicator_values order by 1`.execute(tx))).rows.map((r) => r.k);
    const incremental = await snapshot();
    await withSystem(db.db, (tx) => refreshAll(tx, at));
    expect(await snapshot()).toEqual(incremental);
  });
});
