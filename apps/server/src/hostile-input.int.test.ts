import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { demoInvoiceXml } from '@kern/exchange';
import { exchangeDemoClients } from '@kern/seed';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_DEPTH } from './input-guard';
import { startTestKern, type Agent, type TestKern } from './testing';

let kern: TestKern;
let base: string;
const clients = exchangeDemoClients['0599'] ?? ['', ''];

beforeAll(async () => {
  kern = await startTestKern({
    // Far above 64 MB: the bound that refuses the hostile file must be the one on text between elements, not the size.
    config: { exchangeUploadLimitBytes: 1024 * 1024 * 1024 },
    extraRoutes: (api) => {
      api.get('/api/v1/test-only/broken', { config: { auth: 'public', personalData: 'none' }, schema: { hide: true } }, async () => {
        throw new Error('a bug in a handler');
      });
      api.post('/api/v1/test-only/echo', { config: { auth: 'public', personalData: 'none' }, schema: { hide: true, body: z.unknown() } }, async () => ({ ok: true }));
    },
  });
  // A real socket on loopback, so the hostile upload and the health checks are separate clients.
  await kern.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(kern.app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => kern?.close());

interface Answer {
  status: number;
  body: string;
  at: number;
}

/** A GET on its own connection; resolves with when it was answered. */
async function get(path: string): Promise<Answer> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.text(), at: performance.now() };
}

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
  return res.json() as { invalidParams?: { name: string; reason: string }[]; instance?: string; reference?: string; messages?: { nl: string; en: string } };
};

describe('a hostile upload is refused with a 4xx while other clients are answered', () => {
  it('64 MB of whitespace between two Client elements (streamed): health is answered meanwhile, the upload is refused early with 400', async () => {
    const agent: Agent = await kern.login('rotterdam.besluit');
    const xml = demoInvoiceXml({ municipalityCode: '0599', clients, identificatie: 'HOSTILE1' });
    const cut = xml.indexOf('</wmo323:Client>') + '</wmo323:Client>'.length;
    const block = Buffer.alloc(64 * 1024, ' ');
    const total = 64 * 1024 * 1024;

    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = performance.now();
    let sent = 0;
    let uploadAnswer: Answer | undefined;
    const healthDuringUpload: Answer[] = [];

    const upload = new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(`${base}/api/v1/exchange/invoices`, {
        method: 'POST',
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken, 'kern-purpose': 'wmo', 'content-type': 'application/xml' },
      });
      req.on('error', (e) => (uploadAnswer ? undefined : reject(e)));
      req.on('response', (res: IncomingMessage) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          uploadAnswer = { status: res.statusCode ?? 0, body, at: performance.now() };
          resolve(uploadAnswer);
          req.destroy();
        });
      });
      void (async () => {
        req.write(xml.slice(0, cut));
        // Half the bound first: the upload is in flight, not yet refusable; another client asks for health.
        for (let i = 0; i < 8; i++) {
          req.write(block);
          sent += block.length;
        }
        healthDuringUpload.push(await get('/api/v1/health'));
        while (sent < total && !uploadAnswer && !req.destroyed) {
          if (!req.write(block)) {
            await new Promise<void>((r) => {
              const done = () => {
                req.off('drain', done).off('close', done);
                r();
              };
              req.on('drain', done).on('close', done);
            });
          }
          sent += block.length;
          if (sent % (4 * 1024 * 1024) === 0) healthDuringUpload.push(await get('/api/v1/health'));
        }
        if (!uploadAnswer && !req.destroyed) req.end(xml.slice(cut));
      })().catch(reject);
    });

    const answer = await upload;
    lag.disable();
    const elapsed = performance.now() - started;
    // The figures for the record (event-loop delay while the hostile upload was read and refused).
    console.log(`hostile 64 MB whitespace upload: answered ${answer.status} after ${elapsed.toFixed(0)} ms and ${(sent / 1024 / 1024).toFixed(2)} MB sent; event-loop delay max ${(lag.max / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, mean ${(lag.mean / 1e6).toFixed(1)} ms`);

    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'invalid-input', invalidParams: [{ name: 'body', reason: expect.stringMatching(/bytes of whitespace or comments after Client 1/) }] });
    // Refused on the bound on text between elements, long before the 64 MB were sent.
    expect(sent).toBeLessThan(total / 4);
    // Another client's health check, asked while the upload was in flight, was answered before the upload's answer.
    expect(healthDuringUpload.length).toBeGreaterThanOrEqual(1);
    expect(healthDuringUpload.every((h) => h.status === 200)).toBe(true);
    expect(healthDuringUpload[0]?.at).toBeLessThan(answer.at);
    // And the server still answers afterwards.
    expect((await get('/api/v1/health')).status).toBe(200);
  }, 120_000);

  it('a YAML alias bomb (billion laughs, 376 characters) and a file of many aliases: 400 on the werkwijze, health answered alongside', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i] ?? ''}`).join(',')}]`)].join('\n');
    expect(laughs.length).toBeLessThan(400);
    const many = `x: &x v\nlist:\n${Array.from({ length: 5000 }, () => '  - *x').join('\n')}\n`;
    for (const yaml of [laughs, many]) {
      const [res, health] = await Promise.all([admin.request('POST', '/api/v1/werkwijzen', { body: { yaml } }), get('/api/v1/health')]);
      const p = expectProblem(res, 400);
      expect(JSON.stringify(p.invalidParams)).toMatch(/too many aliases/);
      expect(health.status).toBe(200);
    }
  });

  it('JSON nested 5,000 deep: 400 naming the body, health answered alongside', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deepObject = `{"csv":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    for (const payload of [deep, deepObject]) {
      const [res, health] = await Promise.all([
        kern.app.inject({ method: 'POST', url: '/api/v1/sessions', headers: { 'content-type': 'application/json' }, payload }),
        get('/api/v1/health'),
      ]);
      const p = expectProblem(res, 400);
      expect(p.invalidParams?.[0]?.reason).toBe(`nested deeper than ${MAX_INPUT_DEPTH} levels`);
      expect(health.status).toBe(200);
    }
  });
});

describe('text Kern cannot store is refused at the edge with a 400 on its field', () => {
  it('a NUL (\\u0000) or a lone surrogate in a JSON string names the field', async () => {
    for (const [payload, name] of [
      ['{"username":"a\\u0000b","password":"x"}', 'username'],
      ['{"username":"a","password":"\\ud800"}', 'password'],
      ['{"username":"a","password":"x","extra":{"list":["ok","\\udc00"]}}', 'extra.list.1'],
    ] as const) {
      const p = expectProblem(await kern.app.inject({ method: 'POST', url: '/api/v1/sessions', headers: { 'content-type': 'application/json' }, payload }), 400);
      expect(p.invalidParams?.[0]?.name).toBe(name);
    }
  });

  it('a NUL in the query or a path parameter', async () => {
    const a = await kern.login('rotterdam.wmo');
    expect(expectProblem(await a.request('GET', '/api/v1/residents?surname=Jan%00sen&birthDate=1993-12-26', { purpose: 'wmo' }), 400).invalidParams?.[0]?.name).toBe('surname');
    // A free-text filter that went to PostgreSQL as it was ("invalid byte sequence for encoding UTF8: 0x00", a 500 before).
    expect(expectProblem(await kern.anonymous.request('GET', '/api/v1/municipalities?q=Rotter%00dam'), 400).invalidParams).toEqual([{ name: 'q', reason: 'contains a NUL character (U+0000); remove it' }]);
    expect(expectProblem(await a.request('GET', '/api/v1/werkwijzen/a%00b/versions/1/export'), 400).invalidParams?.[0]?.name).toBe('id');
  });

  it('the fields of the 5xx the attack found: an audit-record filter, a break-the-glass reason (whose denial went unlogged)', async () => {
    const auditor = await kern.login('rotterdam.auditor');
    expect(expectProblem(await auditor.request('GET', '/api/v1/audit-records?actorId=x%00', { purpose: 'integraal' }), 400).invalidParams?.[0]?.name).toBe('actorId');
    const wmo = await kern.login('rotterdam.wmo');
    const p = expectProblem(await wmo.request('POST', '/api/v1/residents/999991838/break-glass', { purpose: 'wmo', body: { reason: 'spoed \ud800 spoed spoed spoed' } }), 400);
    expect(p.invalidParams).toEqual([{ name: 'reason', reason: expect.stringMatching(/lone surrogate/) }]);
  });

  it('a debt-signal CSV with a NUL is a 400 on its csv field', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const csv = 'bsn;creditor;sector;kind;arrears_cents;months_in_arrears;signal_date;reference\n999992831;Evi\u0000des;water;arrears;12000;2;2026-01-05;E-1';
    expect(expectProblem(await admin.request('POST', '/api/v1/debt/signal-files', { purpose: 'wgs', body: { csv } }), 400).invalidParams?.[0]?.name).toBe('csv');
  });
});

describe('an unexpected error ends that request, never the process', () => {
  it('is a problem+json 500 naming its reference (the request id), and the next request is answered', async () => {
    const res = await kern.app.inject({ method: 'GET', url: '/api/v1/test-only/broken' });
    const p = expectProblem(res, 500);
    expect(p.reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.instance).toBe(p.reference);
    expect(p.messages?.en).toContain(p.reference);
    expect((await get('/api/v1/health')).status).toBe(200);
  });
});
