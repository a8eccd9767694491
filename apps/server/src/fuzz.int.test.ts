import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

/**
 * Malformed requests over every route of the OpenAPI document, as logged-in staff of several roles
 * (with the CSRF token, so the handlers are reached) and as a citizen: no answer may be a 5xx and
 * the process must be alive afterwards. In process (Fastify inject), no socket; a seeded generator
 * (the seed is printed with any failure) so a failure is reproduced exactly.
 */
const REQUESTS = 5200;
const SEED = Number(process.env.KERN_FUZZ_SEED ?? 22);

let kern: TestKern;
let staff: (Agent & { purpose: string })[];
let citizen: Agent;

beforeAll(async () => {
  kern = await startTestKern();
  staff = [];
  const roles: [string, string][] = [['rotterdam.generalist', 'integraal'], ['rotterdam.besluit', 'wmo'], ['rotterdam.schuld', 'wgs'], ['rotterdam.beheer', 'wgs'], ['rotterdam.inkoop', 'wmo'], ['rotterdam.auditor', 'integraal'], ['rotterdam.wmo', 'wmo'], ['rotterdam.jeugd', 'jeugdwet']];
  for (const [u, purpose] of roles) staff.push({ ...(await kern.login(u)), purpose });
  citizen = await kern.citizenLogin('999991838');
}, 120_000);
afterAll(async () => kern?.close());

/** mulberry32: small, fast, seeded. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}
type Gen = ReturnType<typeof generator>;

const BSNS = ['999991838', '999990512', '999990342', '999993653', '999992831', '999990627'];
const hostileStrings = [
  '', ' ', '\t\n', 'a'.repeat(5000), 'x\u0000y', '\u0000', '\ud800', 'z\udc00', '😀\u200b', '\u202e', "' OR '1'='1", '"; drop table audit_log; --', '../../../etc/passwd', '%00', '%zz',
  '<script>alert(1)</script>', '=cmd|\'/C calc\'!A1', '${7*7}', '__proto__', 'constructor', 'prototype', '-1', '0', '1e309', 'NaN', 'Infinity', 'null', 'true', '[]', '{}',
  '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '1900-01-01', '2026-01-01T25:61:00Z', '999999999', '123456789', '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff', 'GM0599', '0599', '0000', 'wmo', 'jeugdwet', 'integraal', 'D', 'C', '02', '02A01', '01', '12345678', 'rotterdam.wmo',
];
/** Text that PostgreSQL or UTF-8 cannot hold, appended to an otherwise plausible value so that it passes the schema. */
const textKillers = ['\u0000', '\ud800', '\udfff', 'a\u0000'];
const hostileValues: unknown[] = [null, true, false, 0, -1, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, [], {}, [[[]]], { a: { b: { c: 1 } } }, [null], ['x'], Array.from({ length: 2000 }, (_, i) => i)];
const purposes = ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'];

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
}

function hostile(g: Gen): unknown {
  // A copy: a shared value put in two places could be mutated into itself.
  return g.chance(0.6) ? g.pick(hostileStrings) : structuredClone(g.pick(hostileValues));
}

/** A plausible value for the schema (often valid, so the handler runs), with hostile leaves mixed in. */
function valueFor(s: Schema | undefined, g: Gen, depth = 0): unknown {
  if (!s || depth > 6) return 'x';
  if (s.const !== undefined) return s.const;
  if (s.enum) return g.pick(s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0) return valueFor(g.pick(alternatives), g, depth + 1);
  if (s.allOf && s.allOf.length > 0) return valueFor(s.allOf[0], g, depth + 1);
  const type = Array.isArray(s.type) ? g.pick(s.type) : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        if ((s.required ?? []).includes(k) ? g.chance(0.95) : g.chance(0.5)) out[k] = valueFor(v, g, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: g.int(0, 3) }, () => valueFor(s.items, g, depth + 1));
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? 0;
      const hi = s.maximum ?? Math.max(lo + 100, 100);
      return g.int(lo, Math.min(hi, lo + 10_000));
    }
    case 'boolean':
      return g.chance(0.5);
    case 'null':
      return null;
    case 'string':
      return stringFor(s, g);
    default:
      return 'x';
  }
}

/** Every leaf of a generated value, by its path. */
function leaves(v: unknown, path: (string | number)[] = [], out: { path: (string | number)[]; value: unknown }[] = []): typeof out {
  if (v !== null && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    if (entries.length === 0) out.push({ path, value: v });
    for (const [k, x] of entries) leaves(x, [...path, k], out);
  } else out.push({ path, value: v });
  return out;
}

/**
 * Malformed the way attackers do it: one or two leaves of an otherwise plausible value replaced
 * (a string by a hostile string, so it passes the schema and reaches the handler; or by a value of
 * another type), sometimes an extra or a dangerous key.
 */
function mutate(v: unknown, g: Gen): unknown {
  const root: { v: unknown } = { v: structuredClone(v) };
  for (let n = g.int(1, 2); n > 0; n--) {
    const all = leaves(root.v);
    const leaf = g.pick(all);
    const replacement = typeof leaf.value === 'string' && g.chance(0.7) ? (g.chance(0.3) ? `${leaf.value}${g.pick(textKillers)}` : g.pick(hostileStrings)) : hostile(g);
    if (leaf.path.length === 0) root.v = replacement;
    else {
      let at = root.v as Record<string | number, unknown>;
      for (const k of leaf.path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
      at[leaf.path[leaf.path.length - 1] as string | number] = replacement;
    }
  }
  if (root.v !== null && typeof root.v === 'object' && !Array.isArray(root.v) && g.chance(0.1)) (root.v as Record<string, unknown>)[g.pick(['extra', 'constructor', 'id', 'municipalityCode'])] = hostile(g);
  return root.v;
}

function stringFor(s: Schema, g: Gen): string {
  if (s.format === 'uuid') return crypto.randomUUID();
  if (s.format === 'date' || /\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(s.pattern ?? '')) return `2026-${String(g.int(1, 12)).padStart(2, '0')}-${String(g.int(1, 28)).padStart(2, '0')}`;
  if (s.format === 'date-time') return new Date(Date.UTC(2026, g.int(0, 11), g.int(1, 28))).toISOString();
  if (s.format === 'email') return 'a@example.org';
  if (s.pattern?.includes('{9}')) return g.pick(BSNS);
  if (s.pattern) return g.pick(['0599', '02A01', '02', '12345678', '2026-10', '999991838', 'GM0599', '1001', 'abc']);
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 200);
  const len = g.int(min, Math.max(min, Math.min(max, min + 30)));
  return g.pick(['Jansen', 'reden: ', 'Test', 'hallo ', 'ä€ß']).repeat(8).slice(0, Math.max(len, min)).padEnd(min, 'x');
}

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; schema?: Schema; required?: boolean }[];
  body?: Schema;
}

/** Ids seen in earlier answers (cases, plans, messages, ...): a path with one reaches the handler's own checks, not a 404. */
const knownIds: string[] = [];
const uuidRe = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Path parameters: mostly of the right shape (a BSN, a uuid, a known code), sometimes hostile. */
function pathValue(name: string, g: Gen): string {
  if (g.chance(0.25)) {
    const raw = String(g.pick(hostileStrings)) || 'x';
    try {
      return encodeURIComponent(raw);
    } catch {
      // A lone surrogate has no UTF-8 form: send the bytes an attacker would (an encoded surrogate, invalid UTF-8).
      return `%ED%A0%80${encodeURIComponent(raw.replace(/[\ud800-\udfff]/g, ''))}`;
    }
  }
  if (/bsn/i.test(name)) return g.pick(BSNS);
  if (/code/i.test(name)) return g.pick(['0599', 'GM0599', '0363', '0518']);
  if (/version/i.test(name)) return String(g.int(0, 3));
  if (/ref|id/i.test(name)) return g.chance(0.6) && knownIds.length > 0 ? g.pick(knownIds) : g.chance(0.5) ? crypto.randomUUID() : g.pick(['een-loket', 'frontoffice-backoffice', 'wmo', '1', 'abc']);
  return g.pick(['1', 'abc', crypto.randomUUID()]);
}

function requestFor(op: Operation, g: Gen): InjectOptions & { url: string } {
  let url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => pathValue(name, g));
  const query = new URLSearchParams();
  const queryParams = op.parameters.filter((x) => x.in === 'query');
  const spoilt = g.chance(0.6) ? g.pick(queryParams)?.name : undefined;
  for (const p of queryParams) {
    if (p.required || p.name === spoilt || g.chance(0.5)) {
      const v = p.name === spoilt ? (g.chance(0.3) ? `${String(valueFor(p.schema, g))}${g.pick(textKillers)}` : g.chance(0.8) ? g.pick(hostileStrings) : hostile(g)) : valueFor(p.schema, g);
      query.append(p.name, typeof v === 'string' ? v : JSON.stringify(v));
    }
  }
  if (g.chance(0.1)) query.append(g.pick(['limit', 'offset', 'bsn', 'from', 'purpose']), String(g.pick(hostileStrings)));
  const qs = query.toString();
  if (qs) url += `?${qs}`;

  const portal = op.path.startsWith('/api/v1/portal');
  const agent = g.chance(0.05) ? undefined : portal ? (g.chance(0.85) ? citizen : g.pick(staff)) : g.chance(0.95) ? g.pick(staff) : citizen;
  const headers: Record<string, string> = {};
  if (agent) {
    headers.cookie = agent.cookie;
    headers['x-csrf-token'] = g.chance(0.95) ? agent.csrfToken : 'forged';
  }
  // Mostly the purpose the role works under, so the access check lets the handler run.
  const own = agent && 'purpose' in agent ? (agent as { purpose: string }).purpose : undefined;
  if (g.chance(0.95)) headers['kern-purpose'] = g.chance(0.75) && own ? own : g.chance(0.9) ? g.pick(purposes) : String(g.pick(hostileStrings)).replace(/[^\x20-\x7e]/g, '') || 'x';
  if (g.chance(0.3)) headers['accept-language'] = 'en';

  const out: InjectOptions & { url: string } = { method: op.method, url, headers };
  if (op.method !== 'GET' && op.method !== 'DELETE') {
    const r = g.next();
    if (r < 0.75) {
      const plausible = valueFor(op.body ?? { type: 'object' }, g);
      out.payload = JSON.stringify(g.chance(0.85) ? mutate(plausible, g) : plausible);
      headers['content-type'] = 'application/json';
    } else if (r < 0.82) {
      out.payload = g.pick(['{"a":', '[1,2', 'nul', '"\\uZZZZ"', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '']);
      headers['content-type'] = 'application/json';
    } else if (r < 0.88) {
      out.payload = `${'['.repeat(g.int(40, 3000))}${']'.repeat(g.int(0, 3000))}`;
      headers['content-type'] = 'application/json';
    } else if (r < 0.93) {
      out.payload = g.pick(['<a/>', 'bsn;x\n1;2', '\u0000\u0001binary']);
      headers['content-type'] = g.pick(['application/xml', 'text/csv', 'application/octet-stream', 'text/plain']);
    } else {
      out.payload = JSON.stringify({ big: 'x'.repeat(70 * 1024) });
      headers['content-type'] = 'application/json';
    }
  }
  return out;
}

function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: Schema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) continue;
      // Ending the fuzzer's own sessions would only turn the rest into 401s.
      if (m === 'DELETE' && (path === '/api/v1/sessions/current' || path === '/api/v1/portal/session')) continue;
      const body = op.requestBody?.content?.['application/json']?.schema;
      ops.push({ method: m, path, parameters: op.parameters ?? [], ...(body ? { body } : {}) });
    }
  }
  return ops;
}

describe('fuzz: malformed requests over every route of the OpenAPI document', () => {
  it(`${REQUESTS} requests, seed ${SEED}: no 5xx, and the process answers afterwards`, async () => {
    const doc = (await kern.anonymous.request('GET', '/api/v1/openapi.json')).json<Parameters<typeof operationsOf>[0]>();
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);
    const g = generator(SEED);
    const statuses = new Map<number, number>();
    const routesReached = new Set<string>();
    const failures: string[] = [];
    const started = performance.now();
    let sent = 0;
    while (sent < REQUESTS) {
      // Four at a time: requests overlap as they do in production.
      const batch = Array.from({ length: 4 }, (_, i) => ops[(sent + i) % ops.length] as Operation).map((op) => ({ op, req: requestFor(op, g) }));
      const answers = await Promise.all(batch.map(({ req }) => kern.app.inject(req)));
      answers.forEach((res, i) => {
        const { op, req } = batch[i] as (typeof batch)[number];
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode < 300) {
          routesReached.add(`${op.method} ${op.path}`);
          for (const id of res.body.slice(0, 20_000).match(uuidRe) ?? []) if (knownIds.length < 500 && !knownIds.includes(id)) knownIds.push(id);
        }
        if (res.statusCode >= 500) failures.push(`${res.statusCode} ${op.method} ${req.url.slice(0, 200)} body=${typeof req.payload === 'string' ? req.payload.slice(0, 300) : ''} -> ${res.body.slice(0, 300)}`);
      });
      sent += batch.length;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz seed ${SEED}: ${sent} requests over ${ops.length} operations in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; ${routesReached.size} operations answered 2xx at least once`);
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
    // Alive: the health check and a real login still work.
    expect((await kern.anonymous.request('GET', '/api/v1/health')).statusCode).toBe(200);
    await expect(kern.login('rotterdam.wmo')).resolves.toBeDefined();
  }, 300_000);
});
