import { extractPdfText } from '@kern/documents/testing';
import { seedDemoClientData, seedDemoProvisions } from '@kern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Rotterdam: Patrick (parent, with a plan, assessments, an enrolment, a decision and an allocation),
// his partner Barbara and daughter Victoria; a resident with a debt file; an unrelated resident.
// Den Haag: the Janssen-Overvaart family, with the same kinds of records.
const PARENT = '999991838';
const PARTNER = '999990512';
const CHILD = '999990342';
const DEBTOR = '999992247';
const OTHER = '999993872';
const DEN_HAAG = ['999990627', '999990226', '999997580', '999993380'];

type Citizen = Agent & { people: { ref: string; name: string; relation: string }[] };
interface Held {
  decisions: { reference: string; law: string }[];
  allocations: { toewijzingNummer: string }[];
  plans: { members: { name: string; me: boolean }[] }[];
  assessments: { instrumentId: string }[];
  enrolments: { offeringName: string }[];
  debtFiles: { reference: string; debts: { creditorName: string }[] }[];
  consents: unknown[];
}
interface Export { registry: { name: string } | null; cases: unknown[]; messages: unknown[]; accessLog: { who: string; action: string }[]; held?: Held }

let kern: TestKern;
const ref = (c: Citizen, relation = 'self'): string => c.people.find((p) => p.relation === relation)?.ref ?? '';
async function exportOf(c: Citizen, personRef = ref(c)): Promise<{ data: Export; body: string }> {
  const res = await c.request('GET', `/api/v1/portal/people/${personRef}/export.json`);
  expect(res.statusCode, res.body).toBe(200);
  return { data: res.json<Export>(), body: res.body };
}

beforeAll(async () => {
  kern = await startTestKern();
  await seedDemoClientData(kern.services.db);
  await seedDemoProvisions(kern.services.db);
});
afterAll(async () => kern?.close());

describe('the AVG access request (art. 15): a complete export (issue 16)', () => {
  it("holds each module's records on the citizen: registry, cases, decisions, allocations, plan, assessments, offerings, consents, messages and the reads", async () => {
    const parent = await kern.citizenLogin(PARENT);
    const sent = await parent.request('POST', `/api/v1/portal/people/${ref(parent)}/messages`, { body: { body: 'Wanneer komt de hulp?', topic: 'care' } });
    expect(sent.statusCode, sent.body).toBe(201);
    const { data } = await exportOf(parent);
    expect(data.registry?.name).toMatch(/Braveheart/);
    expect(data.cases.length).toBeGreaterThan(0);
    expect(data.messages.length).toBeGreaterThan(0);
    const held = data.held;
    expect(held).toBeDefined();
    expect(held?.decisions.some((d) => d.law === 'wmo')).toBe(true);
    expect(held?.allocations.length).toBeGreaterThan(0);
    expect(held?.plans).toHaveLength(1);
    expect(held?.plans[0]?.members.filter((m) => m.me)).toHaveLength(1);
    expect(held?.assessments.length).toBeGreaterThan(0);
    expect(held?.enrolments.length).toBeGreaterThan(0);
    expect(held?.consents).toEqual(expect.any(Array));
    expect(held?.debtFiles).toEqual([]);
    // The export is itself in the audit trail, as an export.
    const again = await exportOf(parent);
    expect(again.data.accessLog).toContainEqual(expect.objectContaining({ who: 'me', action: 'export' }));
  });

  it("holds nothing of another resident: no other BSN, not the partner's or child's assessments or decisions, nothing of Den Haag", async () => {
    const parent = await kern.citizenLogin(PARENT);
    const { data, body } = await exportOf(parent);
    for (const bsn of [PARTNER, CHILD, OTHER, ...DEN_HAAG]) expect(body).not.toContain(bsn);
    // The partner's participatieladder and the child's Positieve Gezondheid stay theirs.
    expect(data.held?.assessments.every((a) => a.instrumentId === 'zrm-volwassenen')).toBe(true);
    expect(data.held?.decisions.every((d) => d.law === 'wmo')).toBe(true);
    expect(body).not.toMatch(/Janssen|Overvaart|Haag Wonen/);
    // No staff account id behind a decision.
    expect(body).not.toContain('decidedBy');
  });

  it("gives a resident with a debt file their debts and creditors, and the PDF says the same", async () => {
    const debtor = await kern.citizenLogin(DEBTOR);
    const { data } = await exportOf(debtor);
    expect(data.held?.debtFiles).toHaveLength(1);
    expect(data.held?.debtFiles[0]?.debts.map((d) => d.creditorName)).toContain('Woonstad Rotterdam');
    const pdf = await debtor.request('GET', `/api/v1/portal/people/${ref(debtor)}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await extractPdfText(pdf.rawPayload)).join('\n');
    expect(text).toContain('Schuldhulp / Debt help');
    expect(text).toContain('Woonstad Rotterdam');
  });

  it('lets a parent with authority export their child\'s data, and nobody without authority', async () => {
    const parent = await kern.citizenLogin(PARENT);
    const child = ref(parent, 'gezag');
    expect(child).not.toBe('');
    const { data, body } = await exportOf(parent, child);
    expect(data.registry?.name).toMatch(/Victoria/);
    expect(body).not.toContain(PARENT);
    expect(data.held?.decisions.every((d) => d.law === 'jeugdwet')).toBe(true);
    const other = await kern.citizenLogin(OTHER);
    const denHaag = await kern.citizenLogin(DEN_HAAG[0] ?? '', '0518');
    for (const who of [other, denHaag]) {
      for (const path of ['export.json', 'export.pdf']) expect((await who.request('GET', `/api/v1/portal/people/${child}/${path}`)).statusCode, path).toBe(404);
    }
    const staff = await kern.login('rotterdam.generalist');
    expect((await staff.request('GET', `/api/v1/portal/people/${child}/export.json`)).statusCode).toBe(401);
  });

  it('shows the records in the PDF under their own headings', async () => {
    const parent = await kern.citizenLogin(PARENT);
    const pdf = await parent.request('GET', `/api/v1/portal/people/${ref(parent)}/export.pdf`);
    const text = (await extractPdfText(pdf.rawPayload)).join('\n');
    for (const heading of ['Besluiten / Decisions', 'Toewijzingen / Allocations', 'Plannen / Plans', 'Metingen / Assessments', 'Activiteiten / Offerings', 'Toestemmingen / Consents', 'Wie keek in mijn gegevens / Who looked at my data']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('zrm-volwassenen');
  });
});
