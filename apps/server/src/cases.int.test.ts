import { sql } from '@kern/db';
import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Rotterdam runs frontoffice-backoffice: the wijkteam investigates, the back office decides.
const RESIDENT = '999993872'; // Rotterdam resident nobody works with yet

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
});
afterAll(async () => kern?.close());

interface CaseView {
  case: { id: string; reference: string; stepId: string; phase: string; status: string };
  deadlines: { termId: string; dueDate: string; status: string; metDate: string | null; explanation: string[] }[];
  transitions: { to: string; label: string; allowed: boolean; reason?: string }[];
  phases: { phase: string; state: string }[];
  history: { kind: string; fromStep: string | null; toStep: string | null; actorName?: string }[];
}

async function step(agent: Agent, caseId: string, to: string, fields: Record<string, unknown> = {}, provisionCategories?: string[]) {
  return agent.request('POST', `/api/v1/cases/${caseId}/transitions`, { purpose: 'wmo', body: { to, fields, ...(provisionCategories ? { provisionCategories } : {}) } });
}
const view = async (agent: Agent, id: string) => (await agent.request('GET', `/api/v1/cases/${id}`, { purpose: 'wmo' })).json<CaseView>();

describe('a Wmo case on the front office / back office werkwijze, end to end over HTTP', () => {
  let caseId = '';
  let generalist: Agent;
  let wmo: Agent;
  let decider: Agent;

  beforeAll(async () => {
    generalist = await kern.login('rotterdam.generalist');
    wmo = await kern.login('rotterdam.wmo');
    decider = await kern.login('rotterdam.besluit');
  });

  it('starts from a melding with the 6-week onderzoek term counted from the melding date', async () => {
    const res = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo',
      body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: RESIDENT, meldingDate: '2026-03-24', fields: { hulpvraag: 'Hulp bij het huishouden na een heupoperatie' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json<{ caseId: string }>().caseId;
    const v = await view(generalist, caseId);
    expect(v.case).toMatchObject({ stepId: 'melding', phase: 'melding', status: 'open' });
    expect(v.deadlines).toEqual([expect.objectContaining({ termId: 'wmo-onderzoek', dueDate: '2026-05-06', status: 'on-time' })]);
    expect(v.phases[0]).toEqual({ phase: 'melding', state: 'current' });
    // 5 May 2026 is Liberation Day, a holiday for statutory terms every year (Atw art. 3).
    expect(v.deadlines[0]?.explanation.join(' ')).toMatch(/Bevrijdingsdag/);
  });

  it('refuses a case under a purpose other than its law', async () => {
    const res = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'integraal',
      body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: RESIDENT, fields: { hulpvraag: 'test test' } },
    });
    expect(res.statusCode).toBe(403);
  });

  it('gives the starting team a relation, so the resident is now readable for it under the Wmo', async () => {
    expect((await generalist.request('GET', `/api/v1/residents/${RESIDENT}`, { purpose: 'wmo' })).statusCode).toBe(200);
  });

  it('walks the front office through onderzoek and advies, refusing a step without its required fields', async () => {
    const missing = await step(generalist, caseId, 'advies-opstellen');
    expect(missing.statusCode).toBe(400);
    expect((await step(generalist, caseId, 'onderzoeken')).statusCode).toBe(200);
    const noFields = await step(generalist, caseId, 'advies-opstellen', { gespreksverslag: 'kort' });
    expect(noFields.statusCode).toBe(400);
    expect((await step(generalist, caseId, 'advies-opstellen', { gespreksverslag: 'Keukentafelgesprek gevoerd met cliënt en dochter.', clientondersteuningAangeboden: true })).statusCode).toBe(200);
    expect((await step(generalist, caseId, 'aanvraag', { advies: 'Huishoudelijke ondersteuning, 3 uur per week.', geadviseerdeCategorieen: ['01'] })).statusCode).toBe(200);
    const v = await view(generalist, caseId);
    expect(v.case.stepId).toBe('aanvraag');
    expect(v.deadlines.find((d) => d.termId === 'wmo-onderzoek')).toMatchObject({ metDate: '2026-03-24', status: 'met' });
    expect(v.deadlines.find((d) => d.termId === 'wmo-beschikking')).toMatchObject({ dueDate: '2026-04-07' });
  });

  it('stops a role that the step does not name', async () => {
    const res = await step(generalist, caseId, 'besluiten', { adviesVolledig: true });
    expect(res.statusCode).toBe(403);
  });

  it('lets the back office check the advice, with the guard deciding the way', async () => {
    const v = await view(wmo, caseId);
    expect(v.transitions.find((t) => t.to === 'besluiten')).toBeDefined();
    expect((await step(wmo, caseId, 'besluiten', { adviesVolledig: true })).statusCode).toBe(200);
  });

  it('puts the decision in the back-office worklist with its deadline status', async () => {
    const res = await decider.request('GET', '/api/v1/worklist?scope=team');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { caseId: string; stepId: string; dueDate: string; deadlineStatus: string }[] }>().items;
    expect(items).toContainEqual(expect.objectContaining({ caseId, stepId: 'besluiten', dueDate: '2026-04-07', deadlineStatus: 'on-time' }));
    kern.clock.set('2026-04-03T09:00:00Z');
    // Sessions from ten days ago have expired: everyone logs in again.
    generalist = await kern.login('rotterdam.generalist');
    wmo = await kern.login('rotterdam.wmo');
    decider = await kern.login('rotterdam.besluit');
    const later = (await decider.request('GET', '/api/v1/worklist?scope=team')).json<{ items: { caseId: string; deadlineStatus: string }[] }>().items;
    expect(later.find((i) => i.caseId === caseId)?.deadlineStatus).toBe('due-soon');
  });

  it('does not let the investigator decide (segregation of duties), but lets the back office', async () => {
    // The generalist holds no decision role anyway; give the check teeth with a decider who also investigated.
    const refused = await step(generalist, caseId, 'toewijzen', { besluit: 'toekennen', toegekendeCategorieen: ['01'], motivering: 'Voldoet aan de criteria.' }, ['01']);
    expect(refused.statusCode).toBe(403);
    const ok = await step(decider, caseId, 'toewijzen', { besluit: 'toekennen', toegekendeCategorieen: ['01'], motivering: 'Voldoet aan de criteria van de verordening.' }, ['01']);
    expect(ok.statusCode, ok.body).toBe(200);
    const v = await view(decider, caseId);
    expect(v.deadlines.find((d) => d.termId === 'wmo-beschikking')).toMatchObject({ status: 'met' });
  });

  it('runs through uitvoering and evaluatie to afsluiting, ending the relations it created', async () => {
    expect((await step(wmo, caseId, 'evalueren', { zorgaanbieder: '12345678', startdatum: '2026-04-10' })).statusCode).toBe(200);
    const done = await step(generalist, caseId, 'afsluiten', { doelenBereikt: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'closed' });
    const open = await sql<{ n: number }>`select count(*)::int as n from involvements where case_id = ${caseId}::uuid and closed_at is null`.execute(kern.services.db);
    expect(Number(open.rows[0]?.n)).toBe(0);
    expect((await generalist.request('GET', `/api/v1/residents/${RESIDENT}`, { purpose: 'wmo' })).statusCode).toBe(403);
  });

  it('keeps the full history, who did what', async () => {
    const auditor = await kern.login('rotterdam.auditor');
    const log = (await auditor.request('GET', `/api/v1/audit-records?subjectBsn=${RESIDENT}&limit=1000`)).json<{ records: { resource: string; action: string }[] }>().records;
    expect(log.filter((r) => r.resource === 'case').length).toBeGreaterThan(8);
    const events = await sql<{ kind: string; to_step: string }>`select kind, to_step from case_events where case_id = ${caseId}::uuid order by seq`.execute(kern.services.db);
    expect(events.rows.map((e) => e.to_step)).toEqual(['melding', 'onderzoeken', 'advies-opstellen', 'aanvraag', 'besluiten', 'toewijzen', 'evalueren', 'afsluiten']);
  });
});

describe('cases across municipalities and purposes', () => {
  it('hides a case from another municipality: 404, as if it did not exist', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const started = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo',
      body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999990512', fields: { hulpvraag: 'Vervoer naar dagbesteding' } },
    });
    const id = started.json<{ caseId: string }>().caseId;
    const denHaag = await kern.login('denhaag.generalist');
    expect((await denHaag.request('GET', `/api/v1/cases/${id}`, { purpose: 'wmo' })).statusCode).toBe(404);
    expect((await step(denHaag, id, 'onderzoeken')).statusCode).toBe(404);
    const wl = (await denHaag.request('GET', '/api/v1/worklist?scope=team')).json<{ items: { caseId: string }[] }>().items;
    expect(wl.some((i) => i.caseId === id)).toBe(false);
  });

  it('keeps a team case out of another team\'s worklist, and refuses asking for a team one is not in', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const started = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo',
      body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999991838', fields: { hulpvraag: 'Hulp bij het huishouden' } },
    });
    const id = started.json<{ caseId: string }>().caseId;
    const noord = (await generalist.request('GET', '/api/v1/worklist?scope=team')).json<{ items: { caseId: string }[] }>().items;
    expect(noord.some((i) => i.caseId === id)).toBe(true);
    const zuid = await kern.login('rotterdam.jeugd');
    const zuidItems = (await zuid.request('GET', '/api/v1/worklist?scope=team')).json<{ items: { caseId: string }[] }>().items;
    expect(zuidItems.some((i) => i.caseId === id)).toBe(false);
    const session = (await generalist.request('GET', '/api/v1/sessions/current')).json<{ session: { account: { teams: { id: string }[] } } }>();
    const noordId = session.session.account.teams[0]?.id ?? '';
    expect((await zuid.request('GET', `/api/v1/worklist?scope=team&teamId=${noordId}`)).statusCode).toBe(403);
    expect((await zuid.request('GET', `/api/v1/cases/${id}`, { purpose: 'jeugdwet' })).statusCode).toBe(403);
  });

  it('refuses a caseworker of another law and a role without case work', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const started = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo',
      body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999990342', fields: { hulpvraag: 'Begeleiding thuis' } },
    });
    const id = started.json<{ caseId: string }>().caseId;
    const debt = await kern.login('rotterdam.schuld');
    expect((await debt.request('GET', `/api/v1/cases/${id}`, { purpose: 'wgs' })).statusCode).toBe(403);
    expect((await debt.request('GET', `/api/v1/cases/${id}`, { purpose: 'wmo' })).statusCode).toBe(403);
    const analyst = await kern.login('rotterdam.kwaliteit');
    expect((await analyst.request('GET', `/api/v1/cases/${id}`, { purpose: 'wmo' })).statusCode).toBe(403);
    expect((await analyst.request('GET', '/api/v1/worklist')).statusCode).toBe(403);
  });
});

describe('a household case', () => {
  it('audits a read of the case for every household member it names', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const started = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo',
      body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999991838', householdBsns: ['999990512', '999990342'], fields: { hulpvraag: 'Ondersteuning gezin' } },
    });
    const id = started.json<{ caseId: string }>().caseId;
    expect((await generalist.request('GET', `/api/v1/cases/${id}`, { purpose: 'wmo' })).statusCode).toBe(200);
    const auditor = await kern.login('rotterdam.auditor');
    for (const member of ['999990512', '999990342']) {
      const records = (await auditor.request('GET', `/api/v1/audit-records?subjectBsn=${member}&limit=1000`)).json<{ records: { resource: string; action: string; reason: string }[] }>().records;
      expect(records.some((r) => r.resource === 'case' && r.action === 'read' && r.reason.includes('household member')), member).toBe(true);
    }
  });
});

describe('case references', () => {
  it('are unique when cases are started at the same moment', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const starts = await Promise.all(
      ['999991838', '999990512', '999990342', '999993872', '999991838'].map((bsn) =>
        generalist.request('POST', '/api/v1/cases', {
          purpose: 'wmo',
          body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: bsn, fields: { hulpvraag: 'Gelijktijdige melding' } },
        }),
      ),
    );
    expect(starts.map((s) => s.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const refs = starts.map((s) => s.json<{ reference: string }>().reference);
    expect(new Set(refs).size).toBe(5);
  });
});
