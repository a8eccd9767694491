import { FixedClock } from '@kern/kit';
import { computeDeadline } from '@kern/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Decisions in the portal and the objection (bezwaar) a citizen lodges against one: its own case,
// for the team that holds the original case, with the Awb 7:10 term; nobody else sees any of it.
const CITIZEN = '999991838';
const OTHER_CITIZEN = '999990512';
const HAGUE_CITIZEN = '999990627';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
});
afterAll(async () => kern?.close());

type Citizen = Agent & { people: { ref: string; relation: string }[] };
const selfRef = (c: Citizen): string => c.people.find((p) => p.relation === 'self')?.ref ?? '';
interface Objection { id: string; kind: string; late: boolean; lateReason: string | null; attachmentName: string | null; caseReference: string; decisionDue: string | null; status: { now: { nl: string } } | null }
interface Decision { id: string; reference: string; outcome: string; provisions: { what: string; unit: { nl: string } | null; frequency: { nl: string } | null; provider: string | null }[]; objection: { until: string; inTime: boolean; explanation: { nl: string } }; objections: Objection[] }

async function decided(bsn: string, meldingDate: string, decidedOn?: string): Promise<{ id: string; reference: string; objectionUntil: string; caseId: string }> {
  const g = await kern.login('rotterdam.generalist');
  const w = await kern.login('rotterdam.wmo');
  const created = await g.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: bsn, meldingDate, fields: { hulpvraag: 'Hulp bij het huishouden' } } });
  const caseId = created.json<{ caseId: string }>().caseId;
  const step = (a: Agent, to: string, fields: Record<string, unknown> = {}) => a.request('POST', `/api/v1/cases/${caseId}/transitions`, { purpose: 'wmo', body: { to, fields } });
  await step(g, 'onderzoeken');
  await step(g, 'advies-opstellen', { gespreksverslag: 'Keukentafelgesprek gevoerd.', clientondersteuningAangeboden: true });
  await step(g, 'aanvraag', { advies: 'Hulp bij het huishouden.', geadviseerdeCategorieen: ['01'] });
  expect((await step(w, 'besluiten', { adviesVolledig: true })).statusCode).toBe(200);
  const decider = await kern.login('rotterdam.besluit');
  const r = await decider.request('POST', `/api/v1/cases/${caseId}/decision`, {
    purpose: 'wmo',
    body: {
      outcome: 'granted', reasons: 'U krijgt drie uur hulp bij het huishouden per week.', ...(decidedOn ? { decidedOn } : {}),
      provisions: [{ category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: '2026-04-01', validTo: '2026-12-31' }],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return { ...r.json<{ decision: { id: string; reference: string; objectionUntil: string } }>().decision, caseId };
}

const decisionsOf = async (c: Citizen) => {
  const r = await c.request('GET', `/api/v1/portal/people/${selfRef(c)}/decisions`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ decisions: Decision[] }>().decisions;
};
const object = (c: Citizen, decisionId: string, body: Record<string, unknown>) => c.request('POST', `/api/v1/portal/people/${selfRef(c)}/decisions/${decisionId}/objections`, { body });

describe('decisions and objections in the portal', () => {
  let citizen: Citizen;
  let decision: { id: string; reference: string; objectionUntil: string; caseId: string };
  let objection: Objection;

  beforeAll(async () => {
    citizen = await kern.citizenLogin(CITIZEN);
    decision = await decided(CITIZEN, '2026-03-20');
  });

  it('shows the decision in words: the category by its Dutch name, hours per week, the last day to object with its explanation', async () => {
    const shown = (await decisionsOf(citizen)).find((d) => d.id === decision.id);
    expect(shown?.provisions[0]?.what).toMatch(/huishoud/i);
    expect(shown?.provisions[0]).toMatchObject({ unit: { nl: 'uur' }, frequency: { nl: 'per week' }, provider: null });
    expect(shown?.objection).toMatchObject({ until: computeDeadline({ termId: 'awb-bezwaar', start: '2026-03-24' }).due, inTime: true });
    expect(shown?.objection.explanation.nl).toMatch(/zes weken/);
  });

  it('lodges an objection with a PDF: its own case, the Awb 7:10 term from the day after the objection term ended, on the worklist of the back office', async () => {
    const r = await object(citizen, decision.id, { grounds: 'Drie uur per week is te weinig voor mijn situatie.', attachment: { fileName: 'verklaring.pdf', contentBase64: PDF } });
    expect(r.statusCode, r.body).toBe(201);
    objection = r.json<{ objection: Objection }>().objection;
    expect(objection).toMatchObject({ kind: 'objection', late: false, attachmentName: 'verklaring.pdf' });
    expect(objection.decisionDue).toBe(computeDeadline({ termId: 'awb-beslissing-bezwaar', start: decision.objectionUntil }).due);
    expect(objection.status?.now.nl).toBe('We hebben uw bezwaar ontvangen.');
    const wmo = await kern.login('rotterdam.wmo');
    const worklist = await wmo.request('GET', '/api/v1/worklist?scope=mine');
    const item = worklist.json<{ items: { reference: string; caseTypeId: string; stepId: string }[] }>().items.find((i) => i.reference === objection.caseReference);
    expect(item).toMatchObject({ caseTypeId: 'wmo-bezwaar', stepId: 'bezwaar-ontvangen' });
  });

  it('refuses a second objection to the same decision while the first is open, and a file that is no PDF, JPEG or PNG on its field', async () => {
    const again = await object(citizen, decision.id, { grounds: 'Nog een keer bezwaar tegen hetzelfde besluit.' });
    expect(again.statusCode).toBe(409);
    const other = await decided(CITIZEN, '2026-03-20');
    const wrong = await object(citizen, other.id, { grounds: 'Het besluit klopt niet voor mij.', attachment: { fileName: 'x.exe', contentBase64: Buffer.from('MZ not a pdf').toString('base64') } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toEqual(['attachment']);
  });

  it('receives a late objection, marked late with the citizen\'s reason, its term counted from receipt', async () => {
    const old = await decided(CITIZEN, '2026-01-02', '2026-01-05');
    expect(old.objectionUntil < '2026-03-24').toBe(true);
    expect((await decisionsOf(citizen)).find((d) => d.id === old.id)?.objection.inTime).toBe(false);
    const r = await object(citizen, old.id, { grounds: 'Ik was in het ziekenhuis en kon niet eerder reageren.', lateReason: 'Opgenomen in het ziekenhuis tot half maart.' });
    expect(r.statusCode, r.body).toBe(201);
    const late = r.json<{ objection: Objection }>().objection;
    expect(late).toMatchObject({ late: true, lateReason: 'Opgenomen in het ziekenhuis tot half maart.' });
    expect(late.decisionDue).toBe(computeDeadline({ termId: 'awb-beslissing-bezwaar', start: '2026-03-24' }).due);
  });

  it('another citizen, a citizen of another municipality and a guessed id find nothing, and learn nothing', async () => {
    const other = await kern.citizenLogin(OTHER_CITIZEN);
    expect((await decisionsOf(other)).map((d) => d.id)).not.toContain(decision.id);
    const theirs = await object(other, decision.id, { grounds: 'Ik probeer het besluit van een ander.' });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain(decision.reference);
    const guessed = await object(citizen, '00000000-0000-4000-8000-000000000000', { grounds: 'Een verzonnen besluit om te proberen.' });
    expect(guessed.statusCode).toBe(404);
    expect(theirs.json<{ messages: unknown }>().messages).toEqual(guessed.json<{ messages: unknown }>().messages);
    expect((await other.request('GET', `/api/v1/portal/people/${selfRef(citizen)}/decisions`)).statusCode).toBe(404);
    const hague = await kern.citizenLogin(HAGUE_CITIZEN, '0518');
    expect((await decisionsOf(hague)).map((d) => d.id)).not.toContain(decision.id);
    expect((await object(hague, decision.id, { grounds: 'Vanuit een andere gemeente geprobeerd.' })).statusCode).toBe(404);
  });

  it('staff of another municipality, or without the Wmo purpose, cannot open the objection case', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const item = (await wmo.request('GET', '/api/v1/worklist?scope=mine')).json<{ items: { reference: string; caseId: string }[] }>().items.find((i) => i.reference === objection.caseReference);
    const caseId = item?.caseId ?? '';
    expect((await wmo.request('GET', `/api/v1/cases/${caseId}`, { purpose: 'wmo' })).statusCode).toBe(200);
    expect((await (await kern.login('rotterdam.schuld')).request('GET', `/api/v1/cases/${caseId}`, { purpose: 'wgs' })).statusCode).toBeGreaterThanOrEqual(403);
    expect((await (await kern.login('denhaag.wmo')).request('GET', `/api/v1/cases/${caseId}`, { purpose: 'wmo' })).statusCode).toBe(404);
  });

  it('shows the objection on the decision and as a case in citizen words, never a step name', async () => {
    const shown = (await decisionsOf(citizen)).find((d) => d.id === decision.id);
    expect(shown?.objections.map((o) => o.id)).toEqual([objection.id]);
    const cases = (await citizen.request('GET', `/api/v1/portal/people/${selfRef(citizen)}/cases`)).json<{ cases: { reference: string; citizenStatus: { asked: string; now: { nl: string }; contact: string | null } }[] }>().cases;
    const original = cases.find((c) => c.citizenStatus.asked === 'Hulp bij het huishouden');
    expect(original?.citizenStatus.now.nl).not.toMatch(/backoffice|Besluiten \(beschikking\)/);
    expect(cases.find((c) => c.reference === objection.caseReference)?.citizenStatus.asked).toBe(`Bezwaar tegen een Wmo-besluit ${decision.reference}`);
  });
});
