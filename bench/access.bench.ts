/**
 * `npm run bench -- access`: the cost of Kern's access layer on a resident read.
 *
 * Kern's figure: a policy-checked, audited read (tenant transaction as kern_app with RLS, the
 * actor's relation looked up, the policy decided, the audit record chained and inserted, the BRP
 * asked). Reference: the same BRP read with the access layer switched off, i.e. the bare client
 * call. Both run in this process against the same fake BRP and embedded PGlite, interleaved in
 * rounds so machine noise hits both alike. Target from the issue: at most 1.3x.
 */
import { runAsTenant, type AccessContext } from '@kern/access';
import { createTestDatabase } from '@kern/db/testing';
import { loadConfig } from '@kern/kit';
import { createBrpClient, readResident, startFakeBrp } from '@kern/registry';
import { seedDemo } from '@kern/seed';
import { createServices } from '@kern/server';
import { identityOf } from './bench-support';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 50);
const BSN = '999991838'; // demo parent; team Noord has a Wmo case

const database = await createTestDatabase();
await seedDemo(database.db);
const brp = await startFakeBrp({ port: 0 });
const services = createServices(loadConfig({}, { logLevel: 'silent' }), { database, brp: createBrpClient({ baseUrl: brp.url }) });
const actor = await identityOf(database.db, 'rotterdam.wmo');
const ctx: AccessContext = { actor, purpose: 'wmo' };
const scope = { municipalityCode: actor.municipalityCode };

const guarded = async () => {
  const r = await runAsTenant(services, ctx, (tx) => readResident(services, tx, ctx, BSN));
  if (!r) throw new Error('guarded read found nothing');
};
const bare = async () => {
  const r = await services.brp.getPersonByBsn(BSN, scope);
  if (!r) throw new Error('bare read found nothing');
};

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
await time(guarded, 50);
await time(bare, 50);
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
  process.stderr.write(`\rround ${round + 1}/${ROUNDS}`);
}
process.stderr.write('\n');
const k = median(kern);
const ref = median(reference);
console.log(`kern (policy-checked, audited read): ${k.toFixed(3)} ms/read (median of rounds)`);
console.log(`reference (same BRP read, access layer off): ${ref.toFixed(3)} ms/read`);
console.log(`target: at most 1.3x`);
await brp.close();
await database.close();
console.log(`access: kern ${k.toFixed(3)} ms / reference ${ref.toFixed(3)} ms = ratio ${(k / ref).toFixed(3)}`);
