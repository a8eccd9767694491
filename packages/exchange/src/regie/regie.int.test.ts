import { AccessDenied, PolicyStore, runAsTenant, type AccessContext, type AccessServices } from '@kern/access';
import { sql, withSystem, withTenant, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { FixedClock } from '@kern/kit';
import { actorFor, seedDemo } from '@kern/seed';
import { insertTestAllocation } from '@kern/seed/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRetour } from '../build-retour';
import { sample305, sample307, sample315, sample317, type SampleHeader } from '../inbound/sample-messages';
import { messageType } from '../messages';
import { validateAgainstXsd } from '../xsd';
import { answerRequest, readClientExchange, readRequestsInbox } from './requests-inbox';
import { deliverRegieMessage, receiveRegieMessage, RegieRefused, type ReceiveResult } from './receive-regie-message';
import { sendAllocationMessage } from './send-allocation-message';

const BSN = '999991838';
const OTHER_BSN = '999990512';
const PROVIDER = '12345678';
const client = { bsn: BSN, geboortedatum: '1980-05-01', datumGebruik: null, geslacht: '2' as const, achternaam: 'Jansen', voorvoegsel: null, voornamen: 'Anna', voorletters: 'A', adres: { huisnummer: 1, huisletter: null, toevoeging: null, postcode: '3011AA', straatnaam: 'Coolsingel', plaatsnaam: 'Rotterdam' } };

let database: TestDatabase;
let services: AccessServices;
const actors: Record<string, AccessContext> = {};
let allocationId = '';
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  services = { db: database.db, clock: new FixedClock('2026-04-01T10:00:00Z'), policies: new PolicyStore() };
  for (const u of ['rotterdam.besluit', 'rotterdam.wmo', 'rotterdam.kwaliteit', 'denhaag.besluit']) actors[u] = { actor: await actorFor(database.db, u) };
  ({ allocationId } = await insertTestAllocation(database.db, { municipalityCode: '0599', bsn: BSN, providerAgb: PROVIDER, standard: 'iwmo', toewijzingNummer: '100001', category: '02', startDate: '2026-01-01' }));
  await insertTestAllocation(database.db, { municipalityCode: '0599', bsn: OTHER_BSN, providerAgb: PROVIDER, standard: 'iwmo', toewijzingNummer: '100002', category: '02', startDate: '2026-01-01' });
});
afterAll(async () => database?.close());

const as = (user: string, purpose: AccessContext['purpose']): AccessContext => ({ ...(actors[user] as AccessContext), purpose });
const backOffice = () => as('rotterdam.besluit', 'wmo');
const run = <T>(c: AccessContext, fn: (tx: Tx) => Promise<T>) => withTenant(database.db, c.actor.municipalityCode, fn);
const receive = (xml: string, c = backOffice()) => run(c, (tx) => receiveRegieMessage(services, tx, c, xml));
const header = (identificatie: string, over: Partial<SampleHeader> = {}): SampleHeader => ({ standard: 'iwmo', provider: PROVIDER, municipality: '0599', identificatie, dagtekening: '2026-03-31', ...over });
const count = async (table: string, where = sql`true`) =>
  withSystem(database.db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(tx)).rows[0]?.n ?? 0);
const codesOn = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<wmo\\d{3}:${element}>[\\s\\S]*?<wmo\\d{3}:RetourCode>(\\d{4})<`, 'g'))].map((m) => m[1]);
/** IV028: a message accepted without any finding is answered with its Header only, without return codes. */
const headerOnly = (xml: string) => {
  expect(xml).not.toMatch(/:Client>/);
  expect(xml).not.toMatch(/:RetourCode>/);
  expect(xml).toMatch(/:IdentificatieRetour>R\w+</);
  return xml;
};
const validAnswer = (r: ReceiveResult) => {
  expect(r.answer).not.toBeNull();
  const a = r.answer ?? { messageType: '306' as const, xml: '' };
  expect(validateAgainstXsd(messageType(r.standard, a.messageType), a.xml)).toEqual([]);
  return a.xml;
};

describe('305/307: start and stop of care delivery, answered with 306/308', () => {
  const start = sample305(header('S1'), { bsn: BSN }, [{ toewijzingNummer: '100001', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]);

  it('books the start, answers a valid 306 with 0200 on the StartProduct, and audits the client', async () => {
    const r = await receive(start);
    expect(r).toMatchObject({ messageType: '305', status: 'answered', duplicate: false, findings: [], headerCodes: ['0200'] });
    headerOnly(validAnswer(r));
    expect(await count('exchange_care_deliveries', sql`toewijzing_nummer = '100001' and status = 'started'`)).toBe(1);
    expect(await count('audit_log', sql`subject_bsn = ${BSN} and resource = 'care-delivery' and action = 'create'`)).toBeGreaterThanOrEqual(1);
    expect(await count('domain_events', sql`type = 'exchange.care-started'`)).toBe(1);
  });

  it('the same 305 received twice gives the identical answer and no second start', async () => {
    const first = await withSystem(database.db, async (tx) => (await sql<{ answer: string }>`select answer from exchange_message_log where identification = 'S1'`.execute(tx)).rows[0]?.answer);
    const again = await receive(start);
    expect(again.duplicate).toBe(true);
    expect(again.answer?.xml).toBe(first);
    expect(await count('exchange_care_deliveries', sql`toewijzing_nummer = '100001'`)).toBe(1);
    expect(await count('exchange_message_log', sql`identification = 'S1'`)).toBe(1);
    expect(await count('domain_events', sql`type = 'exchange.care-started'`)).toBe(1);
  });

  it('the same 305 delivered twice at once books one start; both deliveries get the same answer', async () => {
    await insertTestAllocation(database.db, { municipalityCode: '0599', bsn: '999993872', providerAgb: PROVIDER, standard: 'iwmo', toewijzingNummer: '100003', category: '02', startDate: '2026-01-01' });
    const xml = sample305(header('S9'), { bsn: '999993872' }, [{ toewijzingNummer: '100003', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-01-05' }]);
    const [a, b] = await Promise.all([deliverRegieMessage(services, backOffice(), xml), deliverRegieMessage(services, backOffice(), xml)]);
    expect(a.answer?.xml).toBe(b.answer?.xml);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await count('exchange_care_deliveries', sql`toewijzing_nummer = '100003'`)).toBe(1);
  });

  it('TR056: the same identification with other content is refused with 9056 and books nothing', async () => {
    const other = sample305(header('S1'), { bsn: BSN }, [{ toewijzingNummer: '100001', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-03-01' }]);
    await expect(receive(other)).rejects.toMatchObject({ rule: 'TR056', returnCode: '9056' });
    expect(await count('exchange_care_deliveries', sql`toewijzing_nummer = '100001'`)).toBe(1);
  });

  it('TR019: a start for an allocation that is not this client\'s gets 9019 on its StartProduct and books nothing', async () => {
    const r = await receive(sample305(header('S2'), { bsn: BSN }, [{ toewijzingNummer: '100002', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]));
    expect(r.findings).toEqual([{ element: 'StartProduct', ref: '100002', rule: 'TR019', code: '9019' }]);
    expect(codesOn(validAnswer(r), 'StartProduct')).toEqual(['9019']);
    expect(await count('exchange_care_deliveries', sql`toewijzing_nummer = '100002'`)).toBe(0);
  });

  it('TR326: a second start while the first is not stopped gets 9326', async () => {
    const r = await receive(sample305(header('S3'), { bsn: BSN }, [{ toewijzingNummer: '100001', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-15' }]));
    expect(r.findings.map((f) => [f.rule, f.code])).toEqual([['TR326', '9326']]);
    validAnswer(r);
  });

  it('TR135: a Dagtekening after today refuses the whole message with 8848 on the header; nothing booked', async () => {
    const r = await receive(sample305(header('S4', { dagtekening: '2026-04-02' }), { bsn: OTHER_BSN }, [{ toewijzingNummer: '100002', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]));
    expect(r).toMatchObject({ status: 'refused', headerCodes: ['8848'] });
    validAnswer(r);
    expect(await count('exchange_care_deliveries', sql`toewijzing_nummer = '100002'`)).toBe(0);
  });

  it('books the stop (307), answered with a valid 308; a second stop after a definitive one gets TR415 9415', async () => {
    const stop = await receive(sample307(header('E1'), { bsn: BSN }, [{ toewijzingNummer: '100001', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01', redenBeeindiging: '02', einddatum: '2026-03-15' }]));
    expect(stop).toMatchObject({ messageType: '307', status: 'answered', findings: [] });
    headerOnly(validAnswer(stop));
    expect(await count('exchange_care_deliveries', sql`toewijzing_nummer = '100001' and status = 'stopped' and end_date = '2026-03-15'`)).toBe(1);
    const again = await receive(sample307(header('E2'), { bsn: BSN }, [{ toewijzingNummer: '100001', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01', redenBeeindiging: '02', einddatum: '2026-03-20' }]));
    expect(again.findings.map((f) => [f.rule, f.code])).toEqual([['TR415', '9415']]);
  });

  it('refuses hostile input (DOCTYPE, not well-formed, other version) before anything is written', async () => {
    const before = await count('exchange_message_log');
    await expect(receive(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${start.slice(start.indexOf('<wmo305'))}`)).rejects.toMatchObject({ rule: 'DOCTYPE', returnCode: '0001' });
    await expect(receive(start.replace('</wmo305:Bericht>', ''))).rejects.toBeInstanceOf(RegieRefused);
    await expect(receive(start.replaceAll('iwmo/3_2', 'iwmo/3_1'))).rejects.toMatchObject({ rule: 'NAMESPACE' });
    expect(await count('exchange_message_log')).toBe(before);
  });
});

describe('315/317: requests into the inbox, answered with 316/318 and 319', () => {
  let requestId = '';
  it('books each AangevraagdProduct of a 315 as a request and answers a valid 316', async () => {
    const r = await receive(sample315(header('V1'), { bsn: BSN }, [{ referentieAanbieder: 'REF-1', categorie: '02', ingangsdatum: '2026-05-01', omvang: { volume: 4, eenheid: '04', frequentie: '2' } }]));
    expect(r).toMatchObject({ messageType: '315', status: 'answered', findings: [] });
    headerOnly(validAnswer(r));
    const inbox = await run(backOffice(), (tx) => readRequestsInbox(services, tx, backOffice()));
    expect(inbox.map((i) => [i.referentieAanbieder, i.status, i.subjectBsn])).toEqual([['REF-1', 'open', BSN]]);
    requestId = inbox[0]?.id ?? '';
  });

  it('TR374: a second request for the client while one is open gets 9374 on the Client; TR347: a used reference 9347', async () => {
    const r = await receive(sample315(header('V2'), { bsn: BSN }, [{ referentieAanbieder: 'REF-1', categorie: '02', ingangsdatum: '2026-06-01' }]));
    expect(r.findings).toEqual([{ element: 'Client', ref: null, rule: 'TR374', code: '9374' }, { element: 'AangevraagdProduct', ref: 'REF-1', rule: 'TR347', code: '9347' }]);
    validAnswer(r);
    expect(await count('exchange_requests')).toBe(1);
  });

  it('TR349: a 317 that leaves out a current allocation gets 9349 on the Verzoek and books nothing', async () => {
    const r = await receive(sample317(header('W1'), { bsn: OTHER_BSN }, { referentieAanbieder: 'REF-W1', toChange: [{ toewijzingNummer: '999999', gewensteIngangsdatum: '2026-05-01', omvang: { volume: 6, eenheid: '04', frequentie: '2' } }] }));
    expect(r.findings.map((f) => [f.element, f.rule, f.code])).toEqual([['Verzoek', 'TR349', '9349'], ['TeWijzigenProduct', 'TR351', '9351']]);
    validAnswer(r);
    expect(await count('exchange_requests', sql`referentie_aanbieder = 'REF-W1'`)).toBe(0);
  });

  it('books a correct 317 as one request', async () => {
    const r = await receive(sample317(header('W2'), { bsn: OTHER_BSN }, { referentieAanbieder: 'REF-W2', toChange: [{ toewijzingNummer: '100002', gewensteIngangsdatum: '2026-05-01', omvang: { volume: 6, eenheid: '04', frequentie: '2' } }] }));
    expect(r.findings).toEqual([]);
    validAnswer(r);
    expect(await count('exchange_requests', sql`referentie_aanbieder = 'REF-W2' and kind = '317'`)).toBe(1);
  });

  let answer319 = '';
  it('answers a request with a 319 (refused, reason 1) that validates; a second answer is a conflict', async () => {
    const a = await run(backOffice(), (tx) => answerRequest(services, tx, backOffice(), requestId, { verzoekAntwoord: '1', redenAfwijzingVerzoek: '1' }));
    expect(validateAgainstXsd(messageType('iwmo', '319'), a.xml)).toEqual([]);
    expect(a.request.status).toBe('refused');
    expect(a.xml).toContain('<wmo319:ReferentieAanbieder>REF-1<');
    answer319 = a.xml;
    await expect(run(backOffice(), (tx) => answerRequest(services, tx, backOffice(), requestId, { verzoekAntwoord: '2' }))).rejects.toMatchObject({ code: 'conflict' });
    await expect(run(backOffice(), (tx) => answerRequest(services, tx, backOffice(), 'a0000000-0000-4000-8000-000000000000', { verzoekAntwoord: '2' }))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('records the provider\'s 320 on the 319 with its return codes; the same 320 twice records once', async () => {
    const retour = buildRetour(messageType('iwmo', '319'), answer319, { identificatie: 'P320A', dagtekening: '2026-04-01' });
    const r = await receive(retour.xml);
    expect(r).toMatchObject({ messageType: '320', status: 'recorded', headerCodes: ['0200'] });
    expect(await receive(retour.xml)).toMatchObject({ duplicate: true });
    expect(await count('exchange_message_log', sql`message_type = '320'`)).toBe(1);
    expect(await count('exchange_request_answers', sql`retour_codes = '{0200}'`)).toBe(1);
    expect(await count('exchange_message_log', sql`message_type = '320' and subject_bsn = ${BSN}`)).toBe(1);
  });
});

describe('iJw under the Jeugdwet', () => {
  it('books a JW305 start and answers a JW306 that validates; the Wmo purpose may not process it', async () => {
    await insertTestAllocation(database.db, { municipalityCode: '0599', bsn: '999990342', providerAgb: PROVIDER, standard: 'ijw', toewijzingNummer: '300001', category: '45', startDate: '2026-01-01' });
    const xml = sample305(header('J1', { standard: 'ijw' }), { bsn: '999990342', geboortedatum: '2015-06-01' }, [{ toewijzingNummer: '300001', categorie: '45', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]);
    await expect(receive(xml)).rejects.toMatchObject({ code: 'forbidden' });
    const jw = as('rotterdam.besluit', 'jeugdwet');
    const r = await receive(xml, jw);
    expect(r).toMatchObject({ standard: 'ijw', messageType: '305', status: 'answered', findings: [] });
    expect(headerOnly(validAnswer(r))).toContain('jw306:');
    expect(await count('exchange_care_deliveries', sql`toewijzing_nummer = '300001' and status = 'started'`)).toBe(1);
  });
});

describe('301 out, 302 in', () => {
  it('builds a valid 301 from the allocation row and logs it; the provider\'s 302 acknowledges it', async () => {
    const sent = await run(backOffice(), (tx) => sendAllocationMessage(services, tx, backOffice(), { allocationIds: [allocationId], client }));
    expect(validateAgainstXsd(messageType('iwmo', '301'), sent.xml)).toEqual([]);
    expect(await count('exchange_allocation_messages', sql`status = 'sent'`)).toBe(1);
    const retour = buildRetour(messageType('iwmo', '301'), sent.xml, { identificatie: 'P302A', dagtekening: '2026-04-01' });
    const r = await receive(retour.xml);
    expect(r).toMatchObject({ messageType: '302', status: 'recorded', findings: [] });
    expect(await count('exchange_allocation_messages', sql`status = 'acknowledged' and return_codes = '{0200}'`)).toBe(1);
  });

  it('a 301 that would break a rule is never sent: without an address (TR006, TR061) the use case refuses naming the rule, nothing is logged', async () => {
    const before = await count('exchange_message_log', sql`direction = 'out'`);
    await expect(run(backOffice(), (tx) => sendAllocationMessage(services, tx, backOffice(), { allocationIds: [allocationId], client: { ...client, adres: null } }))).rejects.toMatchObject({
      code: 'invalid-input',
      invalidParams: expect.arrayContaining([expect.objectContaining({ name: 'TR061' })]),
    });
    expect(await count('exchange_message_log', sql`direction = 'out'`)).toBe(before);
  });

  it('a 302 on a 301 that was never sent is refused and recorded nowhere', async () => {
    const sent = await run(backOffice(), (tx) => sendAllocationMessage(services, tx, backOffice(), { allocationIds: [allocationId], client }));
    const forged = buildRetour(messageType('iwmo', '301'), sent.xml.replace(sent.identification, 'NOPE1'), { identificatie: 'P302B', dagtekening: '2026-04-01' });
    await expect(receive(forged.xml)).rejects.toMatchObject({ rule: 'RETOUR' });
  });
});

describe('another municipality, the wrong purpose or a role without it sees nothing', () => {
  it('Den Haag\'s back office sees an empty inbox and nothing of the Rotterdam client', async () => {
    const dh = as('denhaag.besluit', 'wmo');
    expect(await run(dh, (tx) => readRequestsInbox(services, tx, dh, { status: 'refused' }))).toEqual([]);
    expect(await run(dh, (tx) => readRequestsInbox(services, tx, dh))).toEqual([]);
    const status = await run(dh, (tx) => readClientExchange(services, tx, dh, BSN));
    expect(status).toEqual({ careDeliveries: [], messages: [] });
  });

  it('Den Haag cannot receive a message addressed to Rotterdam', async () => {
    const dh = as('denhaag.besluit', 'wmo');
    await expect(receive(sample305(header('X1'), { bsn: BSN }, [{ toewijzingNummer: '100001', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]), dh)).rejects.toMatchObject({ rule: 'ONTVANGER' });
  });

  it('the back office under the Jeugdwet does not see the Wmo inbox or process an iWmo message', async () => {
    const jw = as('rotterdam.besluit', 'jeugdwet');
    expect(await run(jw, (tx) => readRequestsInbox(services, tx, jw, { status: 'refused' }))).toEqual([]);
    await expect(receive(sample305(header('X2'), { bsn: BSN }, [{ toewijzingNummer: '100001', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]), jw)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a Wmo consultant without a case and a quality analyst are denied, and the denial is audited', async () => {
    const wmo = as('rotterdam.wmo', 'wmo');
    await expect(runAsTenant(services, wmo, (tx) => readRequestsInbox(services, tx, wmo))).rejects.toBeInstanceOf(AccessDenied);
    expect(await count('audit_log', sql`resource = 'allocation-request' and outcome = 'denied' and actor_id = ${wmo.actor.id}`)).toBe(1);
    const analyst = as('rotterdam.kwaliteit', 'wmo');
    await expect(runAsTenant(services, analyst, (tx) => readClientExchange(services, tx, analyst, BSN))).rejects.toBeInstanceOf(AccessDenied);
    await expect(receive(sample305(header('X3'), { bsn: BSN }, [{ toewijzingNummer: '100001', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]), analyst)).rejects.toBeInstanceOf(AccessDenied);
    expect(await count('exchange_message_log', sql`identification = 'X3'`)).toBe(0);
  });

  it('the back office reads the client\'s message log and care delivery, audited', async () => {
    const s = await run(backOffice(), (tx) => readClientExchange(services, tx, backOffice(), BSN));
    expect(s.careDeliveries.map((d) => [d.toewijzingNummer, d.status, d.endDate])).toEqual([['100001', 'stopped', '2026-03-15']]);
    expect(s.messages.map((m) => m.messageType)).toEqual(expect.arrayContaining(['305', '307', '315', '319', '301', '302']));
    expect(await count('audit_log', sql`municipality_code = '0599' and subject_bsn = ${BSN} and resource = 'care-delivery' and action = 'read' and outcome = 'allowed'`)).toBe(1);
  });
});

// Last: these deliveries would change the care deliveries and the inbox the tests above read.
describe('TR056: the identity of a message includes its standard', () => {
  it('a WMO305 with the Identificatie of an earlier JW305 of the same provider is its own message: both are answered and booked', async () => {
    await insertTestAllocation(database.db, { municipalityCode: '0599', bsn: '999990342', providerAgb: PROVIDER, standard: 'ijw', toewijzingNummer: '300056', category: '45', startDate: '2026-01-01' });
    await insertTestAllocation(database.db, { municipalityCode: '0599', bsn: BSN, providerAgb: PROVIDER, standard: 'iwmo', toewijzingNummer: '100056', category: '02', startDate: '2026-01-01' });
    const jw = await receive(sample305(header('ID56', { standard: 'ijw' }), { bsn: '999990342', geboortedatum: '2015-06-01' }, [{ toewijzingNummer: '300056', categorie: '45', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]), as('rotterdam.besluit', 'jeugdwet'));
    const wmo = await receive(sample305(header('ID56'), { bsn: BSN }, [{ toewijzingNummer: '100056', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]));
    expect(jw).toMatchObject({ standard: 'ijw', status: 'answered', duplicate: false, findings: [] });
    expect(wmo).toMatchObject({ standard: 'iwmo', status: 'answered', duplicate: false, findings: [] });
    expect(await count('exchange_care_deliveries', sql`toewijzing_nummer in ('300056', '100056') and status = 'started'`)).toBe(2);
  });

  it('a WMO315 with the Identificatie of an earlier JW315 is its own message; the same WMO315 again gets the same answer, with other content 9056', async () => {
    const jw = await receive(sample315(header('RQ56', { standard: 'ijw' }), { bsn: '999990342', geboortedatum: '2015-06-01' }, [{ referentieAanbieder: 'JREF-56', categorie: '45', ingangsdatum: '2026-05-01' }]), as('rotterdam.besluit', 'jeugdwet'));
    const xml = sample315(header('RQ56'), { bsn: OTHER_BSN }, [{ referentieAanbieder: 'WREF-56', categorie: '02', ingangsdatum: '2026-05-01' }]);
    const wmo = await receive(xml);
    expect(jw).toMatchObject({ standard: 'ijw', messageType: '315', status: 'answered', duplicate: false });
    expect(wmo).toMatchObject({ standard: 'iwmo', messageType: '315', status: 'answered', duplicate: false });
    const again = await receive(xml);
    expect(again).toMatchObject({ duplicate: true });
    expect(again.answer?.xml).toBe(wmo.answer?.xml);
    const other = sample315(header('RQ56'), { bsn: OTHER_BSN }, [{ referentieAanbieder: 'WREF-57', categorie: '02', ingangsdatum: '2026-05-01' }]);
    await expect(receive(other)).rejects.toMatchObject({ rule: 'TR056', returnCode: '9056' });
  });
});

describe('retours to the filling instructions (IV028)', () => {
  it('four retours to one provider each have an identification of their own, never cut from the received one', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const r = await receive(sample315(header(`900000000000`.slice(0, 11) + String(n)), { bsn: OTHER_BSN }, [{ referentieAanbieder: `IV-${n}`, categorie: '02', ingangsdatum: '2026-05-01' }]));
      const id = /:IdentificatieRetour>([^<]+)</.exec(validAnswer(r))?.[1] ?? '';
      expect(id).not.toContain('9000000000');
      ids.push(id);
    }
    expect(new Set(ids).size).toBe(4);
  });

  it('a finding on a class answers the client with a code on every class (0200 where nothing was found); a refused message only its header with the code', async () => {
    const found = await receive(sample315(header('IV9'), { bsn: OTHER_BSN }, [{ referentieAanbieder: 'IV-1', categorie: '02', ingangsdatum: '2026-06-01' }]));
    const xml = validAnswer(found);
    expect(found.findings).toEqual([{ element: 'Client', ref: null, rule: 'TR374', code: '9374' }]);
    expect(xml).toMatch(/:Client>/);
    expect(codesOn(xml, 'AangevraagdProduct')).toEqual(['0200']);
    const refused = await receive(sample315(header('IV10', { dagtekening: '2026-12-31' }), { bsn: OTHER_BSN }, [{ referentieAanbieder: 'IV-20', categorie: '02', ingangsdatum: '2026-06-01' }]));
    const rx = validAnswer(refused);
    expect(rx).not.toMatch(/:Client>/);
    expect(rx).toContain('<wmo316:RetourCode>8848<');
  });
});
