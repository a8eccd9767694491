import { sql, withSystem } from '@kern/db';
import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Decisions and allocations over HTTP on Rotterdam's front office / back office werkwijze; the
// demo seed brings the contracted providers (AGB 12345678 home care, 23456789 youth care).
const RESIDENT = '999993872';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
});
afterAll(async () => kern?.close());

const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(kern.services.db)).rows[0]?.n);
const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
};

describe('decisions and allocations over HTTP', () => {
  let caseId = '';
  let provisionId = '';
  let nummer = '';
  let decider: Agent;
  let wmo: Agent;

  beforeAll(async () => {
    const generalist = await kern.login('rotterdam.generalist');
    wmo = await kern.login('rotterdam.wmo');
    decider = await kern.login('rotterdam.besluit');
    const created = await generalist.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: RESIDENT, meldingDate: '2026-03-20', fields: { hulpvraag: 'Hulp bij het huishouden' } } });
    caseId = created.json<{ caseId: string }>().caseId;
    const step = (a: Agent, to: string, fields: Record<string, unknown> = {}) => a.request('POST', `/api/v1/cases/${caseId}/transitions`, { purpose: 'wmo', body: { to, fields } });
    await step(generalist, 'onderzoeken');
    await step(generalist, 'advies-opstellen', { gespreksverslag: 'Keukentafelgesprek gevoerd.', clientondersteuningAangeboden: true });
    await step(generalist, 'aanvraag', { advies: 'Hulp bij het huishouden.', geadviseerdeCategorieen: ['01'] });
    expect((await step(wmo, 'besluiten', { adviesVolledig: true })).statusCode).toBe(200);
  });

  it('answers a decision with an invalid variant with problem+json naming the field, and writes nothing', async () => {
    const before = [await count('decisions'), await count('granted_provisions'), await count('case_events')];
    const res = await decider.request('POST', `/api/v1/cases/${caseId}/decision`, {
      purpose: 'wmo',
      body: {
        outcome: 'granted', reasons: 'U krijgt hulp bij het huishouden.',
        provisions: [{ category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: '2026-04-01' }],
        transition: { to: 'toewijzen', fields: { besluit: 'toekennen', toegekendeCategorieen: ['01'], motivering: 'Voldoet aan de verordening.' } },
      },
    });
    expectProblem(res, 400);
    expect(res.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toEqual(['provisions[0].validTo']);
    expect([await count('decisions'), await count('granted_provisions'), await count('case_events')]).toEqual(before);
    expectProblem(await decider.request('POST', `/api/v1/cases/${caseId}/decision`, { purpose: 'wmo', body: { outcome: 'maybe', reasons: 'x' } }), 400);
  });

  it('records the decision and moves the case on in one request', async () => {
    const res = await decider.request('POST', `/api/v1/cases/${caseId}/decision`, {
      purpose: 'wmo',
      body: {
        outcome: 'granted', reasons: 'U krijgt drie uur hulp bij het huishouden per week tot het eind van het jaar.',
        provisions: [{ category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: '2026-04-01', validTo: '2026-12-31' }],
        transition: { to: 'toewijzen', fields: { besluit: 'toekennen', toegekendeCategorieen: ['01'], motivering: 'Voldoet aan de verordening.' } },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ decision: { id: string; objectionUntil: string; provisions: { id: string }[] }; case: { stepId: string } }>();
    expect(body.case.stepId).toBe('toewijzen');
    expect(body.decision.objectionUntil).toBe('2026-05-06');
    provisionId = body.decision.provisions[0]?.id ?? '';
    const listed = await wmo.request('GET', `/api/v1/cases/${caseId}/decision`, { purpose: 'wmo' });
    expect(listed.json<{ decisions: unknown[] }>().decisions).toHaveLength(1);
  });

  it('shows the citizen the recorded decision in the portal: its reasons and objection term', async () => {
    const citizen = await kern.citizenLogin(RESIDENT);
    const self = citizen.people.find((p) => p.relation === 'self') ?? citizen.people[0];
    const res = await citizen.request('GET', `/api/v1/portal/people/${self?.ref ?? ''}/cases`);
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json<{ cases: { id: string; decisions: { outcome: string; reason: string | null; objectionUntil: string; stepName: string }[] }[] }>().cases.find((c) => c.id === caseId);
    expect(decided?.decisions).toEqual([{ on: '2026-03-24', stepName: 'Besluiten (beschikking)', outcome: 'Toegekend', reason: expect.stringContaining('drie uur hulp'), objectionUntil: '2026-05-06' }]);
  });

  it('allocates, changes and ends with reasons, and lists the provider\'s allocations with filters', async () => {
    const refused = await wmo.request('POST', '/api/v1/allocations', { purpose: 'wmo', body: { grantedProvisionId: provisionId, providerAgb: '23456789', startDate: '2026-04-01' } });
    expectProblem(refused, 400);
    const made = await wmo.request('POST', '/api/v1/allocations', { purpose: 'wmo', body: { grantedProvisionId: provisionId, providerAgb: '12345678', startDate: '2026-04-01' } });
    expect(made.statusCode, made.body).toBe(201);
    nummer = made.json<{ toewijzingNummer: string }>().toewijzingNummer;
    expect((await wmo.request('POST', `/api/v1/allocations/${nummer}/changes`, { purpose: 'wmo', body: { reason: '05', endDate: '2026-09-30' } })).statusCode).toBe(200);
    const ended = await wmo.request('POST', `/api/v1/allocations/${nummer}/ending`, { purpose: 'wmo', body: { endDate: '2026-06-30', endingReason: '19' } });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endingReason: '19', history: [{ kind: 'created' }, { kind: 'changed', reason: '05' }, { kind: 'ended', reason: '19' }] });
    const ended2 = await decider.request('GET', '/api/v1/allocations?providerAgb=12345678&status=ended', { purpose: 'wmo' });
    expect(ended2.json<{ allocations: { toewijzingNummer: string }[] }>().allocations.map((a) => a.toewijzingNummer)).toEqual([nummer]);
    const active = await decider.request('GET', '/api/v1/allocations?providerAgb=12345678&status=active', { purpose: 'wmo' });
    expect(active.json<{ allocations: unknown[] }>().allocations).toEqual([]);
    expectProblem(await decider.request('GET', '/api/v1/allocations?providerAgb=1234', { purpose: 'wmo' }), 400);
    expectProblem(await decider.request('GET', '/api/v1/allocations?providerAgb=99999999', { purpose: 'wmo' }), 404);
  });

  it('shows nothing to another municipality, another law or a role without the purpose', async () => {
    expectProblem(await (await kern.login('denhaag.besluit')).request('GET', `/api/v1/allocations/${nummer}`, { purpose: 'wmo' }), 404);
    const otherLaw = await (await kern.login('rotterdam.jeugd')).request('GET', `/api/v1/allocations/${nummer}`, { purpose: 'jeugdwet' });
    expectProblem(otherLaw, 403);
    // Without access to the resident the refusal does not say which law the allocation falls under.
    expect(otherLaw.body).not.toMatch(/valt onder de wmo|falls under the wmo/);
    expectProblem(await (await kern.login('rotterdam.kwaliteit')).request('GET', `/api/v1/residents/${RESIDENT}/allocations`, { purpose: 'wmo' }), 403);
    expectProblem(await (await kern.login('rotterdam.schuld')).request('GET', `/api/v1/residents/${RESIDENT}/decisions`, { purpose: 'wgs' }), 403);
    expectProblem(await wmo.request('GET', '/api/v1/residents/999993873/decisions', { purpose: 'wmo' }), 400);
  });
});

describe('care already invoiced on an allocation', () => {
  // A second resident of the demo, decided and allocated like above, with one approved line for
  // April booked by the exchange module (rows as the invoice pipeline writes them).
  const CLIENT = '999991838';
  let nummer = '';
  let wmo: Agent;

  const bookApprovedApril = async (debitCredit: 'D' | 'C', reference: string, previous: string | null) => {
    await withSystem(kern.services.db, async (tx) => {
      const message = await sql<{ id: string }>`insert into exchange_messages (id, municipality_code, standard, message_type, sender, receiver, identification, message_date, status, received_at, received_by)
        values (gen_random_uuid(), '0599', 'iwmo', '323', '12345678', '0599', ${`INV-${reference}`}, '2026-05-05', 'answered', now(), 'test') returning id`.execute(tx);
      await sql`insert into exchange_invoice_lines (id, municipality_code, message_id, standard, provider_agb, client_index, subject_ref, referentie_nummer, vorig_referentie_nummer,
          toewijzing_nummer, product_category, product_code, begin_date, end_date, volume, unit, tariff_cents, amount_cents, debit_credit, approved, first_submission)
        values (gen_random_uuid(), '0599', ${message.rows[0]?.id ?? ''}::uuid, 'iwmo', '12345678', 0, gen_random_uuid(), ${reference}, ${previous}, ${nummer}, '01', '01A01',
          '2026-04-01', '2026-04-30', 12, '04', 3150, 37800, ${debitCredit}, true, true)`.execute(tx);
    });
  };

  beforeAll(async () => {
    const generalist = await kern.login('rotterdam.generalist');
    wmo = await kern.login('rotterdam.wmo');
    const decider = await kern.login('rotterdam.besluit');
    const created = await generalist.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: CLIENT, meldingDate: '2026-03-20', fields: { hulpvraag: 'Hulp bij het huishouden' } } });
    const caseId = created.json<{ caseId: string }>().caseId;
    const step = (a: Agent, to: string, fields: Record<string, unknown> = {}) => a.request('POST', `/api/v1/cases/${caseId}/transitions`, { purpose: 'wmo', body: { to, fields } });
    await step(generalist, 'onderzoeken');
    await step(generalist, 'advies-opstellen', { gespreksverslag: 'Keukentafelgesprek gevoerd.', clientondersteuningAangeboden: true });
    await step(generalist, 'aanvraag', { advies: 'Hulp bij het huishouden.', geadviseerdeCategorieen: ['01'] });
    await step(wmo, 'besluiten', { adviesVolledig: true });
    const decided = await decider.request('POST', `/api/v1/cases/${caseId}/decision`, {
      purpose: 'wmo',
      body: { outcome: 'granted', reasons: 'U krijgt drie uur hulp bij het huishouden per week.', provisions: [{ category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: '2026-04-01', validTo: '2026-12-31' }] },
    });
    const provisionId = decided.json<{ decision: { provisions: { id: string }[] } }>().decision.provisions[0]?.id ?? '';
    const made = await wmo.request('POST', '/api/v1/allocations', { purpose: 'wmo', body: { grantedProvisionId: provisionId, providerAgb: '12345678', startDate: '2026-04-01' } });
    expect(made.statusCode, made.body).toBe(201);
    nummer = made.json<{ toewijzingNummer: string }>().toewijzingNummer;
    await bookApprovedApril('D', 'APR-1', null);
  });

  it('refuses to withdraw it or end it before the last invoiced day, naming that day, and changes nothing', async () => {
    const withdrawn = await wmo.request('POST', `/api/v1/allocations/${nummer}/withdrawal`, { purpose: 'wmo', body: {} });
    expectProblem(withdrawn, 400);
    expect(withdrawn.body).toContain('2026-04-30');
    const early = await wmo.request('POST', `/api/v1/allocations/${nummer}/ending`, { purpose: 'wmo', body: { endDate: '2026-04-15', endingReason: '19' } });
    expectProblem(early, 400);
    expect(early.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toContain('endDate');
    const shortened = await wmo.request('POST', `/api/v1/allocations/${nummer}/changes`, { purpose: 'wmo', body: { reason: '05', endDate: '2026-04-20' } });
    expectProblem(shortened, 400);
    const still = await wmo.request('GET', `/api/v1/allocations/${nummer}`, { purpose: 'wmo' });
    expect(still.json()).toMatchObject({ status: 'active', endDate: '2026-12-31', history: [{ kind: 'created' }] });
  });

  it('ends it on or after the last invoiced day, and lets it be withdrawn once the provider credited the care', async () => {
    const ended = await wmo.request('POST', `/api/v1/allocations/${nummer}/changes`, { purpose: 'wmo', body: { reason: '05', endDate: '2026-04-30' } });
    expect(ended.statusCode, ended.body).toBe(200);
    await bookApprovedApril('C', 'APR-1C', 'APR-1');
    const withdrawn = await wmo.request('POST', `/api/v1/allocations/${nummer}/withdrawal`, { purpose: 'wmo', body: {} });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
  });
});
