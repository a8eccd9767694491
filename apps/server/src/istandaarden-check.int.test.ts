import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, withSystem } from '@kern/db';
import { demoInvoiceXml } from '@kern/exchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

const examples = fileURLToPath(new URL('../../../packages/exchange/examples', import.meta.url));
const example = (f: string) => readFileSync(`${examples}/${f}`, 'utf8');
let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
}, 120_000);
afterAll(async () => kern?.close());

let address = 0;
/** Each test from its own address, so the rate limit of one does not touch another. */
const check = (payload: string | Buffer, o: { remoteAddress?: string; contentType?: string } = {}) =>
  kern.app.inject({ method: 'POST', url: '/api/v1/istandaarden/check', remoteAddress: o.remoteAddress ?? `10.0.0.${++address}`, headers: { 'content-type': o.contentType ?? 'application/xml' }, payload });

interface Result { messageType: string | null; valid: boolean; findings: { rule: string; code: string; message: string; line: number | null }[]; notChecked: string[] }
const ok = (res: { statusCode: number; body: string }): Result => {
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body) as Result;
};

/** Every table's row count: the self-check must leave all of them as they were. */
const rowCounts = async (): Promise<Record<string, number>> =>
  withSystem(kern.services.db, async (tx) => {
    const tables = (await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(tx)).rows.map((r) => r.t);
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(tx)).rows[0]?.n ?? 0;
    return out;
  });

describe('POST /api/v1/istandaarden/check: the provider self-check without a municipal login', () => {
  it('a reference message without faults is valid, and names the rules that need the municipality\'s data as not checked', async () => {
    const r = ok(await check(example('iwmo-3.2/berichten/WMO305.xml')));
    expect(r).toMatchObject({ messageType: 'WMO305', valid: true, findings: [] });
    expect(r.notChecked).toEqual(expect.arrayContaining(['TR056', 'TR019']));
  });

  it('a broken message gets every finding with rule, return code, message and line; nothing is stored', async () => {
    const before = await rowCounts();
    const future = ok(await check(example('iwmo-3.2/berichten/WMO305.xml').replace('<iwmo:Dagtekening>2025-04-05<', '<iwmo:Dagtekening>2099-04-05<')));
    expect(future.valid).toBe(false);
    expect(future.findings).toContainEqual(expect.objectContaining({ rule: 'TR135', code: '8848', message: expect.stringContaining('Dagtekening') as unknown }));
    const xsd = ok(await check(example('iwmo-3.2/berichten/WMO305.xml').replace(/<wmo305:BerichtVersie>3<\/wmo305:BerichtVersie>/, '<wmo305:BerichtVersie>X</wmo305:BerichtVersie>')));
    expect(xsd.findings[0]).toMatchObject({ rule: 'XSD', code: '0001', line: 5 });
    const invoice = ok(await check(demoInvoiceXml({ municipalityCode: '0599', clients: ['999991838', '999990512'], identificatie: 'SELF1' })));
    expect(invoice.messageType).toBe('WMO323');
    expect(await rowCounts()).toEqual(before);
  });

  it('hostile input is a clear finding, never a 500: entities, DOCTYPE, another standard or release, not XML', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><x>&b;</x>';
    expect(ok(await check(bomb)).findings).toEqual([expect.objectContaining({ rule: 'DOCTYPE', code: '0001' })]);
    const external = '<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>';
    expect(ok(await check(external)).findings[0]?.rule).toBe('DOCTYPE');
    const release31 = example('iwmo-3.2/berichten/WMO305.xml').replaceAll('3_2', '3_1');
    expect(ok(await check(release31)).findings).toEqual([expect.objectContaining({ rule: 'NAMESPACE', code: '0001', message: expect.stringContaining('3.1') as unknown })]);
    expect(ok(await check('<Bericht xmlns="urn:other"/>')).findings[0]).toMatchObject({ rule: 'XML', code: '0001' });
    expect(ok(await check('dit is geen xml')).findings[0]).toMatchObject({ rule: 'XML', code: '0001' });
    const broken = ok(await check(example('iwmo-3.2/berichten/WMO305.xml').replace('</wmo305:Header>', '')));
    expect(broken.findings[0]).toMatchObject({ rule: 'XML', code: '0001' });
    expect(broken.findings[0]?.line).toEqual(expect.any(Number));
  });

  it('a file over 5 MB is refused with 413 and a problem that says why', async () => {
    const res = await check(Buffer.alloc(5 * 1024 * 1024 + 10, 'a'));
    expect(res.statusCode).toBe(413);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.body).toContain('5 MB');
  });

  it('another body type than XML is a problem on content-type, not a 500', async () => {
    const res = await check(JSON.stringify({ xml: '<x/>' }), { contentType: 'application/json' });
    expect([400, 415]).toContain(res.statusCode);
  });

  it('one address asking too often gets 429 with Retry-After; another address is not held back', async () => {
    const from = '10.9.9.9';
    for (let i = 0; i < 20; i++) expect((await check('x', { remoteAddress: from })).statusCode).toBe(200);
    const refused = await check('x', { remoteAddress: from });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await check('x', { remoteAddress: '10.9.9.10' })).statusCode).toBe(200);
  });
});
