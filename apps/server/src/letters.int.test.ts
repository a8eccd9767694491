import { sql } from '@kern/db';
import { extractPdfText } from '@kern/documents/testing';
import { FixedClock } from '@kern/kit';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Rotterdam residents: one never used the portal (her letter goes by post), one logs in first.
const NO_PORTAL = '999993872';
const IN_PORTAL = '999991838';
const OTHER_CITIZEN = '999990512';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
});
afterAll(async () => kern?.close());

type Letter = { id: string; caseId: string; decisionId: string; letterType: string; delivery: string; language: string; title: string; templateVersion: number };
type Citizen = Agent & { people: { ref: string; relation: string }[] };
const selfRef = (c: Citizen): string => c.people.find((p) => p.relation === 'self')?.ref ?? '';

async function caseAtDecision(bsn: string): Promise<string> {
  const g = await kern.login('rotterdam.generalist');
  const w = await kern.login('rotterdam.wmo');
  const created = await g.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: bsn, meldingDate: '2026-03-20', fields: { hulpvraag: 'Hulp bij het huishouden' } } });
  const id = created.json<{ caseId: string }>().caseId;
  const step = (a: Agent, to: string, fields: Record<string, unknown> = {}) => a.request('POST', `/api/v1/cases/${id}/transitions`, { purpose: 'wmo', body: { to, fields } });
  await step(g, 'onderzoeken');
  await step(g, 'advies-opstellen', { gespreksverslag: 'Keukentafelgesprek gevoerd.', clientondersteuningAangeboden: true });
  await step(g, 'aanvraag', { advies: 'Hulp bij het huishouden.', geadviseerdeCategorieen: ['01'] });
  expect((await step(w, 'besluiten', { adviesVolledig: true })).statusCode).toBe(200);
  return id;
}

const auditRows = async (detail: string) =>
  (await sql<{ actor_kind: string; outcome: string; subject_bsn: string }>`select actor_kind, outcome, subject_bsn from audit_log where payload like ${`%${detail}%`}`.execute(kern.services.db)).rows;

describe('the beschikking letter made when a decision is recorded', () => {
  let grantCase = '';
  let grantLetter: Letter;
  let refusalLetter: Letter;
  let wmo: Agent;

  beforeAll(async () => {
    wmo = await kern.login('rotterdam.wmo');
    const decider = await kern.login('rotterdam.besluit');
    grantCase = await caseAtDecision(NO_PORTAL);
    const granted = await decider.request('POST', `/api/v1/cases/${grantCase}/decision`, {
      purpose: 'wmo',
      body: {
        outcome: 'granted', reasons: 'U krijgt drie uur hulp bij het huishouden per week tot het eind van het jaar.',
        provisions: [{ category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: '2026-04-01', validTo: '2026-12-31' }],
      },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const listed = await wmo.request('GET', `/api/v1/cases/${grantCase}/letters`, { purpose: 'wmo' });
    expect(listed.statusCode, listed.body).toBe(200);
    [grantLetter] = listed.json<{ letters: Letter[] }>().letters as [Letter];

    await kern.citizenLogin(IN_PORTAL); // she uses Mijn gemeente before the decision
    const refusedCase = await caseAtDecision(IN_PORTAL);
    const refused = await decider.request('POST', `/api/v1/cases/${refusedCase}/decision`, { purpose: 'wmo', body: { outcome: 'refused', reasons: 'Uit het onderzoek blijkt dat u het huishouden met hulp van uw partner kunt doen.' } });
    expect(refused.statusCode, refused.body).toBe(201);
    [refusalLetter] = (await wmo.request('GET', `/api/v1/cases/${refusedCase}/letters`, { purpose: 'wmo' })).json<{ letters: Letter[] }>().letters as [Letter];
  });

  it('lists one letter on the case, a grant letter in Dutch from the default template, marked for print for a citizen without a portal account', () => {
    expect(grantLetter).toMatchObject({ caseId: grantCase, letterType: 'beschikking-toekenning', delivery: 'print', language: 'nl-NL', templateVersion: 1, title: 'Besluit op uw aanvraag Wmo 2015' });
    expect(refusalLetter).toMatchObject({ letterType: 'beschikking-afwijzing', delivery: 'portal' });
  });

  it('writes a PDF with the language and title set, the provision, the motivation and the objection term from the statutory calendar', async () => {
    const res = await wmo.request('GET', `/api/v1/letters/${grantLetter.id}/pdf`, { purpose: 'wmo' });
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['content-type'])).toBe('application/pdf');
    const bytes = res.rawPayload;
    const doc = await PDFDocument.load(bytes);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('nl-NL');
    expect(doc.getTitle()).toBe('Besluit op uw aanvraag Wmo 2015');
    const text = (await extractPdfText(bytes)).join(' ');
    expect(text).toContain('drie uur hulp bij het huishouden');
    expect(text).toMatch(/Productcategorie 01 \(product 01A01\), als zorg in natura, 3 uur per week, van 1 april 2026 tot en met 31 december 2026/);
    // Decided 24 March 2026: six weeks end on 5 May (Liberation Day), so the term runs to 6 May (Awb 6:7, Atw).
    expect(text).toContain('uiterlijk op 6 mei 2026');
    expect(text).toContain('Kenmerk:');
  });

  it('audits every download, by staff and by the citizen', async () => {
    await wmo.request('GET', `/api/v1/letters/${refusalLetter.id}/pdf`, { purpose: 'wmo' });
    const citizen = (await kern.citizenLogin(IN_PORTAL)) as Citizen;
    const own = await citizen.request('GET', `/api/v1/portal/people/${selfRef(citizen)}/letters/${refusalLetter.id}/pdf`);
    expect(own.statusCode, own.body).toBe(200);
    const rows = await auditRows(`letter ${refusalLetter.id} downloaded`);
    expect(rows.map((r) => [r.actor_kind, r.outcome, r.subject_bsn.trim()]).sort()).toEqual([['citizen', 'allowed', IN_PORTAL], ['staff', 'allowed', IN_PORTAL]]);
  });

  it('shows the citizen their letters ("Brieven") and lets them download their own', async () => {
    const citizen = (await kern.citizenLogin(NO_PORTAL)) as Citizen;
    const list = await citizen.request('GET', `/api/v1/portal/people/${selfRef(citizen)}/letters`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ letters: Letter[] }>().letters.map((l) => l.id)).toEqual([grantLetter.id]);
    const pdf = await citizen.request('GET', `/api/v1/portal/people/${selfRef(citizen)}/letters/${grantLetter.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows another citizen nothing: their own list is empty and a guessed letter id or person ref is "not found"', async () => {
    const other = (await kern.citizenLogin(OTHER_CITIZEN)) as Citizen;
    expect((await other.request('GET', `/api/v1/portal/people/${selfRef(other)}/letters`)).json<{ letters: unknown[] }>().letters).toEqual([]);
    expect((await other.request('GET', `/api/v1/portal/people/${selfRef(other)}/letters/${grantLetter.id}/pdf`)).statusCode).toBe(404);
    const owner = (await kern.citizenLogin(NO_PORTAL)) as Citizen;
    expect((await other.request('GET', `/api/v1/portal/people/${selfRef(owner)}/letters/${grantLetter.id}/pdf`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/v1/portal/people/${selfRef(owner)}/letters`)).statusCode).toBe(404);
  });

  it('shows nothing to another municipality, another law or a role without the purpose', async () => {
    const denHaag = await kern.login('denhaag.besluit');
    expect((await denHaag.request('GET', `/api/v1/letters/${grantLetter.id}/pdf`, { purpose: 'wmo' })).statusCode).toBe(404);
    expect((await denHaag.request('GET', `/api/v1/cases/${grantCase}/letters`, { purpose: 'wmo' })).statusCode).toBe(404);
    const jeugd = await kern.login('rotterdam.jeugd');
    expect((await jeugd.request('GET', `/api/v1/letters/${grantLetter.id}/pdf`, { purpose: 'jeugdwet' })).statusCode).toBe(403);
    const schuld = await kern.login('rotterdam.schuld');
    expect((await schuld.request('GET', `/api/v1/letters/${grantLetter.id}/pdf`, { purpose: 'wgs' })).statusCode).toBe(403);
    expect((await schuld.request('GET', `/api/v1/cases/${grantCase}/letters`, { purpose: 'wgs' })).statusCode).toBe(403);
    const denied = await auditRows(`letter ${grantLetter.id} downloaded`);
    expect(denied.filter((r) => r.outcome === 'denied').length).toBeGreaterThanOrEqual(2);
  });

  it('answers a malformed letter id with problem+json on its field', async () => {
    const res = await wmo.request('GET', '/api/v1/letters/not-a-letter/pdf', { purpose: 'wmo' });
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
    expect(res.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name)).toEqual(['id']);
  });
});
