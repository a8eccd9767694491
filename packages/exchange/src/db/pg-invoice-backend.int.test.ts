import { AccessDenied, type Actor } from '@kern/access';
import { sql, withSystem } from '@kern/db';
import { DomainError } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveInvoice } from './approve-invoice';
import { exportPaymentBatch } from './export-payment-batch';
import { denHaagResident, insertAllocationFixtures, insertProviderFixture, invoice, prestatie, rotterdam, seedExchangeFixtures, startExchangeTestKit, type ExchangeTestKit } from '@kern/seed/testing';
import { LEASE_MS } from './pg-invoice-backend';
import { listInvoiceMessages, readInvoiceLines } from './read-invoice-inbox';

let kit: ExchangeTestKit;
let backOffice: Actor;

const P = rotterdam.parent;
const Q = rotterdam.partner;
const base = { category: '02', productCode: '02A01', unit: '04' };

beforeAll(async () => {
  kit = await startExchangeTestKit();
  backOffice = await kit.actor('rotterdam.besluit');
  await seedExchangeFixtures(kit, [
    // 10 hours a month, all of 2026
    { ...base, toewijzingNummer: '1001', bsn: P, start: '2026-01-01', end: '2026-12-31', volume: 10, frequency: '4' },
    { ...base, toewijzingNummer: '1002', bsn: Q, start: '2026-01-01', end: '2026-12-31', volume: 10, frequency: '4' },
    // starts mid-October
    { ...base, toewijzingNummer: '1004', bsn: P, start: '2026-10-15', end: '2026-12-31', volume: 10, frequency: '4' },
    // 10 hours in total over the allocation's life
    { ...base, toewijzingNummer: '1005', bsn: Q, start: '2026-01-01', end: '2026-12-31', volume: 10, frequency: '6' },
    // a client registered in Den Haag, not in Rotterdam
    { ...base, toewijzingNummer: '1006', bsn: denHaagResident, start: '2026-01-01', end: '2026-12-31', volume: 10, frequency: '4' },
    // for the credit and duplicate tests
    { ...base, toewijzingNummer: '1007', bsn: P, start: '2026-01-01', end: '2026-12-31', volume: 10, frequency: '4' },
    // removed (RedenWijziging 13), and one with a budget of EUR 50 instead of a volume
    { ...base, toewijzingNummer: '1008', bsn: P, start: '2026-01-01', end: '2026-12-31', volume: 10, frequency: '4', status: 'withdrawn' as const },
    { ...base, unit: null, toewijzingNummer: '1009', bsn: P, start: '2026-01-01', end: '2026-12-31', volume: null, frequency: null, budgetCents: 5000 },
    // for crash and repeat tests, one per client
    ...[rotterdam.child, P, Q].map((bsn, i) => ({ ...base, toewijzingNummer: String(2001 + i), bsn, start: '2026-01-01', end: '2026-12-31', volume: 40, frequency: '4' })),
  ]);
}, 120_000);
afterAll(async () => kit?.close());

const codesOf = async (messageId: string | null): Promise<Record<string, string[]>> => {
  const r = await withSystem(kit.database.db, (tx) => sql<{ referentie_nummer: string; return_codes: string[] }>`select referentie_nummer, return_codes from exchange_invoice_lines where message_id = ${messageId}`.execute(tx));
  return Object.fromEntries(r.rows.map((x) => [x.referentie_nummer, x.return_codes]));
};

describe('invoice verification through the database backend: each check accepts and refuses', () => {
  it('an allocation must exist for this provider (TR338 9338)', async () => {
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('A1', '1001', '2026-10', 4), prestatie('A2', '9999', '2026-10', 4)] }]));
    expect(r.refused).toBe(false);
    expect(await codesOf(r.messageId)).toEqual({ A1: [], A2: ['9338'] });
    expect(r.answer).toContain('9338');
  });

  it('the product period lies inside the allocation (TR307 9307)', async () => {
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('B1', '1004', '2026-10', 2), prestatie('B2', '1004', '2026-10', 2, { referentieNummer: 'B2', begindatum: '2026-10-15' })] }]));
    expect(await codesOf(r.messageId)).toEqual({ B1: ['9307'], B2: [] });
  });

  it('the volume fits the allocation in its frequency window, summed over earlier invoices (TR321/TR322)', async () => {
    const first = await kit.deliver(backOffice, 'wmo', invoice('2026-09', [{ bsn: Q, prestaties: [prestatie('C1', '1005', '2026-09', 6)] }]));
    expect(await codesOf(first.messageId)).toEqual({ C1: [] });
    // 6 + 6 > 10 in total; 6 + 4 fits; 11 in one month exceeds the monthly 10 on 1002
    const second = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: Q, prestaties: [prestatie('C2', '1005', '2026-10', 6), prestatie('C4', '1002', '2026-10', 11)] }]));
    expect(await codesOf(second.messageId)).toEqual({ C2: ['9322'], C4: ['9321'] });
    const third = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: Q, prestaties: [prestatie('C3', '1005', '2026-10', 4)] }]));
    expect(await codesOf(third.messageId)).toEqual({ C3: [] });
  });

  it('the tariff is the contract tariff at the start of the product period (TR418 0611)', async () => {
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: Q, prestaties: [
      prestatie('D1', '1002', '2026-08', 2, { productTarief: 1250 }),
      prestatie('D2', '1002', '2026-10', 2, { productTarief: 1300 }),
      prestatie('D3', '1002', '2026-09', 2, { productTarief: 1300 }),
    ] }]));
    expect(await codesOf(r.messageId)).toEqual({ D1: [], D2: [], D3: ['0611'] });
  });

  it('the client lived in the municipality per the BRP (8187)', async () => {
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: denHaagResident, prestaties: [prestatie('E1', '1006', '2026-10', 2)] }, { bsn: P, prestaties: [prestatie('E2', '1001', '2026-09', 2)] }]));
    expect(await codesOf(r.messageId)).toEqual({ E1: ['8187'], E2: [] });
  });

  it('a reference booked before is a duplicate (TR314 8021); a credit reverses the right earlier line (TR323 8017)', async () => {
    const first = await kit.deliver(backOffice, 'wmo', invoice('2026-07', [{ bsn: P, prestaties: [prestatie('F1', '1007', '2026-07', 3)] }]));
    expect(await codesOf(first.messageId)).toEqual({ F1: [] });
    const second = await kit.deliver(backOffice, 'wmo', invoice('2026-08', [{ bsn: P, prestaties: [prestatie('F1', '1007', '2026-08', 3)] }]));
    expect(await codesOf(second.messageId)).toEqual({ F1: ['8021'] });
    // The credits come in a message of their own: crediting F1 beside a line F1 of the same message breaks TR316.
    const credits = await kit.deliver(backOffice, 'wmo', invoice('2026-08', [{ bsn: P, prestaties: [
      prestatie('F2', '1007', '2026-07', 3, { debetCredit: 'C', vorigReferentieNummer: 'F1' }),
      prestatie('F3', '1007', '2026-07', 3, { debetCredit: 'C', vorigReferentieNummer: 'NOPE' }),
    ] }]));
    expect(await codesOf(credits.messageId)).toEqual({ F2: [], F3: ['8017'] });
    // With F1 credited, a new debit for July is no longer a double one (TR389).
    const third = await kit.deliver(backOffice, 'wmo', invoice('2026-08', [{ bsn: P, prestaties: [prestatie('F4', '1007', '2026-07', 3), prestatie('F5', '1007', '2026-07', 1)] }]));
    expect(await codesOf(third.messageId)).toEqual({ F4: [], F5: ['9389'] });
  });
});

describe('more checks through the database backend', () => {
  it('a removed allocation (TR384 9384), another product code (TR340 9340) or unit (TR341 9341)', async () => {
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [
      prestatie('S1', '1008', '2026-10', 1),
      prestatie('S2', '1001', '2026-05', 1, { productCode: '02A02' }),
      prestatie('S3', '1001', '2026-04', 60, { eenheid: '01', productTarief: 1250, bedrag: 60 * 1250 }),
    ] }]));
    const codes = await codesOf(r.messageId);
    expect(codes.S1).toEqual(['9384']);
    expect(codes.S2).toContain('9340');
    expect(codes.S3).toContain('9341');
  });

  it('a budget allocation: amounts within the budget over earlier invoices (TR369 9369)', async () => {
    const first = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('T1', '1009', '2026-10', 3)] }]));
    expect(await codesOf(first.messageId)).toEqual({ T1: [] });
    const second = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('T2', '1009', '2026-09', 1, { productTarief: 1250 }), prestatie('T3', '1009', '2026-08', 1, { productTarief: 1250 })] }]));
    // 3 x 13.00 = 39.00 booked; + 12.50 = 51.50 > 50.00
    expect(await codesOf(second.messageId)).toEqual({ T2: ['9369'], T3: ['9369'] });
  });

  it('TR333: another message re-using an answered DeclaratieNummer of the provider is refused whole (9333)', async () => {
    const before = await kit.count('exchange_invoice_lines');
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('U1', '1002', '2026-05', 1, { productTarief: 1250 })] }], { declaratieNummer: 'D1202610' }));
    expect(r).toMatchObject({ refused: true, refusalCode: '9333' });
    expect(await kit.count('exchange_invoice_lines')).toBe(before);
  });
});

describe('message identity, crashes and refusals', () => {
  it('TR056: the same message twice gives the same answer and no second effect', async () => {
    const xml = invoice('2026-10', [{ bsn: rotterdam.child, prestaties: [prestatie('G1', '2001', '2026-10', 5), prestatie('G2', '9999', '2026-10', 1)] }]);
    const first = await kit.deliver(backOffice, 'wmo', xml);
    const lines = await kit.count('exchange_invoice_lines');
    const events = await kit.count('domain_events', "type like 'exchange.%'");
    const again = await kit.deliver(backOffice, 'wmo', xml);
    expect(again.repeated).toBe(true);
    expect(again.answer).toBe(first.answer);
    expect(again.messageId).toBe(first.messageId);
    expect(await kit.count('exchange_invoice_lines')).toBe(lines);
    expect(await kit.count('domain_events', "type like 'exchange.%'")).toBe(events);
  });

  it('a crash mid-message leaves only staged lines; delivering again resumes without double booking', async () => {
    const clients = [rotterdam.child, P, Q].map((bsn, i) => ({ bsn, prestaties: [prestatie(`H${i}`, String(2001 + i), '2026-09', 5)] }));
    const xml = invoice('2026-09', clients);
    const limits = { maxPreludeChars: 1 << 20, maxClientChars: 1 << 20, batchClients: 1 };
    await expect(kit.deliver(backOffice, 'wmo', xml, { limits, beforeCommit: (n) => { if (n === 3) throw new Error('power cut'); } })).rejects.toThrow('power cut');
    expect(await kit.count('exchange_invoice_lines', "referentie_nummer like 'H%'")).toBe(2);
    expect(await kit.count('exchange_invoice_lines', "referentie_nummer like 'H%' and message_id in (select id from exchange_messages where status = 'answered')")).toBe(0);
    const resumed = await kit.deliver(backOffice, 'wmo', xml, { limits });
    expect(resumed).toMatchObject({ refused: false, repeated: false, lines: 3, approvedLines: 3 });
    expect(await kit.count('exchange_invoice_lines', "referentie_nummer like 'H%' and message_id in (select id from exchange_messages where status = 'answered')")).toBe(3);
    expect(await kit.count('exchange_invoice_lines', "referentie_nummer like 'H%'")).toBe(3);
  });

  it('checks a line against the earlier batches of its own message: a repeated reference (8021), a double debit (9389) and volume over the allocation (9322) across a batch boundary', async () => {
    const xml = invoice('2026-05', [
      { bsn: P, prestaties: [prestatie('X1', '2002', '2026-05', 30)] },
      { bsn: Q, prestaties: [prestatie('X2', '2003', '2026-05', 1)] },
      // The repeated X1 differs in its volume: an identical line would refuse the whole message (TR101).
      { bsn: P, prestaties: [prestatie('X1', '2002', '2026-05', 29), prestatie('X3', '2002', '2026-05', 20)] },
    ]);
    // One client per batch: the repeated block for P lies two batches after the first.
    const r = await kit.deliver(backOffice, 'wmo', xml, { limits: { maxPreludeChars: 1 << 20, maxClientChars: 1 << 20, batchClients: 1 } });
    expect(r).toMatchObject({ refused: false, lines: 4, approvedLines: 2, rejectedLines: 2 });
    expect(r.answer).toContain('8021');
    // X3 repeats X1's product and period (a double debit, 9389) and takes the month over its 40 hours (9322).
    expect(await codesOf(r.messageId)).toEqual({ X1: [], X2: [], X3: ['9389', '9322'] });
  });

  it('refuses per-unit lines on a taakgericht contract (it pays a budget, not a tariff): 0611', async () => {
    const { contractId } = await insertProviderFixture(kit.database.db, { municipalityCode: '0599', agb: '56789012', name: 'Wijkteam Taak', standard: 'iwmo', tariffs: [{ category: '02', productCode: '02A01', unit: '04', cents: 1250, from: '2026-01-01', to: null }] });
    await withSystem(kit.database.db, (tx) => sql`update contracts set funding_model = 'taakgericht', budget_cents = 100000 where id = ${contractId}`.execute(tx));
    await insertAllocationFixtures(kit.database.db, [{ municipalityCode: '0599', toewijzingNummer: '4001', bsn: P, providerAgb: '56789012', standard: 'iwmo', category: '02', productCode: '02A01', start: '2026-01-01', end: '2026-12-31', volume: 10, unit: '04', frequency: '4' }]);
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-04', [{ bsn: P, prestaties: [prestatie('T9', '4001', '2026-04', 2)] }], { afzender: '56789012' }));
    expect(await codesOf(r.messageId)).toEqual({ T9: ['0611'] });
  });

  it('writes one audit record per client whose lines a batch books, under the invoice purpose', async () => {
    const audited = (bsn: string) => kit.count('audit_log', `subject_bsn = '${bsn}' and resource = 'invoice' and outcome = 'allowed' and purpose = 'wmo'`);
    const [p0, q0] = [await audited(P), await audited(Q)];
    await kit.deliver(backOffice, 'wmo', invoice('2026-04', [{ bsn: P, prestaties: [prestatie('AU1', '1001', '2026-04', 1)] }, { bsn: Q, prestaties: [prestatie('AU2', '1002', '2026-04', 1)] }]));
    expect([await audited(P), await audited(Q)]).toEqual([p0 + 1, q0 + 1]);
  });

  it('a repeat of a message whose 325 was too large to keep is refused with a clear conflict and books nothing', async () => {
    const xml = invoice('2026-03', [{ bsn: P, prestaties: [prestatie('BIG1', '1001', '2026-03', 1)] }]);
    const first = await kit.deliver(backOffice, 'wmo', xml);
    await withSystem(kit.database.db, (tx) => sql`update exchange_messages set answer = '' where id = ${first.messageId ?? ''}`.execute(tx));
    const lines = await kit.count('exchange_invoice_lines');
    await expect(kit.deliver(backOffice, 'wmo', xml)).rejects.toMatchObject({ code: 'conflict' });
    expect(await kit.count('exchange_invoice_lines')).toBe(lines);
  });

  it('a refused message books nothing (totals do not add up: 0001)', async () => {
    const before = await kit.count('exchange_invoice_lines');
    const xml = invoice('2026-10', [{ bsn: P, prestaties: [prestatie('J1', '1001', '2026-10', 1)] }], { totaalBedrag: 1 });
    const r = await kit.deliver(backOffice, 'wmo', xml, { limits: { maxPreludeChars: 1 << 20, maxClientChars: 1 << 20, batchClients: 1 } });
    expect(r).toMatchObject({ refused: true, refusalCode: '0001', lines: 1 });
    expect(r.answer).toContain('<wmo325:RetourCode>0001</wmo325:RetourCode>');
    expect(await kit.count('exchange_invoice_lines')).toBe(before);
    expect(await kit.count('exchange_messages', `id = '${r.messageId ?? ''}' and status = 'refused'`)).toBe(1);
  });

  it('a message to another municipality is refused whole (TR378 S300) and books nothing', async () => {
    const before = await kit.count('exchange_invoice_lines');
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('K1', '1001', '2026-10', 1)] }], { ontvanger: '0518' }));
    expect(r).toMatchObject({ refused: true, refusalCode: 'S300' });
    expect(await kit.count('exchange_invoice_lines')).toBe(before);
  });
});

describe('approval, payment batch and the inbox', () => {
  it('two approvals of the same invoice at once make one payment batch; the other is told there is nothing left to pay', async () => {
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-11', [{ bsn: Q, prestaties: [prestatie('M1', '1002', '2026-11', 1)] }], { dagtekening: '2026-11-20', declaratieDagtekening: '2026-11-20' }));
    const approve = () => kit.as(backOffice, 'wmo', (tx, ctx) => approveInvoice(kit.services, tx, ctx, r.messageId ?? '')).then((b) => b.lines, (e: unknown) => (e as { code?: string }).code ?? String(e));
    expect((await Promise.all([approve(), approve()])).sort()).toEqual([1, 'conflict']);
    expect(await kit.count('exchange_payment_batches', `message_id = '${r.messageId ?? ''}'`)).toBe(1);
  });

  it('approved lines become a payment batch once, exported as CSV without BSN; events carry first-submission', async () => {
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-11', [{ bsn: P, prestaties: [prestatie('L1', '1001', '2026-11', 2), prestatie('L2', '1001', '2026-11', 99, { referentieNummer: 'L2', toewijzingNummer: '9999' })] }], { dagtekening: '2026-11-20', declaratieDagtekening: '2026-11-20' }));
    const id = r.messageId ?? '';
    const batch = await kit.as(backOffice, 'wmo', (tx, ctx) => approveInvoice(kit.services, tx, ctx, id));
    expect(batch).toMatchObject({ lines: 1, totalCents: 2600, providerAgb: '34567890' });
    await expect(kit.as(backOffice, 'wmo', (tx, ctx) => approveInvoice(kit.services, tx, ctx, id))).rejects.toMatchObject({ code: 'conflict' });
    const { csv } = await kit.as(backOffice, 'wmo', (tx, ctx) => exportPaymentBatch(kit.services, tx, ctx, batch.id));
    expect(csv.split('\n')[1]).toMatch(/^34567890;D\w+;L1;1001;02;02A01;2026-11-01;2026-11-30;2;04;1300;2600$/);
    expect(csv).not.toContain(P);
    const events = await withSystem(kit.database.db, (tx) => sql<{ data: { firstSubmission: boolean; amountCents: number } }>`select data from domain_events where type = 'exchange.invoice-line-approved' and data->>'amountCents' = '2600'`.execute(tx));
    expect(events.rows.map((e) => e.data.firstSubmission)).toContain(true);
    const lines = await kit.as(backOffice, 'wmo', (tx, ctx) => readInvoiceLines(kit.services, tx, ctx, id, { verdict: 'rejected', offset: 0, limit: 100 }));
    expect(lines.lines.map((l) => [l.referentieNummer, l.reasons.map((x) => x.code), l.reasons[0]?.en])).toEqual([['L2', ['9338'], 'The line is not related to an allocated product by its allocation number.']]);
    const byCode = await kit.as(backOffice, 'wmo', (tx, ctx) => readInvoiceLines(kit.services, tx, ctx, id, { returnCode: '9338', offset: 0, limit: 100 }));
    expect(byCode.total).toBe(1);
  });

  it("exports a provider's formula reference as text, not as a formula cell (22.8), and the amount as a number", async () => {
    const formula = "=cmd|'/C calc'!A33";
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-11', [{ bsn: P, prestaties: [prestatie(formula, '1007', '2026-11', 1)] }], { dagtekening: '2026-11-20', declaratieDagtekening: '2026-11-20' }));
    const batch = await kit.as(backOffice, 'wmo', (tx, ctx) => approveInvoice(kit.services, tx, ctx, r.messageId ?? ''));
    const { csv } = await kit.as(backOffice, 'wmo', (tx, ctx) => exportPaymentBatch(kit.services, tx, ctx, batch.id));
    const cells = csv.split('\n')[1]?.split(';') ?? [];
    expect(cells[2]).toBe(`'${formula}`);
    expect(cells[11]).toBe('1300');
  });

  it('a resubmission of a rejected line is approved but not first time', async () => {
    await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('M1', '1001', '2026-06', 2, { productTarief: 999, bedrag: 1998 })] }]));
    const r = await kit.deliver(backOffice, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('M2', '1001', '2026-06', 2)] }]));
    const first = await withSystem(kit.database.db, (tx) => sql<{ first_submission: boolean; approved: boolean }>`select first_submission, approved from exchange_invoice_lines where message_id = ${r.messageId}`.execute(tx));
    expect(first.rows).toEqual([{ first_submission: false, approved: true }]);
  });

  it('the inbox filters by provider and period, under the purpose of the law', async () => {
    const all = await kit.as(backOffice, 'wmo', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { limit: 200 }));
    expect(all.length).toBeGreaterThan(5);
    const july = await kit.as(backOffice, 'wmo', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { period: '2026-07', limit: 200 }));
    expect(july.map((m) => m.periodBegin)).toEqual(['2026-07-01']);
    expect(await kit.as(backOffice, 'wmo', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { provider: '87654321', limit: 200 }))).toEqual([]);
    expect(await kit.as(backOffice, 'jeugdwet', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { limit: 200 }))).toEqual([]);
  });
});

describe('who sees and does what', () => {
  it('another municipality sees nothing of these invoices', async () => {
    const denHaag = await kit.actor('denhaag.besluit');
    expect(await kit.as(denHaag, 'wmo', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { limit: 200 }))).toEqual([]);
    const someId = (await kit.as(backOffice, 'wmo', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { limit: 1 })))[0]?.id ?? '';
    await expect(kit.as(denHaag, 'wmo', (tx, ctx) => readInvoiceLines(kit.services, tx, ctx, someId, { offset: 0, limit: 10 }))).rejects.toMatchObject({ code: 'not-found' });
    await expect(kit.as(denHaag, 'wmo', (tx, ctx) => approveInvoice(kit.services, tx, ctx, someId))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('roles without the invoice purpose are refused, and the refusal is audited', async () => {
    for (const username of ['rotterdam.wmo', 'rotterdam.generalist', 'rotterdam.kwaliteit', 'rotterdam.beheer', 'rotterdam.auditor']) {
      const a = await kit.actor(username);
      await expect(kit.as(a, 'wmo', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { limit: 10 }))).rejects.toBeInstanceOf(AccessDenied);
      const before = await kit.count('exchange_messages');
      await expect(kit.deliver(a, 'wmo', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('N1', '1001', '2026-10', 1)] }]))).rejects.toBeInstanceOf(AccessDenied);
      expect(await kit.count('exchange_messages')).toBe(before);
    }
    expect(await kit.count('audit_log', "resource = 'invoice' and outcome = 'denied'")).toBeGreaterThanOrEqual(10);
  });

  it('the back office must work under the law of the message', async () => {
    const before = await kit.count('exchange_invoice_lines');
    await expect(kit.deliver(backOffice, 'jeugdwet', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('O1', '1001', '2026-10', 1)] }]))).rejects.toBeInstanceOf(DomainError);
    await expect(kit.deliver(backOffice, 'participatiewet', invoice('2026-10', [{ bsn: P, prestaties: [prestatie('O2', '1001', '2026-10', 1)] }]))).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await kit.count('exchange_invoice_lines')).toBe(before);
  });
});

const statusOf = async (id: string | undefined) =>
  (await withSystem(kit.database.db, (tx) => sql<{ status: string; failure_reason: string | null }>`select status, failure_reason from exchange_messages where id = ${id ?? null}::uuid`.execute(tx))).rows[0];

describe('one message per provider at a time', () => {
  const limits = { maxPreludeChars: 1 << 20, maxClientChars: 1 << 20, batchClients: 1 };
  it('a message that fails mid-way is marked failed with its reason and leaves its provider free; the failed one can be delivered again', async () => {
    const crashed = invoice('2026-04', [{ bsn: P, prestaties: [prestatie('Q1', '2002', '2026-04', 1)] }, { bsn: Q, prestaties: [prestatie('Q2', '2003', '2026-04', 1)] }]);
    await expect(kit.deliver(backOffice, 'wmo', crashed, { limits, beforeCommit: (n) => { if (n === 2) throw new Error(`disk full while staging ${P}`); } })).rejects.toThrow('disk full');
    const failed = (await kit.as(backOffice, 'wmo', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { status: 'failed', limit: 200 }))).find((m) => m.periodBegin === '2026-04-01');
    expect(failed).toMatchObject({ status: 'failed', failure: { reason: expect.stringContaining('disk full while staging *********') } });
    expect(failed?.failure?.reason).not.toContain(P);
    // The next message of the provider is received at once: no conflict, no waiting for a lease.
    const other = invoice('2026-03', [{ bsn: P, prestaties: [prestatie('Q3', '2002', '2026-03', 1)] }]);
    expect(await kit.deliver(backOffice, 'wmo', other)).toMatchObject({ refused: false, approvedLines: 1 });
    // The failed message itself is delivered again and booked, once.
    const again = await kit.deliver(backOffice, 'wmo', crashed, { limits });
    expect(again).toMatchObject({ refused: false, repeated: false, approvedLines: 2, messageId: failed?.id });
    expect(await statusOf(failed?.id)).toEqual({ status: 'answered', failure_reason: null });
    expect(await kit.count('exchange_invoice_lines', `message_id = '${failed?.id ?? ''}'`)).toBe(2);
  });

  it('a message whose process died (no heartbeat within the lease) no longer blocks: the next delivery marks it failed', async () => {
    const died = invoice('2026-01', [{ bsn: P, prestaties: [prestatie('Z1', '2002', '2026-01', 1)] }]);
    // A process that dies leaves the message receiving and runs no catch: simulated by a failure whose marking is undone.
    await expect(kit.deliver(backOffice, 'wmo', died, { limits, beforeCommit: () => { throw new Error('killed'); } })).rejects.toThrow('killed');
    const id = (await withSystem(kit.database.db, (tx) => sql<{ id: string }>`update exchange_messages set status = 'receiving', failure_reason = null, failed_at = null, heartbeat_at = ${kit.clock.now().toISOString()}::timestamptz where period_begin = '2026-01-01' and status = 'failed' returning id`.execute(tx))).rows[0]?.id;
    expect(id).toBeDefined();
    const next = invoice('2026-01', [{ bsn: Q, prestaties: [prestatie('Z2', '2003', '2026-01', 1)] }]);
    // Within the lease the process may still be alive: the provider waits.
    await expect(kit.deliver(backOffice, 'wmo', next)).rejects.toMatchObject({ code: 'conflict' });
    kit.clock.advance(LEASE_MS + 1000);
    expect(await kit.deliver(backOffice, 'wmo', next)).toMatchObject({ refused: false, approvedLines: 1 });
    expect(await statusOf(id)).toEqual({ status: 'failed', failure_reason: expect.stringMatching(/no heartbeat for 60 s/) });
    expect(await kit.deliver(backOffice, 'wmo', died, { limits })).toMatchObject({ refused: false, approvedLines: 1 });
  });
});

describe('the CDATA invoice (regression: it ended the process)', () => {
  it('GeleverdVolume written as CDATA is read, verified and booked; delivering the same message again gives the same answer', async () => {
    const plain = invoice('2026-06', [{ bsn: Q, prestaties: [prestatie('CD1', '2003', '2026-06', 8)] }, { bsn: P, prestaties: [prestatie('CD2', '9999', '2026-06', 1)] }]);
    const xml = plain.replace('<wmo323:GeleverdVolume>8</wmo323:GeleverdVolume>', '<wmo323:GeleverdVolume><![CDATA[8]]></wmo323:GeleverdVolume>')
      .replace('<wmo323:Bsn>', '<!-- opmerking van de aanbieder --><wmo323:Bsn>');
    expect(xml).toContain('<![CDATA[8]]>');
    const first = await kit.deliver(backOffice, 'wmo', xml);
    // The second client's line is rejected (no allocation 9999), so its content is written to the 325's temporary file too.
    expect(first).toMatchObject({ refused: false, lines: 2, approvedLines: 1, rejectedLines: 1 });
    const booked = await withSystem(kit.database.db, (tx) => sql<{ volume: number; amount_cents: string }>`select volume, amount_cents from exchange_invoice_lines where message_id = ${first.messageId} and referentie_nummer = 'CD1'`.execute(tx));
    expect(booked.rows.map((r) => [r.volume, Number(r.amount_cents)])).toEqual([[8, 8 * 1250]]);
    expect(await statusOf(first.messageId ?? undefined)).toEqual({ status: 'answered', failure_reason: null });
    const again = await kit.deliver(backOffice, 'wmo', xml);
    expect(again).toMatchObject({ repeated: true, messageId: first.messageId });
    expect(again.answer).toBe(first.answer);
  });
});

describe('iJw through the database backend', () => {
  it('an iJw declaration is verified against a Jeugdwet contract, received and read only under the Jeugdwet purpose', async () => {
    await insertProviderFixture(kit.database.db, { municipalityCode: '0599', agb: '45678901', name: 'Jeugdhulp Test', standard: 'ijw', tariffs: [{ category: '45', productCode: '45A48', unit: '04', cents: 9000, from: '2026-01-01', to: null }] });
    await insertAllocationFixtures(kit.database.db, [{ municipalityCode: '0599', toewijzingNummer: '3001', bsn: rotterdam.child, providerAgb: '45678901', standard: 'ijw', category: '45', productCode: '45A48', start: '2026-01-01', end: '2026-12-31', volume: 10, unit: '04', frequency: '4' }]);
    const jw = (ref: string, tariff: number) => prestatie(ref, '3001', '2026-10', 2, { productCategorie: '45', productCode: '45A48', productTarief: tariff, bedrag: 2 * tariff });
    const xml = invoice('2026-10', [{ bsn: rotterdam.child, prestaties: [jw('V1', 9000), jw('V2', 9500)] }], { standard: 'ijw', afzender: '45678901' });
    await expect(kit.deliver(backOffice, 'wmo', xml)).rejects.toMatchObject({ code: 'invalid-input' });
    const r = await kit.deliver(backOffice, 'jeugdwet', xml);
    expect(r.answer).toContain('jw325:');
    const codes = await codesOf(r.messageId);
    expect(codes.V1).toEqual([]);
    expect(codes.V2).toContain('0611');
    const jeugd = await kit.as(backOffice, 'jeugdwet', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { limit: 200 }));
    expect(jeugd.map((m) => m.id)).toEqual([r.messageId]);
    const wmo = await kit.as(backOffice, 'wmo', (tx, ctx) => listInvoiceMessages(kit.services, tx, ctx, { limit: 200 }));
    expect(wmo.map((m) => m.id)).not.toContain(r.messageId);
    await expect(kit.as(backOffice, 'wmo', (tx, ctx) => readInvoiceLines(kit.services, tx, ctx, r.messageId ?? '', { offset: 0, limit: 10 }))).rejects.toMatchObject({ code: 'not-found' });
  });
});

// Last: these deliveries would change the counts and the inbox of the tests above.
describe('TR056: the identity of a 323 includes its standard', () => {
  it('TR056: a JW323 with the Identificatie of an earlier WMO323 of the same sender is its own message: both are answered and booked', async () => {
    const wmo = invoice('2026-09', [{ bsn: rotterdam.child, prestaties: [prestatie('ID1', '2001', '2026-09', 1)] }], { identificatie: 'SAME56' });
    const jw = invoice('2026-09', [{ bsn: rotterdam.child, prestaties: [prestatie('ID1', '7001', '2026-09', 1, { productCategorie: '45', productCode: '45A48' })] }], { identificatie: 'SAME56', standard: 'ijw' });
    const a = await kit.deliver(backOffice, 'wmo', wmo);
    const b = await kit.deliver(backOffice, 'jeugdwet', jw);
    expect(a).toMatchObject({ refused: false, repeated: false, lines: 1 });
    expect(b).toMatchObject({ refused: false, repeated: false, lines: 1 });
    expect(b.messageId).not.toBe(a.messageId);
    expect(b.answer).toContain('jw325:');
    expect(Object.keys(await codesOf(a.messageId))).toEqual(['ID1']);
    expect(Object.keys(await codesOf(b.messageId))).toEqual(['ID1']);
  });

  it('TR056: the same Identificatie with other content is refused with 9056 and books nothing; the first message stays answered', async () => {
    const xml = invoice('2026-09', [{ bsn: rotterdam.child, prestaties: [prestatie('ID2', '2001', '2026-09', 1)] }], { identificatie: 'OTHER56' });
    const first = await kit.deliver(backOffice, 'wmo', xml);
    const lines = await kit.count('exchange_invoice_lines');
    const other = xml.replace('</wmo323:Prestatie>', '<!-- another content --></wmo323:Prestatie>');
    const again = await kit.deliver(backOffice, 'wmo', other);
    expect(again).toMatchObject({ refused: true, refusalCode: '9056', repeated: false });
    expect(again.answer).toContain('<wmo325:RetourCode>9056</wmo325:RetourCode>');
    expect(await kit.count('exchange_invoice_lines')).toBe(lines);
    const stored = await withSystem(kit.database.db, (tx) => sql<{ status: string; refusal_code: string | null }>`select status, refusal_code from exchange_messages where id = ${first.messageId}`.execute(tx));
    expect(stored.rows[0]).toEqual({ status: 'answered', refusal_code: null });
    expect((await kit.deliver(backOffice, 'wmo', xml)).answer).toBe(first.answer);
  });
});

describe('money rules on the 323 through receive: refused whole under their own rule, nothing booked', () => {
  const lines = (m: string) => [prestatie(`${m}a`, '2001', '2026-05', 1), prestatie(`${m}b`, '2001', '2026-06', 1)];
  it.each([
    ['TR101', () => invoice('2026-05', [{ bsn: rotterdam.child, prestaties: [prestatie('MA1', '2001', '2026-05', 1), prestatie('MA1', '2001', '2026-05', 1)] }])],
    ['TR316', () => invoice('2026-05', [{ bsn: rotterdam.child, prestaties: [prestatie('MB1', '2001', '2026-05', 1), prestatie('MB2', '2001', '2026-05', 1, { vorigReferentieNummer: 'MB1', debetCredit: 'C' })] }])],
    ['TR335', () => invoice('2026-05', [{ bsn: rotterdam.child, prestaties: [prestatie('MC1', '2001', '2019-05', 1)] }])],
    ['TR358', () => invoice('2026-05', [{ bsn: rotterdam.child, prestaties: lines('MD') }], { totaalDebetCredit: 'C' })],
  ])('%s', async (rule, xml) => {
    const before = await kit.count('exchange_invoice_lines', "approved");
    const r = await kit.deliver(backOffice, 'wmo', xml());
    expect(r).toMatchObject({ refused: true, refusalCode: '0001' });
    expect(r.outcome.refusal?.rule).toBe(rule);
    expect(await kit.count('exchange_invoice_lines', "approved")).toBe(before);
  });
});

describe('the 325 to the filling instructions (IV087)', () => {
  it('each 325 has an identification of its own, unique for the municipality, not derived from the 323', async () => {
    const a = await kit.deliver(backOffice, 'wmo', invoice('2026-04', [{ bsn: rotterdam.child, prestaties: [prestatie('IVA', '2001', '2026-04', 1)] }], { identificatie: '900000000001' }));
    const b = await kit.deliver(backOffice, 'wmo', invoice('2026-04', [{ bsn: rotterdam.child, prestaties: [prestatie('IVB', '2001', '2026-04', 1)] }], { identificatie: '900000000002' }));
    const idOf = (xml: string) => /<wmo325:BerichtIdentificatie>\s*<iwmo:Identificatie>([^<]+)</.exec(xml)?.[1];
    expect(idOf(a.answer)).toMatch(/^K\w+$/);
    expect(idOf(b.answer)).toMatch(/^K\w+$/);
    expect(idOf(a.answer)).not.toBe(idOf(b.answer));
  });
});
