import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ loginAttemptLimit: 3 });
});
afterAll(async () => kern?.close());

describe('staff login and sessions', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the account with its CSRF token', async () => {
    const res = await kern.anonymous.request('POST', '/api/v1/sessions', { body: { username: 'rotterdam.wmo', password: 'kern-demo-2026' } });
    expect(res.statusCode).toBe(201);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^kern_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = res.json<{ session: { csrfToken: string; account: { roles: string[]; municipality: { code: string } } } }>();
    expect(body.session.account.roles).toEqual(['wmo-consultant']);
    expect(body.session.account.municipality.code).toBe('0599');
    expect(body.session.csrfToken.length).toBeGreaterThan(30);
  });

  it('answers a wrong password with 401 problem+json in Dutch and English, and audits the failure', async () => {
    const res = await kern.anonymous.request('POST', '/api/v1/sessions', { body: { username: 'rotterdam.inkomen', password: 'wrong-password-1' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'not-authenticated', messages: { nl: expect.any(String), en: expect.any(String) } });
    const auditor = await kern.login('rotterdam.auditor');
    const log = await auditor.request('GET', '/api/v1/audit-records?outcome=denied');
    expect(log.json<{ records: { action: string; reason: string }[] }>().records.some((r) => r.action === 'login')).toBe(true);
  });

  it('refuses further attempts after the limit, even with the right password (brute force)', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await kern.anonymous.request('POST', '/api/v1/sessions', { body: { username: 'rotterdam.schuld', password: `guess-${i}-xxxxxxxx` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await kern.anonymous.request('POST', '/api/v1/sessions', { body: { username: 'rotterdam.schuld', password: 'kern-demo-2026' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'too-many-requests' });
    expect(blocked.headers['set-cookie']).toBeUndefined();
    kern.clock.advance(16 * 60_000);
    const later = await kern.anonymous.request('POST', '/api/v1/sessions', { body: { username: 'rotterdam.schuld', password: 'kern-demo-2026' } });
    expect(later.statusCode).toBe(201);
  });

  it('refuses a state-changing request without the CSRF token and changes nothing', async () => {
    const agent = await kern.login('denhaag.wmo');
    const res = await kern.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/current/password-change',
      headers: { cookie: agent.cookie },
      payload: { currentPassword: 'kern-demo-2026', newPassword: 'a-brand-new-password' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf-token-invalid' });
    await expect(kern.login('denhaag.wmo', 'kern-demo-2026')).resolves.toBeDefined();
  });

  it('ends the session on logout', async () => {
    const agent = await kern.login('denhaag.jeugd');
    expect((await agent.request('GET', '/api/v1/sessions/current')).statusCode).toBe(200);
    expect((await agent.request('DELETE', '/api/v1/sessions/current')).statusCode).toBe(204);
    expect((await agent.request('GET', '/api/v1/sessions/current')).statusCode).toBe(401);
  });

  it('changes the password, keeps this session and ends the others', async () => {
    const other = await kern.login('denhaag.besluit');
    const agent = await kern.login('denhaag.besluit');
    const tooShort = await agent.request('POST', '/api/v1/accounts/current/password-change', { body: { currentPassword: 'kern-demo-2026', newPassword: 'short' } });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json()).toMatchObject({ invalidParams: [{ name: 'newPassword' }] });
    const wrongCurrent = await agent.request('POST', '/api/v1/accounts/current/password-change', { body: { currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' } });
    expect(wrongCurrent.statusCode).toBe(403);
    const ok = await agent.request('POST', '/api/v1/accounts/current/password-change', { body: { currentPassword: 'kern-demo-2026', newPassword: 'a-brand-new-password' } });
    expect(ok.statusCode).toBe(204);
    expect((await agent.request('GET', '/api/v1/sessions/current')).statusCode).toBe(200);
    expect((await other.request('GET', '/api/v1/sessions/current')).statusCode).toBe(401);
    await expect(kern.login('denhaag.besluit', 'a-brand-new-password')).resolves.toBeDefined();
    await expect(kern.login('denhaag.besluit', 'kern-demo-2026')).rejects.toThrow(/401/);
  });

  it('expires a session after its lifetime', async () => {
    const agent = await kern.login('denhaag.generalist');
    kern.clock.advance(kern.services.sessionTtlMinutes * 60_000 + 1000);
    expect((await agent.request('GET', '/api/v1/sessions/current')).statusCode).toBe(401);
  });
});
