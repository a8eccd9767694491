/**
 * `npm run bench -- klantbeeld`: the integral household view under 16 concurrent users.
 *
 * Kern's figure: GET /api/v1/residents/:bsn/household-view as the coordinator (integral purpose)
 * over HTTP on a listening server: session, tenant transaction under row-level security, the
 * household access decisions (relations, consents, per member and data category), every section
 * source (cases per law, plan, assessments, offerings, signals), one chained audit record per
 * member shown, the response schema. Floor: the same server, same session check, answering a
 * prebuilt JSON of the same size (a real household view captured before the run). Both run
 * interleaved in rounds with 16 concurrent users each, so machine noise hits both alike.
 *
 * Dataset: BENCH_DATASET=g4 uses `kern seed --scale g4` (seedScale, BENCH_RESIDENTS residents, default
 * 900,000; the fake BRP serves the same population over HTTP) with generated coordinators as the users.
 * Otherwise (default, minutes faster) the bench generates a representative city slice itself: BENCH_HOUSEHOLDS households (default
 * 50,000) of two adults and a child (150,000 clients), about three cases per household across the
 * four laws, a coordinator relation for each, education and housing signals and consents for a
 * share. The BRP is an in-process stub answering from the same generated persons, so the figure
 * is Kern's own work, not a network BRP. Aim from the issue: p95 at most 50 ms and at most 3x the floor.
 */
import { requireActor } from '@kern/access';
import { sql, withSystem } from '@kern/db';
import { benchDatabase, ratioLine } from './harness';
import { loadConfig } from '@kern/kit';
import type { BrpClient, Resident } from '@kern/registry';
import { createBrpClient, startFakeBrp } from '@kern/registry';
import { DEMO_PASSWORD, scaleCoordinatorHouseholds, scaleFakeBrpPopulation, seedDemo, seedScale } from '@kern/seed';
import { buildApp, createServices } from '@kern/server';

/** `g4`: the plans engineer's `kern seed --scale g4` city (BENCH_RESIDENTS, default 900,000); otherwise the slice generated here. */
const DATASET = process.env.BENCH_DATASET ?? 'slice';
const HOUSEHOLDS = DATASET === 'g4' ? 0 : Number(process.env.BENCH_HOUSEHOLDS ?? 50_000);
const USERS = Number(process.env.BENCH_USERS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const PER_USER = Number(process.env.BENCH_PER_USER ?? 10);
const M = '0599';

/** The i-th valid BSN (11-test) from a base, skipping numbers whose check digit would be 10. */
function* bsns(): Generator<string> {
  for (let n = 20_000_000; ; n++) {
    const digits = String(n).padStart(8, '0').split('').map(Number);
    const sum = digits.reduce((s, d, i) => s + d * (9 - i), 0);
    const check = sum % 11;
    if (check === 10) continue;
    yield `${digits.join('')}${check}`;
  }
}

interface Member { bsn: string; role: 'a' | 'b' | 'c'; household: number }
const gen = bsns();
const households: [Member, Member, Member][] = [];
const byBsn = new Map<string, Member>();
for (let h = 0; h < HOUSEHOLDS; h++) {
  const trio = (['a', 'b', 'c'] as const).map((role) => ({ bsn: gen.next().value as string, role, household: h })) as [Member, Member, Member];
  households.push(trio);
  for (const m of trio) byBsn.set(m.bsn, m);
}

const address = (h: number) => ({ street: 'Benchstraat', houseNumber: 1 + (h % 500), postcode: `${3000 + Math.floor(h / 500) % 1000}AB`, city: 'Rotterdam' });
function resident(m: Member): Resident {
  const [a, b, c] = households[m.household] as [Member, Member, Member];
  const name = (given: string) => ({ givenNames: given, prefix: null, surname: `Huishouden${m.household}`, fullName: `${given} Huishouden${m.household}` });
  const rel = (x: Member, given: string, birth: string) => ({ bsn: x.bsn, name: name(given), birthDate: birth });
  const pa = rel(a, 'Alex', '1980-03-01'), pb = rel(b, 'Bo', '1982-07-12'), pc = rel(c, 'Chris', '2014-05-20');
  const self = m.role === 'a' ? pa : m.role === 'b' ? pb : pc;
  return {
    bsn: m.bsn, name: self.name, birthDate: self.birthDate, gender: 'unknown', address: address(m.household), municipalityCode: M, deceased: false,
    partners: m.role === 'a' ? [pb] : m.role === 'b' ? [pa] : [],
    parents: m.role === 'c' ? [pa, pb] : [],
    children: m.role === 'c' ? [] : [pc],
  };
}
const summary = (r: Resident) => ({ bsn: r.bsn, name: r.name, birthDate: r.birthDate, ...(r.address ? { address: r.address } : {}) });
const brp: BrpClient = {
  getPersonByBsn: async (bsn) => { const m = byBsn.get(bsn); return m ? resident(m) : null; },
  getPersonsByBsn: async (list) => [...new Set(list)].flatMap((b) => { const m = byBsn.get(b); return m ? [resident(m)] : []; }),
  searchBySurnameAndBirthDate: async () => [],
  searchByPostcodeAndHouseNumber: async (q) => {
    const h = households.findIndex((_, i) => address(i).postcode === q.postcode && address(i).houseNumber === q.houseNumber);
    return h < 0 ? [] : (households[h] ?? []).map((m) => summary(resident(m)));
  },
};
// The address lookup above is a scan; index it so the stub costs nothing measurable.
const byAddress = new Map(households.map((trio, h) => [`${address(h).postcode}:${address(h).houseNumber}`, trio]));
brp.searchByPostcodeAndHouseNumber = async (q) => (byAddress.get(`${q.postcode}:${q.houseNumber}`) ?? []).map((m) => summary(resident(m)));

const database = await benchDatabase();
await seedDemo(database.db);
let viewers: { username: string; bsns: string[] }[] = [{ username: 'rotterdam.generalist', bsns: households.map((h) => h[0].bsn) }];
let serviceBrp: BrpClient = brp;
let closeBrp = async () => undefined as unknown;
if (DATASET === 'g4') {
  const residents = Number(process.env.BENCH_RESIDENTS ?? 900_000);
  console.log(`klantbeeld bench: kern seed --scale g4 with ${residents.toLocaleString('en')} residents (engine ${database.engine})`);
  const t0 = Date.now();
  const city = await seedScale(database, 'g4', { residents });
  if (!('coordinators' in city)) throw new Error('g4 city not generated');
  console.log(`g4 generated in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${city.cases.toLocaleString('en')} cases, ${city.plans.toLocaleString('en')} plans, ${city.assessments.toLocaleString('en')} assessments`);
  viewers = [];
  for (const username of city.coordinators.slice(0, USERS)) viewers.push({ username, bsns: await scaleCoordinatorHouseholds(database.db, username, 500) });
  viewers = viewers.filter((v) => v.bsns.length > 0);
  const fake = await startFakeBrp({ port: 0, population: await scaleFakeBrpPopulation(database.db) });
  serviceBrp = createBrpClient({ baseUrl: fake.url });
  closeBrp = () => fake.close();
} else {
console.log(`klantbeeld bench: generating ${HOUSEHOLDS.toLocaleString('en')} households, ${(HOUSEHOLDS * 3).toLocaleString('en')} clients (engine ${database.engine})`);
const started = Date.now();
await withSystem(database.db, async (tx) => {
  const team = (await sql<{ id: string }>`select id from teams where municipality_code = ${M} and name = 'Wijkteam Noord'`.execute(tx)).rows[0]?.id;
  const teams = (await sql<{ id: string; name: string }>`select id, name from teams where municipality_code = ${M} order by name`.execute(tx)).rows;
  const opener = (await sql<{ id: string }>`select id from staff_accounts where username = 'rotterdam.wmo'`.execute(tx)).rows[0]?.id;
  if (!team || !opener) throw new Error('demo seed missing');
  const teamOf = (name: string) => teams.find((t) => t.name === name)?.id ?? team;
  await sql`insert into werkwijze_versions (municipality_code, werkwijze_id, version, name, source_yaml, definition, status, created_at)
    values (${M}, 'bench', 1, 'bench', '', '{}'::jsonb, 'active', now())`.execute(tx);
  const chunk = 10_000;
  for (let from = 0; from < HOUSEHOLDS; from += chunk) {
    const slice = households.slice(from, from + chunk);
    const a = slice.map((x) => x[0].bsn), b = slice.map((x) => x[1].bsn), c = slice.map((x) => x[2].bsn);
    const idx = slice.map((_, i) => from + i);
    const all = [...a, ...b, ...c];
    await sql`insert into involvements (id, municipality_code, subject_bsn, purpose, kind, team_id, reason, opened_at, source, created_by)
      select gen_random_uuid(), ${M}, s, 'integraal', 'coordinator', ${team}::uuid, 'Regie huishouden', now(), 'coordinator-assignment', 'bench' from unnest(${all}::text[]) s`.execute(tx);
    // Wmo for adult a (all), Jeugdwet for the child (every second, half closed), Participatiewet for b (every second), Wgs for b (every third).
    await sql`insert into cases (id, municipality_code, reference, werkwijze_id, werkwijze_version, case_type_id, purpose, subject_bsn, team_id, step_id, phase, status, melding_date, opened_at, opened_by, closed_at)
      select gen_random_uuid(), ${M}, 'K-' || law || '-' || i, 'bench', 1, law, law, bsn, tm::uuid, 'onderzoek', 'onderzoek',
        case when law = 'jeugdwet' and i % 4 = 0 then 'closed' else 'open' end, current_date - (i % 300), now(), ${opener}::uuid,
        case when law = 'jeugdwet' and i % 4 = 0 then now() end
      from (
        select i, bsn_a as bsn, 'wmo' as law, ${team} as tm from unnest(${idx}::int[], ${a}::text[]) as u(i, bsn_a)
        union all select i, bsn_c, 'jeugdwet', ${teamOf('Wijkteam Zuid')} from unnest(${idx}::int[], ${c}::text[]) as u(i, bsn_c) where i % 2 = 0
        union all select i, bsn_b, 'participatiewet', ${teamOf('Werk en Inkomen')} from unnest(${idx}::int[], ${b}::text[]) as u(i, bsn_b) where i % 2 = 1
        union all select i, bsn_b, 'wgs', ${teamOf('Schuldhulp')} from unnest(${idx}::int[], ${b}::text[]) as u(i, bsn_b) where i % 3 = 0
      ) x`.execute(tx);
    await sql`insert into household_signals (id, municipality_code, subject_bsn, category, kind, summary, observed_on, team_id, recorded_by, recorded_at)
      select gen_random_uuid(), ${M}, bsn_c, 'education', 'passend-onderwijs', 'Passende plek gezocht', current_date - (i % 90), ${team}::uuid, ${opener}::uuid, now()
      from unnest(${idx}::int[], ${c}::text[]) as u(i, bsn_c) where i % 4 = 0
      union all
      select gen_random_uuid(), ${M}, bsn_a, 'housing', 'huurachterstand', 'Huurachterstand gemeld', current_date - (i % 60), ${team}::uuid, ${opener}::uuid, now()
      from unnest(${idx}::int[], ${a}::text[]) as u(i, bsn_a) where i % 5 = 0`.execute(tx);
    await sql`insert into consents (id, municipality_code, subject_bsn, action, purpose, recipient, data_categories, notice_version, recorded_at, recorded_by_kind, recorded_by)
      select gen_random_uuid(), ${M}, bsn_b, 'given', 'integraal', 'wijkteam-generalist', '{wgs,participatiewet}', 0, now(), 'staff', ${opener}
      from unnest(${idx}::int[], ${b}::text[]) as u(i, bsn_b) where i % 3 = 0`.execute(tx);
    process.stderr.write(`  generated ${Math.min(HOUSEHOLDS, from + chunk).toLocaleString('en')} / ${HOUSEHOLDS.toLocaleString('en')} households\r`);
  }
});
await sql`analyze`.execute(database.db);
process.stderr.write('\n');
const counts = (await withSystem(database.db, (tx) => sql<{ cases: number; inv: number }>`select (select count(*)::int from cases) as cases, (select count(*)::int from involvements) as inv`.execute(tx))).rows[0];
console.log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s: ${(counts?.cases ?? 0).toLocaleString('en')} cases, ${(counts?.inv ?? 0).toLocaleString('en')} relations`);
}

const services = createServices(loadConfig({}, { logLevel: 'silent' }), { database, brp: serviceBrp });
let floorBody = '';
const { app } = await buildApp(services, {
  extraRoutes: (api) =>
    api.get('/api/v1/bench/floor', { config: { auth: 'staff', personalData: 'none' }, schema: { hide: true } }, async (request, reply) => {
      requireActor(request);
      return reply.type('application/json; charset=utf-8').send(floorBody);
    }),
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 201) throw new Error(`login: ${res.status}`);
  await res.text();
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
/** 16 users, each a coordinator opening households they coordinate. */
const users: { cookie: string; bsns: string[]; next: number }[] = [];
for (let u = 0; u < USERS; u++) {
  const v = viewers[u % viewers.length];
  if (!v) throw new Error('no viewers');
  users.push({ cookie: await login(v.username), bsns: v.bsns, next: u });
}
const pickFor = (u: { bsns: string[]; next: number }) => u.bsns[(u.next++ * 7919) % u.bsns.length] ?? '';
async function get(cookie: string, url: string): Promise<number> {
  const s = process.hrtime.bigint();
  const res = await fetch(`${base}${url}`, { headers: { cookie, 'kern-purpose': 'integraal' } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 300)}`);
  return Number(process.hrtime.bigint() - s) / 1e6;
}

// The floor answers a real household view, captured once (the largest of a few).
for (let i = 0; i < 20; i++) {
  const first = users[0];
  if (!first) throw new Error('no users');
  const res = await fetch(`${base}/api/v1/residents/${pickFor(first)}/household-view`, { headers: { cookie: first.cookie, 'kern-purpose': 'integraal' } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`household view: ${res.status} ${text.slice(0, 300)}`);
  if (text.length > floorBody.length) floorBody = text;
}
console.log(`household view response: ${floorBody.length.toLocaleString('en')} bytes (${(JSON.parse(floorBody) as { members: unknown[] }).members.length} members); ${USERS} concurrent users`);

async function load(url: (u: (typeof users)[number]) => string): Promise<number[]> {
  const out: number[] = [];
  await Promise.all(users.map(async (u) => {
    for (let i = 0; i < PER_USER; i++) out.push(await get(u.cookie, url(u)));
  }));
  return out;
}
const kernUrl = (u: (typeof users)[number]) => `/api/v1/residents/${pickFor(u)}/household-view`;
const floorUrl = () => '/api/v1/bench/floor';
await load(kernUrl);
await load(floorUrl);
const kern: number[] = [];
const floor: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  if (round % 2 === 0) {
    kern.push(...(await load(kernUrl)));
    floor.push(...(await load(floorUrl)));
  } else {
    floor.push(...(await load(floorUrl)));
    kern.push(...(await load(kernUrl)));
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS}\r`);
}
process.stderr.write('\n');
const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
console.log(`kern household view: p50 ${pct(kern, 0.5).toFixed(2)} ms, p95 ${pct(kern, 0.95).toFixed(2)} ms over ${kern.length} requests`);
console.log(`floor, prebuilt JSON of the same size: p50 ${pct(floor, 0.5).toFixed(2)} ms, p95 ${pct(floor, 0.95).toFixed(2)} ms over ${floor.length} requests`);
console.log('aim: p95 at most 50 ms and at most 3x the floor');
await app.close();
await closeBrp();
await database.close();
console.log(ratioLine('klantbeeld', database.engine, `p95 kern ${pct(kern, 0.95).toFixed(2)} ms / p95 floor ${pct(floor, 0.95).toFixed(2)} ms`, pct(kern, 0.95) / pct(floor, 0.95)));
