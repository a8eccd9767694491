import { Readable } from 'node:stream';
import { sql, withSystem } from '@kern/db';
import { demoInvoiceXml, messageType, validateAgainstXsd } from '@kern/exchange';
import { refreshAll } from '@kern/insight';
import { exchangeDemoClients } from '@kern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

const LIMIT = 256 * 1024;
let kern: TestKern;
let backOffice: Agent;
const clients = exchangeDemoClients['0599'] ?? ['', ''];

beforeAll(async () => {
  kern = await startTestKern({ config: { exchangeUploadLimitBytes: LIMIT } });
  backOffice = await kern.login('rotterdam.besluit');
}, 120_000);
afterAll(async () => kern?.close());

const deliver = (agent: Agent, body: string | Readable, purpose = 'wmo', headers: Record<string, string> = {}) =>
  kern.app.inject({
    method: 'POST',
    url: '/api/v1/exchange/invoices',
    headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken, 'kern-purpose': purpose, 'content-type': 'application/xml', ...headers },
    payload: body,
  });

const booked = async (): Promise<{ messages: number; lines: number }> => {
  const r = await withSystem(kern.services.db, (tx) => sql<{ m: number; l: number }>`select (select count(*)::int from exchange_messages) as m, (select count(*)::int from exchange_invoice_lines) as l`.execute(tx));
  return { messages: Number(r.rows[0]?.m ?? 0), lines: Number(r.rows[0]?.l ?? 0) };
};

const problem = (res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
};

describe('the delivery endpoint', () => {
  it('answers a declaration with its 325, verdicts per line, and the inbox shows them with reasons', async () => {
    const res = await deliver(backOffice, demoInvoiceXml({ municipalityCode: '0599', clients, identificatie: 'HTTP1' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/xml');
    expect(validateAgainstXsd(messageType('iwmo', '325'), res.body)).toEqual([]);
    expect(res.headers['kern-lines']).toBe('3;approved=1;rejected=2');
    const id = String(res.headers['kern-message-id']);

    const inbox = await backOffice.request('GET', '/api/v1/exchange/invoices?provider=87654321', { purpose: 'wmo' });
    expect(inbox.json<{ messages: { id: string; approvedLines: number }[] }>().messages.find((m) => m.id === id)).toMatchObject({ approvedLines: 1 });
    const rejected = await backOffice.request('GET', `/api/v1/exchange/invoices/${id}/lines?verdict=rejected`, { purpose: 'wmo' });
    const lines = rejected.json<{ lines: { reasons: { code: string; nl: string; en: string }[] }[] }>().lines;
    expect(lines.flatMap((l) => l.reasons.map((r) => r.code)).sort()).toEqual(['0611', '9338']);
    expect(lines[0]?.reasons[0]?.nl).toBeTruthy();

    const batch = await backOffice.request('POST', `/api/v1/exchange/invoices/${id}/payment-batches`, { purpose: 'wmo' });
    expect(batch.statusCode, batch.body).toBe(201);
    const csv = await backOffice.request('GET', `/api/v1/exchange/payment-batches/${batch.json<{ id: string }>().id}/csv`, { purpose: 'wmo' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(';HTTP1-1;5001;02;02A01;2026-10-01;2026-10-31;8;04;1300;10400');
    expect(csv.body).not.toContain(clients[0]);
  });

  it('the same file delivered twice gets the same 325 and books nothing more', async () => {
    const xml = demoInvoiceXml({ municipalityCode: '0599', clients, identificatie: 'HTTP2' });
    const first = await deliver(backOffice, xml);
    const before = await booked();
    const again = await deliver(backOffice, xml);
    expect(again.body).toBe(first.body);
    expect(again.headers['kern-message-status']).toBe('repeated');
    expect(await booked()).toEqual(before);
  });

  it('refuses external entities (XXE) with a problem and books nothing', async () => {
    const before = await booked();
    const xxe = demoInvoiceXml({ municipalityCode: '0599', clients, identificatie: 'XXE1' })
      .replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
      .replace('<iwmo:Identificatie>XXE1<', '<iwmo:Identificatie>&xxe;<');
    const res = await deliver(backOffice, xxe);
    problem(res, 400);
    expect(res.body).not.toContain('root:');
    expect(await booked()).toEqual(before);
  });

  it('refuses entity expansion (billion laughs) with a problem and books nothing', async () => {
    const before = await booked();
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<wmo323:Bericht xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">&lol3;</wmo323:Bericht>`;
    problem(await deliver(backOffice, laughs), 400);
    expect(await booked()).toEqual(before);
  });

  it('refuses what is not XML, or not an iWmo/iJw message, with a problem', async () => {
    const before = await booked();
    problem(await deliver(backOffice, 'this is not xml at all'), 400);
    problem(await deliver(backOffice, '<?xml version="1.0"?><Bericht xmlns="urn:other"><a/></Bericht>'), 400);
    expect(await booked()).toEqual(before);
  });

  it('refuses a file over the configured limit (413), streamed or declared, and books nothing', async () => {
    const before = await booked();
    const big = demoInvoiceXml({ municipalityCode: '0599', clients, identificatie: 'BIG1' }).replace('</wmo323:Header>', `</wmo323:Header>${' '.repeat(LIMIT)}`);
    expect(big.length).toBeGreaterThan(LIMIT);
    problem(await deliver(backOffice, big), 413);
    // Without a Content-Length (chunked): counted while streaming.
    problem(await deliver(backOffice, Readable.from([big.slice(0, LIMIT / 2), big.slice(LIMIT / 2)])), 413);
    expect(await booked()).toEqual(before);
  });
});

describe('who may deliver and read invoices over HTTP', () => {
  it('another municipality sees nothing, a role without the purpose is refused', async () => {
    const denHaag = await kern.login('denhaag.besluit');
    const list = await denHaag.request('GET', '/api/v1/exchange/invoices', { purpose: 'wmo' });
    expect(list.json<{ messages: unknown[] }>().messages).toEqual([]);
    const wmo = await kern.login('rotterdam.wmo');
    problem(await wmo.request('GET', '/api/v1/exchange/invoices', { purpose: 'wmo' }), 403);
    const before = await booked();
    problem(await deliver(wmo, demoInvoiceXml({ municipalityCode: '0599', clients, identificatie: 'WMO1' })), 403);
    expect(await booked()).toEqual(before);
  });
});

describe('domain events feed the core indicator', () => {
  it('invoices approved first time: the approved lines of the deliveries above, as insight computes it', async () => {
    const values = await withSystem(kern.services.db, async (tx) => {
      await refreshAll(tx, kern.clock.now());
      return (await sql<{ value: string | null }>`select value from indicator_values
        where municipality_code = '0599' and indicator_id = 'invoices-approved-first-time' and law = '*' and team = '*' and value is not null`.execute(tx)).rows;
    });
    expect(values.map((v) => Number(v.value))).toEqual([100]);
    const events = await withSystem(kern.services.db, (tx) => sql<{ subject_ref: string }>`select subject_ref from domain_events where type like 'exchange.%'`.execute(tx));
    expect(events.rows.length).toBeGreaterThan(0);
    for (const e of events.rows) expect(e.subject_ref).not.toMatch(/^\d{9}$/);
  });
});

describe('the CDATA invoice over HTTP (regression: it ended the process with ERR_STREAM_DESTROYED)', () => {
  it('is answered and booked, its rejected clients written to the 325 through the temporary file; the same message again gets the same answer', async () => {
    const plain = demoInvoiceXml({ municipalityCode: '0599', clients, identificatie: 'CDATA1', month: '2026-09' });
    const xml = plain.replace(/<wmo323:GeleverdVolume>(\d+)<\/wmo323:GeleverdVolume>/g, '<wmo323:GeleverdVolume><![CDATA[$1]]></wmo323:GeleverdVolume>');
    expect(xml).toContain('<![CDATA[');
    const first = await deliver(backOffice, xml);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['kern-message-status']).toBe('answered');
    expect(first.headers['kern-lines']).toBe('3;approved=1;rejected=2');
    expect(validateAgainstXsd(messageType('iwmo', '325'), first.body)).toEqual([]);
    const again = await deliver(backOffice, xml);
    expect(again.headers['kern-message-status']).toBe('repeated');
    expect(again.body).toBe(first.body);
    expect((await kern.anonymous.request('GET', '/api/v1/health')).statusCode).toBe(200);
  });
});
