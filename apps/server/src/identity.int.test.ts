import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ loginAttemptLimit: 3, config: { loginAlertThreshold: 6 } });
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

const ATTACKER = '203.0.113.66';
const OFFICE = '198.51.100.10';
const loginFrom = (remoteAddress: string, username: string, password: string, host = 'localhost') =>
  kern.app.inject({ method: 'POST', url: '/api/v1/sessions', remoteAddress, headers: { host }, payload: { username, password } });

describe('throttling that cannot be turned against staff', () => {
  it('backs off the attacker\'s address with a Dutch 429 and Retry-After, while the real user logs in from their own', async () => {
    for (let i = 0; i < 3; i++) expect((await loginFrom(ATTACKER, 'rotterdam.kwaliteit', `guess-${i}-xxxxxxxx`)).statusCode).toBe(401);
    const backedOff = await loginFrom(ATTACKER, 'rotterdam.kwaliteit', 'guess-3-xxxxxxxx');
    expect(backedOff.statusCode).toBe(429);
    expect(backedOff.headers['retry-after']).toBe('30');
    expect(backedOff.json()).toMatchObject({ code: 'too-many-requests', retryAfterSeconds: 30, detail: expect.stringMatching(/Te veel mislukte pogingen. Wacht 30 seconden/) });

    const realUser = await loginFrom(OFFICE, 'rotterdam.kwaliteit', 'kern-demo-2026');
    expect(realUser.statusCode).toBe(201);

    // the wait doubles with each failure after it: 30 s, then 60 s
    kern.clock.advance(31_000);
    expect((await loginFrom(ATTACKER, 'rotterdam.kwaliteit', 'guess-4-xxxxxxxx')).statusCode).toBe(401);
    const longer = await loginFrom(ATTACKER, 'rotterdam.kwaliteit', 'guess-5-xxxxxxxx');
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('60');
    expect((await loginFrom(OFFICE, 'rotterdam.kwaliteit', 'kern-demo-2026')).statusCode).toBe(201);
  });

  it('raises an alert the functional administrator reads, in Dutch, when one account sees many failures', async () => {
    for (let i = 0; i < 6; i++) expect((await loginFrom(`192.0.2.${i + 1}`, 'rotterdam.inkoop', `guess-${i}-xxxxxxxx`)).statusCode).toBe(401);
    const admin = await kern.login('rotterdam.beheer');
    const res = await admin.request('GET', '/api/v1/login-alerts');
    expect(res.statusCode).toBe(200);
    const alert = res.json<{ alerts: { username: string; failures: number; addresses: number; message: string }[] }>().alerts.find((a) => a.username === 'rotterdam.inkoop');
    expect(alert).toMatchObject({ failures: 6, addresses: 6, message: expect.stringMatching(/mislukte inlogpogingen binnen een uur vanaf 6 adressen. Het account is niet geblokkeerd/) });
    // no lock: the account still logs in
    await expect(kern.login('rotterdam.inkoop')).resolves.toBeDefined();
    const auditor = await kern.login('rotterdam.auditor');
    const log = (await auditor.request('GET', '/api/v1/audit-records?outcome=denied')).json<{ records: { action: string; reason: string }[] }>().records;
    expect(log.some((r) => r.action === 'alert' && r.reason.includes('rotterdam.inkoop'))).toBe(true);
    // a caseworker does not read the alerts
    const wmo = await kern.login('rotterdam.wmo');
    expect((await wmo.request('GET', '/api/v1/login-alerts')).statusCode).toBe(403);
  });

  it('throttles the current password of a password change and audits every wrong one', async () => {
    const agent = await kern.login('denhaag.kwaliteit');
    for (let i = 0; i < 3; i++) {
      const wrong = await agent.request('POST', '/api/v1/accounts/current/password-change', { body: { currentPassword: `guess-${i}-xxxxxxxx`, newPassword: 'a-brand-new-password' } });
      expect(wrong.statusCode).toBe(403);
    }
    // backed off: even the right current password is not checked now
    const throttled = await agent.request('POST', '/api/v1/accounts/current/password-change', { body: { currentPassword: 'kern-demo-2026', newPassword: 'a-brand-new-password' } });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('30');
    const auditor = await kern.login('denhaag.auditor');
    const me = (await agent.request('GET', '/api/v1/sessions/current')).json<{ session: { account: { id: string } } }>().session.account.id;
    const log = (await auditor.request('GET', `/api/v1/audit-records?outcome=denied&actorId=${me}`)).json<{ records: { action: string; resource: string; reason: string }[] }>().records;
    expect(log.filter((r) => r.resource === 'account' && r.reason.includes('current password wrong'))).toHaveLength(3);
    kern.clock.advance(31_000);
    const ok = await agent.request('POST', '/api/v1/accounts/current/password-change', { body: { currentPassword: 'kern-demo-2026', newPassword: 'a-brand-new-password' } });
    expect(ok.statusCode).toBe(204);
  });

  it('sets the Secure flag on session cookies everywhere but plain localhost', async () => {
    const remote = await loginFrom('127.0.0.1', 'denhaag.inkoop', 'kern-demo-2026', 'kern.denhaag.nl');
    expect(remote.statusCode).toBe(201);
    expect(String(remote.headers['set-cookie'])).toMatch(/; Secure/);
    const local = await loginFrom('127.0.0.1', 'denhaag.inkoop', 'kern-demo-2026', 'localhost:8080');
    expect(String(local.headers['set-cookie'])).not.toMatch(/Secure/);
    const citizen = await kern.app.inject({ method: 'POST', url: '/api/v1/portal/demo-sessions', headers: { host: 'mijn.rotterdam.nl' }, payload: { bsn: '999991838', municipalityCode: '0599' } });
    expect(citizen.statusCode).toBe(201);
    expect(String(citizen.headers['set-cookie'])).toMatch(/SameSite=Strict/);
    expect(String(citizen.headers['set-cookie'])).toMatch(/; Secure/);
  });
});
