import type { IdentityProvider } from '@kern/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

/** A stand-in DigiD broker: it verifies whoever comes back with the state it was given. */
const broker: IdentityProvider = {
  id: 'test-broker',
  authorizationUrl: async (state, nonce) => `https://broker.example/authorize?state=${state}&nonce=${nonce}`,
  completeLogin: async (params, expected) => {
    if (params.code !== 'ok' || params.state !== expected.state) throw new Error('bad callback');
    return { subject: 'digid-1', username: '999991838', municipalityCode: '0599', groups: [], assurance: 'substantial' };
  },
};

const cookieOf = (header: string | string[] | undefined, name: string) =>
  (Array.isArray(header) ? header : [header ?? '']).find((c) => c.startsWith(`${name}=`)) ?? '';

describe('portal login through a DigiD broker', () => {
  let kern: TestKern;
  beforeAll(async () => {
    kern = await startTestKern({ citizenIdentityProvider: broker });
  });
  afterAll(async () => kern.close());

  it('offers the broker, sends the citizen there with a Lax state cookie, and starts a Strict portal session on the way back', async () => {
    const options = await kern.anonymous.request('GET', '/api/v1/portal/login-options');
    expect(options.json()).toEqual({ broker: true, demo: true });

    const start = await kern.anonymous.request('GET', '/api/v1/portal/broker/start');
    expect(start.statusCode).toBe(302);
    expect(start.headers.location).toMatch(/^https:\/\/broker\.example\/authorize\?state=/);
    const stateCookie = cookieOf(start.headers['set-cookie'], 'kern_citizen_broker');
    expect(stateCookie).toMatch(/HttpOnly/);
    expect(stateCookie).toMatch(/SameSite=Lax/);
    expect(stateCookie).toMatch(/Path=\/api\/v1\/portal\/broker/);
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';

    const back = await kern.anonymous.request('GET', `/api/v1/portal/broker/callback?code=ok&state=${state}`, { headers: { cookie: stateCookie.split(';')[0] ?? '' } });
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe('/portaal/');
    const sessionCookie = cookieOf(back.headers['set-cookie'], 'kern_citizen_session');
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Strict/);

    const session = await kern.anonymous.request('GET', '/api/v1/portal/session', { headers: { cookie: sessionCookie.split(';')[0] ?? '' } });
    expect(session.statusCode).toBe(200);
    expect(session.json<{ session: { municipality: { code: string } } }>().session.municipality.code).toBe('0599');
  });

  it('refuses a callback whose state does not match the state cookie, as problem+json', async () => {
    const back = await kern.anonymous.request('GET', '/api/v1/portal/broker/callback?code=ok&state=guessed', { headers: { cookie: 'kern_citizen_broker=other.nonce' } });
    expect(back.statusCode).toBe(401);
    expect(back.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(cookieOf(back.headers['set-cookie'], 'kern_citizen_session')).toBe('');
  });
});
