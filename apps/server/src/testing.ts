import { createTestDatabase } from '@kern/db/testing';
import type { IdentityProvider } from '@kern/identity';
import { FixedClock, loadConfig, type Clock, type Config } from '@kern/kit';
import { createBrpClient, startFakeBrp } from '@kern/registry';
import { DEMO_PASSWORD, seedDemo } from '@kern/seed';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildOptions, type BuiltApp } from './app';
import { createServices, type KernServices } from './services';

export interface Agent {
  /** Empty for the anonymous agent. */
  csrfToken: string;
  cookie: string;
  request(method: InjectOptions['method'], url: string, options?: { body?: unknown; purpose?: string; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

export interface TestKern extends BuiltApp {
  services: KernServices;
  clock: FixedClock;
  anonymous: Agent;
  login(username: string, password?: string): Promise<Agent>;
  /** A citizen portal session for a BRP test person (demo login); `people` are the refs they may act for. */
  citizenLogin(bsn: string, municipalityCode?: string): Promise<Agent & { people: { ref: string; name: string; relation: string }[] }>;
  close(): Promise<void>;
}

/**
 * A whole Kern for integration tests: a fresh database (PGlite, or a new database on the
 * PostgreSQL server when KERN_TEST_ENGINE=postgres), migrated and seeded with the demo, the fake
 * BRP on a real port, and the app driven through Fastify's inject (no socket needed).
 */
export async function startTestKern(options: { clock?: Clock; loginAttemptLimit?: number; config?: Partial<Config>; extraRoutes?: BuildOptions['extraRoutes']; citizenIdentityProvider?: IdentityProvider } = {}): Promise<TestKern> {
  const database = await createTestDatabase();
  await seedDemo(database.db);
  const brp = await startFakeBrp({ port: 0 });
  const clock = options.clock instanceof FixedClock ? options.clock : new FixedClock(new Date());
  const config = loadConfig({}, { logLevel: 'silent', loginAttemptLimit: options.loginAttemptLimit ?? 5, bodyLimitBytes: 64 * 1024, demoMode: true, ...options.config });
  const services = createServices(config, { database, brp: createBrpClient({ baseUrl: brp.url }), clock, ...(options.citizenIdentityProvider ? { citizenIdentityProvider: options.citizenIdentityProvider } : {}) });
  const built = await buildApp(services, options.extraRoutes ? { extraRoutes: options.extraRoutes } : {});

  const agent = (cookie: string, csrfToken: string): Agent => ({
    cookie,
    csrfToken,
    request: (method, url, o = {}) =>
      built.app.inject({
        method,
        url,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
          ...(o.purpose ? { 'kern-purpose': o.purpose } : {}),
          ...o.headers,
        },
        ...(o.body !== undefined ? { payload: o.body as Record<string, unknown> } : {}),
      }),
  });
  const anonymous = agent('', '');

  return {
    ...built,
    services,
    clock,
    anonymous,
    async login(username, password = DEMO_PASSWORD) {
      const res = await anonymous.request('POST', '/api/v1/sessions', { body: { username, password } });
      if (res.statusCode !== 201) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      const cookie = (raw ?? '').split(';')[0] ?? '';
      const body = res.json<{ session: { csrfToken: string } }>();
      return agent(cookie, body.session.csrfToken);
    },
    async citizenLogin(bsn, municipalityCode = '0599') {
      const res = await anonymous.request('POST', '/api/v1/portal/demo-sessions', { body: { bsn, municipalityCode } });
      if (res.statusCode !== 201) throw new Error(`citizen login ${bsn} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      const body = res.json<{ session: { csrfToken: string; people: { ref: string; name: string; relation: string }[] } }>();
      return { ...agent((raw ?? '').split(';')[0] ?? '', body.session.csrfToken), people: body.session.people };
    },
    async close() {
      await built.app.close();
      await brp.close();
      await database.close();
    },
  };
}
