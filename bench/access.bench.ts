/**
 * `npm run bench -- access`: what Kern's access layer costs on a resident read.
 *
 * Kern's figure: GET /api/v1/residents/:bsn as a Wmo consultant with a team case: session,
 * tenant transaction as kern_app under row-level security, the actor's relation looked up,
 * the policy decided, the audit record chained and inserted, the BRP asked, the answer sent.
 * Reference: the same read with the access layer switched off: a route registered only here,
 * same session, same BRP call, same response schema, no tenant transaction, policy or audit.
 * Both run in one process against the same fake BRP and database, interleaved in rounds so
 * machine noise hits both alike. Target from the issue: at most 1.3x.
 */
import { requireActor } from '@kern/access';
import { benchDatabase, ratioLine } from './harness';
import { loadConfig, notFound } from '@kern/kit';
import { createBrpClient, readResidentOutputSchema, startFakeBrp } from '@kern/registry';
import { DEMO_PASSWORD, seedDemo } from '@kern/seed';
import { buildApp, createServices } from '@kern/server';
import { z } from 'zod';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 50);
const BSN = '999991838'; // demo parent; team Noord has a Wmo case

const database = await benchDatabase();
await seedDemo(database.db);
const brp = await startFakeBrp({ port: 0 });
const services = createServices(loadConfig({}, { logLevel: 'silent' }), { database, brp: createBrpClient({ baseUrl: brp.url }) });
const { app } = await buildApp(services, {
  extraRoutes: (api) =>
    api.get('/api/v1/bench/bare-residents/:bsn', {
      config: { auth: 'staff', personalData: 'none' },
      schema: { hide: true, params: z.object({ bsn: z.string() }), response: { 200: readResidentOutputSchema } },
    }, async (request) => {
      const actor = requireActor(request);
      const resident = await services.brp.getPersonByBsn(request.params.bsn, { municipalityCode: actor.municipalityCode });
      if (!resident) throw notFound({ nl: 'Niet gevonden.', en: 'Not found.' });
      return { resident, access: { basis: 'none (access layer off)', breakGlass: false } };
    }),
});

const login = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'rotterdam.wmo', password: DEMO_PASSWORD } });
const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
const headers = { cookie, 'kern-purpose': 'wmo' };

const read = (url: string) => async () => {
  const res = await app.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
};
const guarded = read(`/api/v1/residents/${BSN}`);
const bare = read(`/api/v1/bench/bare-residents/${BSN}`);

async function time(fn: () => Promise<void>, n: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / n;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

console.log(`access bench: ${ROUNDS} rounds x ${PER_ROUND} reads each, engine ${database.engine}`);
await time(guarded, 100);
await time(bare, 100);
const kern: number[] = [];
const reference: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which goes first so warm-up and drift do not favour one side.
  if (round % 2 === 0) {
    kern.push(await time(guarded, PER_ROUND));
    reference.push(await time(bare, PER_ROUND));
  } else {
    reference.push(await time(bare, PER_ROUND));
    kern.push(await time(guarded, PER_ROUND));
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS}\r`);
}
process.stderr.write('\n');
const k = median(kern);
const ref = median(reference);
console.log(`kern, policy-checked and audited read: ${k.toFixed(3)} ms/read (median of ${ROUNDS} rounds)`);
console.log(`reference, same read with the access layer off: ${ref.toFixed(3)} ms/read`);
console.log('target: at most 1.3x');
await app.close();
await brp.close();
await database.close();
console.log(ratioLine('access', database.engine, `kern ${k.toFixed(3)} ms / reference ${ref.toFixed(3)} ms`, k / ref));
