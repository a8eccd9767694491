import { defaultPolicy } from '@kern/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

describe('the access policy as data per municipality', () => {
  it('starts from the shipped default, version 0', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const res = await admin.request('GET', '/api/v1/access-policy');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, document: { name: defaultPolicy.name } });
  });

  it('refuses an invalid policy with its paths, and publishes a valid one that takes effect at once in that municipality only', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const invalid = await admin.request('POST', '/api/v1/access-policy/versions', { body: { document: { ...defaultPolicy, rules: [{ ...defaultPolicy.rules[0], roles: ['koning'] }] } } });
    expect(invalid.statusCode).toBe(400);
    expect(JSON.stringify(invalid.json())).toMatch(/document\.rules\.0\.roles/);

    // Rotterdam withdraws the Wmo rule: the Wmo consultant's team case no longer opens the resident.
    const withoutWmo = { ...defaultPolicy, name: 'Rotterdam zonder Wmo-leesrecht', rules: defaultPolicy.rules.filter((r) => r.id !== 'wmo-own-cases') };
    const wmo = await kern.login('rotterdam.wmo');
    expect((await wmo.request('GET', '/api/v1/residents/999991838', { purpose: 'wmo' })).statusCode).toBe(200);
    const published = await admin.request('POST', '/api/v1/access-policy/versions', { body: { document: withoutWmo } });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ version: 1 });
    expect((await wmo.request('GET', '/api/v1/residents/999991838', { purpose: 'wmo' })).statusCode).toBe(403);
    const denHaag = await kern.login('denhaag.wmo');
    expect((await denHaag.request('GET', '/api/v1/residents/999990627', { purpose: 'wmo' })).statusCode).toBe(200);
  });

  it('is closed to everyone but the functional administrator', async () => {
    for (const username of ['rotterdam.generalist', 'rotterdam.auditor', 'rotterdam.kwaliteit']) {
      const agent = await kern.login(username);
      expect((await agent.request('GET', '/api/v1/access-policy')).statusCode, username).toBe(403);
      expect((await agent.request('POST', '/api/v1/access-policy/versions', { body: { document: defaultPolicy } })).statusCode, username).toBe(403);
    }
  });
});
