import { sql } from '@kern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, messages: { nl: expect.any(String), en: expect.any(String) } });
};

describe('bad input gets a clear 4xx problem and changes nothing', () => {
  it('a BSN that fails the 11-test', async () => {
    const a = await kern.login('rotterdam.wmo');
    expectProblem(await a.request('GET', '/api/v1/residents/999991839', { purpose: 'wmo' }), 400);
    expectProblem(await a.request('GET', '/api/v1/residents?bsn=12345', { purpose: 'wmo' }), 400);
    expectProblem(await a.request('GET', '/api/v1/residents/abc', { purpose: 'wmo' }), 400);
  });

  it('an unknown municipality code, and a malformed one', async () => {
    expectProblem(await kern.anonymous.request('GET', '/api/v1/municipalities/0001'), 404);
    expectProblem(await kern.anonymous.request('GET', '/api/v1/municipalities/GM0363x'), 400);
  });

  it('an unknown purpose', async () => {
    const a = await kern.login('rotterdam.wmo');
    const res = await a.request('GET', '/api/v1/residents/999991838', { purpose: 'nieuwsgierigheid' });
    expectProblem(res, 400);
  });

  it('an oversized body', async () => {
    const res = await kern.anonymous.request('POST', '/api/v1/sessions', { body: { username: 'x'.repeat(200_000), password: 'y' } });
    expectProblem(res, 413);
  });

  it('malformed JSON and the wrong media type', async () => {
    const bad = await kern.app.inject({ method: 'POST', url: '/api/v1/sessions', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expectProblem(bad, 400);
    const xml = await kern.app.inject({ method: 'POST', url: '/api/v1/sessions', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect([400, 415]).toContain(xml.statusCode);
  });

  it('SQL injection strings are data, not SQL', async () => {
    const a = await kern.login('rotterdam.wmo');
    const before = Number((await sql<{ n: number }>`select count(*)::int as n from staff_accounts`.execute(kern.services.db)).rows[0]?.n);
    for (const evil of ["Braveheart' OR '1'='1", "x'; drop table staff_accounts; --", 'Robert"); DELETE FROM audit_log; --']) {
      const res = await a.request('GET', `/api/v1/residents?surname=${encodeURIComponent(evil)}&birthDate=1993-12-26`, { purpose: 'wmo' });
      expect([200, 400]).toContain(res.statusCode);
      if (res.statusCode === 200) expect(res.json()).toEqual({ residents: [] });
      const login = await kern.anonymous.request('POST', '/api/v1/sessions', { body: { username: evil, password: evil } });
      expectProblem(login, 401);
    }
    const after = Number((await sql<{ n: number }>`select count(*)::int as n from staff_accounts`.execute(kern.services.db)).rows[0]?.n);
    expect(after).toBe(before);
  });

  it('an impossible date is a 400 naming the field, not a database error', async () => {
    const auditor = await kern.login('rotterdam.auditor');
    const log = await auditor.request('GET', '/api/v1/audit-records?from=2026-13-45');
    expectProblem(log, 400);
    expect(JSON.stringify(log.json())).toContain('from');
    const generalist = await kern.login('rotterdam.generalist');
    const started = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo',
      body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999991838', meldingDate: '2026-02-30', fields: {} },
    });
    expectProblem(started, 400);
    expect(JSON.stringify(started.json())).toContain('meldingDate');
    const search = await generalist.request('GET', '/api/v1/residents?surname=Braveheart&birthDate=2020-02-30', { purpose: 'wmo' });
    expectProblem(search, 400);
  });

  it('a missing field names the field', async () => {
    const res = await kern.anonymous.request('POST', '/api/v1/sessions', { body: { username: 'rotterdam.wmo' } });
    expectProblem(res, 400);
    expect(JSON.stringify(res.json())).toContain('password');
  });

  it('an unknown route is a 404 problem, and every answer carries API-Version', async () => {
    const res = await kern.anonymous.request('GET', '/api/v1/nope');
    expectProblem(res, 404);
    expect(res.headers['api-version']).toBe('1.0.0');
  });
});

describe('operations', () => {
  it('answers health and serves an OpenAPI 3.1 document covering every route', async () => {
    const health = await kern.anonymous.request('GET', '/api/v1/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok' });
    const doc = (await kern.anonymous.request('GET', '/api/v1/openapi.json')).json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toBe('3.1.0');
    // The JSON Schema of the werkwijze format is a file for editors, not an API operation.
    for (const r of kern.routes.filter((x) => x.url !== '/api/v1/openapi.json' && x.url !== '/api/v1/werkwijze-schema.json')) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url} in OpenAPI`).toBeDefined();
    }
    expect((await kern.anonymous.request('GET', '/api/v1/docs/')).statusCode).toBe(200);
  });
});
