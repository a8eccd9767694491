import { sql, withSystem } from '@kern/db';
import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

const RESIDENT = '999993872';
let kern: TestKern;
let analyst: Agent;
let beheer: Agent;
let teamId = '';

beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
  analyst = await kern.login('rotterdam.kwaliteit');
  beheer = await kern.login('rotterdam.beheer');
  teamId = (await withSystem(kern.services.db, (tx) => sql<{ id: string }>`select id from teams where municipality_code = '0599' order by name limit 1`.execute(tx))).rows[0]?.id ?? '';
  // Enough events in both demo municipalities and a third, so the benchmark has cells above and below the threshold.
  await withSystem(kern.services.db, async (tx) => {
    await sql`insert into insight_population (code, year, residents) values ('0599', 2026, 670000), ('0518', 2026, 560000), ('0363', 2026, 930000)`.execute(tx);
    for (const [code, n] of [['0599', 200], ['0518', 150], ['0363', 120]] as const) {
      await sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, data)
        select ${code}, 'debt.first-conversation-held', date '2026-01-01' + (g % 80), 'dossier-' || g, 'wgs', jsonb_build_object('withinTerm', g % 4 <> 0)
        from generate_series(1, ${n}::int) g`.execute(tx);
      // Three Jeugdwet decisions only: a small cell that must be suppressed, with its complement.
      await sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, data)
        select ${code}, case when g % 2 = 0 then 'case.deadline-met' else 'case.deadline-missed' end, date '2026-02-01', 'zaak-' || g, case when g <= 3 then 'jeugdwet' else 'wmo' end,
          jsonb_build_object('term', 'wmo-onderzoek')
        from generate_series(1, ${n}::int) g`.execute(tx);
    }
    await sql`insert into benchmark_participation (municipality_code, opted_in, changed_at) values ('0363', true, now())`.execute(tx);
  });
});
afterAll(async () => kern?.close());

describe('cases write domain events for insight, without personal data', () => {
  it('records case.started with a pseudonymous client, and step, deadline and decision events as the case moves', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const start = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: RESIDENT, meldingDate: '2026-03-20', fields: { hulpvraag: 'Hulp bij het huishouden' } },
    });
    expect(start.statusCode, start.body).toBe(201);
    const caseId = start.json<{ caseId: string }>().caseId;
    const step = (to: string, fields: Record<string, unknown> = {}) => generalist.request('POST', `/api/v1/cases/${caseId}/transitions`, { purpose: 'wmo', body: { to, fields } });
    expect((await step('onderzoeken')).statusCode).toBe(200);
    expect((await step('advies-opstellen', { gespreksverslag: 'Keukentafelgesprek gevoerd met cliënt.', clientondersteuningAangeboden: true })).statusCode).toBe(200);
    expect((await step('aanvraag', { advies: 'Huishoudelijke ondersteuning, 3 uur per week.', geadviseerdeCategorieen: ['01'] })).statusCode).toBe(200);
    const events = (await withSystem(kern.services.db, (tx) => sql<{ type: string; subject_ref: string; occurred_on: string | Date; law: string; data: Record<string, unknown> }>`
      select type, subject_ref, occurred_on, law, data from domain_events where subject_ref = ${caseId} order by id`.execute(tx))).rows;
    expect(events.map((e) => e.type)).toEqual(['case.started', 'case.step-completed', 'case.step-completed', 'case.step-completed', 'case.deadline-met']);
    expect(events[0]?.data.client).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[1]?.data).toMatchObject({ phase: 'melding', step: 'melding' });
    expect(events[4]?.data).toMatchObject({ term: 'wmo-onderzoek', daysLate: 0 });
    expect(events.every((e) => e.law === 'wmo')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(RESIDENT);
  });
});

describe('indicators over HTTP', () => {
  it('refreshes through the job queue and shows the figures with their inputs', async () => {
    const res = await analyst.request('POST', '/api/v1/insight/refresh-jobs', { body: { kind: 'full' } });
    expect(res.statusCode, res.body).toBe(202);
    const values = await analyst.request('GET', '/api/v1/insight/values?indicator=wgs-first-conversation-in-time');
    expect(values.statusCode).toBe(200);
    const q1 = values.json<{ period: string; numerator: number; denominator: number; value: number; inputEvents: number }[]>().find((v) => v.period === '2026-Q1');
    expect(q1).toMatchObject({ numerator: 150, denominator: 200, value: 75, inputEvents: 200 });
  });

  it('exports the values as CSV', async () => {
    const csv = await analyst.request('GET', '/api/v1/insight/values?indicator=wgs-first-conversation-in-time&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toBe('indicatorId,period,law,team,numerator,denominator,value,inputEvents,definitionVersion,computedAt');
    expect(csv.body).toContain('wgs-first-conversation-in-time,2026-Q1,*,*,150,200,75,');
  });

  it('refuses a caseworker (no steering role) and shows Den Haag nothing of Rotterdam', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    expect((await wmo.request('GET', '/api/v1/insight/values')).statusCode).toBe(403);
    expect((await wmo.request('GET', '/api/v1/insight/benchmark/export')).statusCode).toBe(403);
    const dh = await kern.login('denhaag.kwaliteit');
    const theirs = dh.request('GET', '/api/v1/insight/values?indicator=wgs-first-conversation-in-time');
    const rows = (await theirs).json<{ numerator: number }[]>();
    expect(rows.map((r) => r.numerator)).not.toContain(150); // Rotterdam's figure
    expect(rows.find((r) => r.numerator === 112.5 || r.numerator === 113 || r.numerator === 112)).toBeDefined(); // their own 150 * 3/4
    // Not published: Den Haag's benchmark view has no Rotterdam figure either.
    const cmp = await dh.request('GET', '/api/v1/insight/benchmark?indicator=wgs-first-conversation-in-time');
    expect(cmp.json<{ rows: { municipalities: number }[] }>().rows.every((r) => r.municipalities === 0)).toBe(true);
  });

  it('accepts a valid local indicator and refuses an invalid one with the field named', async () => {
    const ok = await analyst.request('POST', '/api/v1/insight/indicators', {
      body: { id: 'local-vroegsignalen', version: 1, level: 'output', unit: 'count', better: 'neutral', title: { nl: 'Vroegsignalen', en: 'Early signals' }, explanation: { nl: 'Aantal signalen', en: 'Number of signals' }, measure: { kind: 'count', event: { type: 'debt.signal-received' } } },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await analyst.request('POST', '/api/v1/insight/indicators', { body: { id: 'local-x1', measure: { kind: 'sum' } } });
    expect(bad.statusCode).toBe(400);
    const list = await analyst.request('GET', '/api/v1/insight/indicators');
    expect(list.json<{ core: unknown[]; local: { id: string }[] }>()).toMatchObject({ local: [{ id: 'local-vroegsignalen' }] });
  });
});

describe('the benchmark', () => {
  it('publishes suppressed aggregates of municipalities that opted in, and compares with peers and the national median', async () => {
    expect((await analyst.request('PUT', '/api/v1/insight/benchmark/participation', { body: { optedIn: true } })).statusCode).toBe(403);
    const opt = await beheer.request('PUT', '/api/v1/insight/benchmark/participation', { body: { optedIn: true } });
    expect(opt.statusCode, opt.body).toBe(200);
    const cmp = await analyst.request('GET', '/api/v1/insight/benchmark?indicator=wgs-first-conversation-in-time');
    const row = cmp.json<{ sizeClass: string; rows: { period: string; own: number; nationalMedian: number; municipalities: number; peers: number }[] }>();
    expect(row.sizeClass).toBe('250k+');
    // 0599 and 0363 published (Den Haag did not opt in): 75% both.
    expect(row.rows.find((r) => r.period === '2026-Q1')).toMatchObject({ own: 75, nationalMedian: 75, municipalities: 2, peers: 1 });
  });

  it('suppresses small cells and their complement, so no hidden figure follows by subtraction', async () => {
    const rows = (await analyst.request('GET', '/api/v1/insight/benchmark/export?indicator=wmo-onderzoek-in-time')).json<{ municipalityCode: string; law: string; suppressed: boolean; denominator: number | null; numerator: number | null }[]>();
    const rotterdam = rows.filter((r) => r.municipalityCode === '0599');
    expect(rotterdam.find((r) => r.law === 'jeugdwet')).toMatchObject({ suppressed: true, denominator: null, numerator: null });
    // Wmo = total - 3: published alone it would give the Jeugdwet cell away.
    expect(rotterdam.find((r) => r.law === 'wmo')?.suppressed).toBe(true);
    for (const r of rows.filter((x) => !x.suppressed)) {
      expect(r.denominator ?? 10).toBeGreaterThanOrEqual(10);
      expect(r.numerator ?? 10).toBeGreaterThanOrEqual(10);
    }
  });

  it('exports no BSN, name, address, birth date or free text (JSON and CSV scanned)', async () => {
    const json = await analyst.request('GET', '/api/v1/insight/benchmark/export');
    const csv = await analyst.request('GET', '/api/v1/insight/benchmark/export?format=csv');
    const rows = json.json<Record<string, unknown>[]>();
    expect(rows.length).toBeGreaterThan(10);
    const allowed = ['municipalityCode', 'indicatorId', 'period', 'law', 'sizeClass', 'numerator', 'denominator', 'value', 'suppressed', 'definitionVersion'];
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual([...allowed].sort());
      for (const v of Object.values(r)) {
        if (typeof v === 'string') expect(v).toMatch(/^([0-9]{4}|[a-z0-9-]+|[0-9]{4}-Q[1-4]|\*|-|<20k|20k-50k|50k-100k|100k-250k|250k\+)$/);
      }
    }
    for (const body of [json.body, csv.body]) {
      expect(body).not.toMatch(/\b\d{9}\b/); // BSN
      expect(body).not.toMatch(/\b\d{4}\s?[A-Z]{2}\b/); // postcode
      expect(body).not.toMatch(/\b(19|20)\d{2}-\d{2}-\d{2}\b/); // a date, such as a birth date
      expect(body).not.toMatch(/Braveheart|Goulouse|Janssen|Overvaart|straat|laan|weg\b/i); // names and addresses of the demo residents
      expect(body).not.toContain(RESIDENT);
    }
  });
});

describe('experiments', () => {
  async function plant(team: string, baselineShare: number, experimentShare: number, tag: string) {
    await withSystem(kern.services.db, (tx) => sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, team_id, data)
      select '0599', 'plan.goal-closed', case when g <= 400 then date '2025-03-01' + (g % 90) else date '2025-09-01' + (g % 90) end, ${tag} || g, 'wmo', ${team}::uuid,
        jsonb_build_object('reached', case when g <= 400 then (g % 100) < ${baselineShare * 100} else (g % 100) < ${experimentShare * 100} end)
      from generate_series(1, 800) g`.execute(tx));
  }
  const register = (team: string, title: string) => analyst.request('POST', '/api/v1/insight/experiments', {
    body: { title, hypothesis: 'Een vaste contactpersoon vergroot het aandeel bereikte doelen.', intervention: 'Vaste contactpersoon per huishouden', targetGroup: 'Huishoudens met een plan',
      indicatorId: 'plan-goals-reached', teamId: team, baselineFrom: '2025-03-01', baselineTo: '2025-05-31', periodFrom: '2025-09-01', periodTo: '2025-11-30' },
  });

  it('detects a planted effect (40% -> 60% goals reached) and writes it up', async () => {
    await plant(teamId, 0.4, 0.6, 'planted-');
    const created = await register(teamId, 'Vaste contactpersoon');
    expect(created.statusCode, created.body).toBe(201);
    const res = await analyst.request('POST', `/api/v1/insight/experiments/${created.json<{ id: string }>().id}/evaluation`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json<{ result: { detected: boolean; difference: number; better: string; ci95: [number, number] }; writeUp: string }>();
    expect(e.result).toMatchObject({ detected: true, better: 'yes' });
    expect(e.result.difference).toBeCloseTo(0.2, 5);
    expect(e.writeUp).toMatch(/aangetoond/);
  });

  it('finds no effect where none was planted', async () => {
    const other = (await withSystem(kern.services.db, (tx) => sql<{ id: string }>`select id from teams where municipality_code = '0599' and id <> ${teamId}::uuid order by name limit 1`.execute(tx))).rows[0]?.id ?? '';
    await plant(other, 0.5, 0.5, 'null-');
    const created = await register(other, 'Nuleffect');
    const e = (await analyst.request('POST', `/api/v1/insight/experiments/${created.json<{ id: string }>().id}/evaluation`)).json<{ result: { detected: boolean; difference: number } }>();
    expect(e.result.detected).toBe(false);
    expect(e.result.difference).toBeCloseTo(0, 5);
    expect((await analyst.request('GET', '/api/v1/insight/experiments')).json<unknown[]>()).toHaveLength(2);
  });

  it('refuses to register an experiment on a count indicator', async () => {
    const res = await analyst.request('POST', '/api/v1/insight/experiments', {
      body: { title: 'Tellen', hypothesis: 'Meer zaken door betere bereikbaarheid.', intervention: 'Avondspreekuur', targetGroup: 'Iedereen', indicatorId: 'cases-started', teamId: null,
        baselineFrom: '2025-01-01', baselineTo: '2025-03-31', periodFrom: '2025-04-01', periodTo: '2025-06-30' },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('leertafel stories', () => {
  it('exports a case without identifiers, dates or free text once enough similar cases exist, and refuses a rare one', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const start = async (bsn: string) => (await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: bsn, householdBsns: [bsn], meldingDate: '2026-03-02', fields: { hulpvraag: 'Mevrouw Jansen uit de Dorpsstraat 12 wil hulp bij het huishouden' } },
    })).json<{ caseId: string; reference: string }>();
    const wgs = await kern.login('rotterdam.schuld');
    const rare = await wgs.request('POST', '/api/v1/cases', { purpose: 'wgs', body: { werkwijzeId: 'een-loket', caseTypeId: 'schuldhulp', subjectBsn: RESIDENT, fields: {} } });
    expect(rare.statusCode, rare.body).toBe(201);
    const first = await start(RESIDENT);
    for (let i = 0; i < 5; i++) await start(RESIDENT);
    const res = await generalist.request('GET', `/api/v1/insight/leertafel/cases/${first.caseId}`, { purpose: 'wmo' });
    expect(res.statusCode, res.body).toBe(200);
    const story = res.json<{ k: number; law: string; timeline: { day: number }[]; recorded: { field: string; value: unknown }[] }>();
    expect(story.k).toBeGreaterThanOrEqual(5);
    expect(story.law).toBe('wmo');
    expect(story.recorded).toEqual([{ field: 'hulpvraag', value: null }]);
    expect(res.body).not.toMatch(/\d{9}/);
    expect(res.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(res.body).not.toContain(first.reference);
    expect(res.body).not.toMatch(/Jansen|Dorpsstraat|Sanne|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Someone without a relation to the case gets nothing.
    const youth = await kern.login('rotterdam.jeugd');
    expect((await youth.request('GET', `/api/v1/insight/leertafel/cases/${first.caseId}`, { purpose: 'wmo' })).statusCode).toBe(403);
    // The only Wgs case: too rare to be anonymous at any level of generalisation.
    const r = await wgs.request('GET', `/api/v1/insight/leertafel/cases/${rare.json<{ caseId: string }>().caseId}`, { purpose: 'wgs' });
    expect(r.statusCode, r.body).toBe(409);
  });
});

describe('dashboard filters: team (neighbourhood) and period', () => {
  const teamByName = async (name: string) => (await withSystem(kern.services.db, (tx) => sql<{ id: string }>`select id from teams where municipality_code = '0599' and name = ${name}`.execute(tx))).rows[0]?.id ?? '';

  it('lists the teams with their area for the filter, to steering roles of the own municipality only', async () => {
    const res = await analyst.request('GET', '/api/v1/insight/teams');
    expect(res.statusCode, res.body).toBe(200);
    const teams = res.json<{ teams: { id: string; name: string; area: string | null }[] }>().teams;
    expect(teams).toContainEqual({ id: await teamByName('Wijkteam Noord'), name: 'Wijkteam Noord', area: 'Noord' });
    const dh = (await (await kern.login('denhaag.kwaliteit')).request('GET', '/api/v1/insight/teams')).json<{ teams: { id: string }[] }>().teams;
    expect(dh.length).toBeGreaterThan(0);
    expect(dh.map((t) => t.id)).not.toContain(await teamByName('Wijkteam Noord'));
    expect((await (await kern.login('rotterdam.wmo')).request('GET', '/api/v1/insight/teams')).statusCode).toBe(403);
  });

  it('returns the cells of one team and one period range, in JSON and in CSV alike', async () => {
    const noord = await teamByName('Wijkteam Noord');
    const zuid = await teamByName('Wijkteam Zuid');
    // 2024-Q2: Noord 30 of 40 goals reached, Zuid 10 of 40; 2024-Q3: Noord 5 of 10.
    await withSystem(kern.services.db, (tx) => sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, team_id, data)
      select '0599', 'plan.goal-closed', case when g <= 80 then date '2024-04-01' + (g % 60) else date '2024-07-01' + (g % 60) end, 'filter-' || g, 'wmo',
        case when g <= 40 or g > 80 then ${noord}::uuid else ${zuid}::uuid end,
        jsonb_build_object('reached', case when g <= 40 then g <= 30 when g <= 80 then g <= 50 else g <= 85 end)
      from generate_series(1, 90) g`.execute(tx));
    expect((await analyst.request('POST', '/api/v1/insight/refresh-jobs', { body: { kind: 'full' } })).statusCode).toBe(202);
    const q = `indicator=plan-goals-reached&team=${noord}&from=2024-Q2&to=2024-Q2`;
    const json = (await analyst.request('GET', `/api/v1/insight/values?${q}`)).json<{ period: string; team: string; law: string; numerator: number; denominator: number; value: number }[]>();
    expect(json).toEqual([expect.objectContaining({ period: '2024-Q2', team: noord, law: '*', numerator: 30, denominator: 40, value: 75 })]);
    const zuidQ2 = (await analyst.request('GET', `/api/v1/insight/values?indicator=plan-goals-reached&team=${zuid}&from=2024-Q2&to=2024-Q3`)).json<{ period: string; value: number }[]>();
    expect(zuidQ2.map((v) => [v.period, v.value])).toEqual([['2024-Q2', 25]]);
    const csv = (await analyst.request('GET', `/api/v1/insight/values?${q}&format=csv`)).body.trim().split('\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(new RegExp(`^plan-goals-reached,2024-Q2,\\*,${noord},30,40,75,`));
  });
});

describe('small cells for roles without personal data (issue 22)', () => {
  it('shows a team cell of fewer than 5 clients as "< 5" without a value to the quality analyst, and exact to the auditor', async () => {
    const zuid = (await withSystem(kern.services.db, (tx) => sql<{ id: string }>`select id from teams where municipality_code = '0599' and name = 'Wijkteam Zuid'`.execute(tx))).rows[0]?.id ?? '';
    // 2025-Q4: Zuid closes 3 goals under the Jeugdwet, 2 reached; nothing else happens that quarter.
    await withSystem(kern.services.db, (tx) => sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, team_id, data)
      select '0599', 'plan.goal-closed', date '2025-10-01' + g, 'small-' || g, 'jeugdwet', ${zuid}::uuid, jsonb_build_object('reached', g <= 2)
      from generate_series(1, 3) g`.execute(tx));
    expect((await analyst.request('POST', '/api/v1/insight/refresh-jobs', { body: { kind: 'full' } })).statusCode).toBe(202);
    const q = `indicator=plan-goals-reached&team=${zuid}&from=2025-Q4&to=2025-Q4`;
    const seen = async (agent: Agent) => (await agent.request('GET', `/api/v1/insight/values?${q}`)).json<{ numerator: unknown; denominator: unknown; value: unknown; suppressed: boolean }[]>();
    expect(await seen(analyst)).toEqual([expect.objectContaining({ numerator: '< 5', denominator: '< 5', value: null, suppressed: true })]);
    const auditor = await kern.login('rotterdam.auditor');
    expect(await seen(auditor)).toEqual([expect.objectContaining({ numerator: 2, denominator: 3, suppressed: false })]);
    const csv = (await analyst.request('GET', `/api/v1/insight/values?${q}&format=csv`)).body.trim().split('\n');
    expect(csv[1]).toMatch(new RegExp(`^plan-goals-reached,2025-Q4,\\*,${zuid},< 5,< 5,,< 5,`));
  });
});

describe('experiments with a control group', () => {
  const teamByName = async (name: string) => (await withSystem(kern.services.db, (tx) => sql<{ id: string }>`select id from teams where municipality_code = '0599' and name = ${name}`.execute(tx))).rows[0]?.id ?? '';
  /** 400 goal closings per group and period (2024-03..05 baseline, 2024-09..11 period), with the given shares reached. */
  async function plant(team: string, baselineShare: number, periodShare: number, tag: string) {
    await withSystem(kern.services.db, (tx) => sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, team_id, data)
      select '0599', 'plan.goal-closed', case when g <= 400 then date '2024-03-01' + (g % 90) else date '2024-09-01' + (g % 90) end, ${tag} || g, 'participatiewet', ${team}::uuid,
        jsonb_build_object('reached', case when g <= 400 then (g % 100) < ${baselineShare * 100} else (g % 100) < ${periodShare * 100} end)
      from generate_series(1, 800) g`.execute(tx));
  }
  const register = (title: string, teamId: string | null, controlTeamId: string | null) => analyst.request('POST', '/api/v1/insight/experiments', {
    body: { title, hypothesis: 'Werkgeversbezoeken vergroten het aandeel bereikte doelen.', intervention: 'Werkgeversbezoek', targetGroup: 'Werkzoekenden', indicatorId: 'plan-goals-reached',
      teamId, controlTeamId, baselineFrom: '2024-03-01', baselineTo: '2024-05-31', periodFrom: '2024-09-01', periodTo: '2024-11-30' },
  });
  const evaluate = async (id: string) => (await analyst.request('POST', `/api/v1/insight/experiments/${id}/evaluation`)).json<{
    controlTeamId: string;
    result: { detected: boolean; difference: number; control: { controlTeamId: string; concurrent: { detected: boolean; difference: number }; differenceInDifferences: { difference: number; detected: boolean; better: string; ci95: [number, number] } } };
    writeUp: string;
  }>();

  it('separates a change for everyone from the intervention: same rise in the control group, no effect by difference in differences', async () => {
    const [werk, schuld] = [await teamByName('Werk en Inkomen'), await teamByName('Schuldhulp')];
    await plant(werk, 0.4, 0.6, 'trend-x-');
    await plant(schuld, 0.4, 0.6, 'trend-c-');
    const created = await register('Werkgeversbezoek (trend)', werk, schuld);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ controlTeamId: string }>().controlTeamId).toBe(schuld);
    const e = await evaluate(created.json<{ id: string }>().id);
    expect(e.result.detected).toBe(true); // before/after alone is fooled by the trend
    expect(e.result.control.controlTeamId).toBe(schuld);
    expect(e.result.control.concurrent.detected).toBe(false);
    expect(e.result.control.differenceInDifferences.difference).toBeCloseTo(0, 5);
    expect(e.result.control.differenceInDifferences.detected).toBe(false);
    expect(e.writeUp).toMatch(/Verschil in verschillen/);
  });

  it('detects a planted effect against a control group that stayed the same', async () => {
    const [kwaliteit, backoffice] = [await teamByName('Kwaliteit'), await teamByName('Backoffice Wmo en Jeugd')];
    await plant(kwaliteit, 0.4, 0.6, 'effect-x-');
    await plant(backoffice, 0.4, 0.4, 'effect-c-');
    const created = await register('Werkgeversbezoek (effect)', kwaliteit, backoffice);
    const e = await evaluate(created.json<{ id: string }>().id);
    expect(e.result.control.concurrent).toMatchObject({ detected: true });
    expect(e.result.control.concurrent.difference).toBeCloseTo(0.2, 5);
    expect(e.result.control.differenceInDifferences).toMatchObject({ detected: true, better: 'yes' });
    expect(e.result.control.differenceInDifferences.difference).toBeCloseTo(0.2, 5);
    expect(e.result.control.differenceInDifferences.ci95[0]).toBeGreaterThan(0);
  });

  it('refuses a control group that is the experiment team, an unknown or another municipality\'s team, or one without an experiment team', async () => {
    const noord = await teamByName('Wijkteam Noord');
    const same = await register('Zelfde team', noord, noord);
    expect(same.statusCode).toBe(400);
    expect(same.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toContain('controlTeamId');
    expect((await register('Zonder team', null, noord)).statusCode).toBe(400);
    expect((await register('Onbekend', noord, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(400);
    const theirs = (await withSystem(kern.services.db, (tx) => sql<{ id: string }>`select id from teams where municipality_code = '0518' limit 1`.execute(tx))).rows[0]?.id ?? '';
    const other = await register('Haagse controle', noord, theirs);
    expect(other.statusCode).toBe(400);
    expect(other.json<{ invalidParams: { name: string; reason: string }[] }>().invalidParams).toContainEqual({ name: 'controlTeamId', reason: 'unknown team' });
  });
});

describe('leertafel: choosing a closed case', () => {
  it('lists the closed cases of the own team under the current law only; another municipality, another law and a role without the purpose get none', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const started = await generalist.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'buurtcentrum-beschikkingsvrij', caseTypeId: 'algemene-voorziening', subjectBsn: RESIDENT, fields: { vraag: 'Koffieochtend' } } });
      expect(started.statusCode, started.body).toBe(201);
      const id = started.json<{ caseId: string }>().caseId;
      const closed = await generalist.request('POST', `/api/v1/cases/${id}/transitions`, { purpose: 'wmo', body: { to: 'afgesloten' } });
      expect(closed.statusCode, closed.body).toBe(200);
      ids.push(id);
    }
    const res = await generalist.request('GET', '/api/v1/insight/leertafel/cases', { purpose: 'wmo' });
    expect(res.statusCode, res.body).toBe(200);
    const cases = res.json<{ cases: { id: string; caseTypeId: string; law: string; closedOn: string }[] }>().cases;
    expect(cases.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
    expect(cases.every((c) => c.law === 'wmo')).toBe(true);
    // No BSN-shaped number outside the case ids (a uuid may hold nine digits in a row by chance).
    expect(res.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')).not.toMatch(/\d{9}/);
    // The story of one of them is k-anonymous among the five.
    const story = await generalist.request('GET', `/api/v1/insight/leertafel/cases/${ids[0] ?? ''}`, { purpose: 'wmo' });
    expect(story.statusCode, story.body).toBe(200);

    expect((await generalist.request('GET', '/api/v1/insight/leertafel/cases', { purpose: 'jeugdwet' })).json<{ cases: unknown[] }>().cases).toEqual([]);
    expect((await (await kern.login('denhaag.generalist')).request('GET', '/api/v1/insight/leertafel/cases', { purpose: 'wmo' })).json<{ cases: { id: string }[] }>().cases.map((c) => c.id)).not.toEqual(expect.arrayContaining([ids[0]]));
    expect((await analyst.request('GET', '/api/v1/insight/leertafel/cases', { purpose: 'wmo' })).statusCode).toBe(403);
    expect((await generalist.request('GET', '/api/v1/insight/leertafel/cases')).statusCode).toBe(400);
  });
});
