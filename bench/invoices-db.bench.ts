/**
 * `npm run bench -- invoices-db`: a 323 with BENCH_PRESTATIES prestaties (default 100,000) against
 * matching allocations and a contract stored in the database, received through `receiveInvoice`
 * with `PgInvoiceBackend` (access decision and audit, facts per batch from the allocation,
 * contracting and booked-line tables, staging per batch, booking, domain events, the stored 325),
 * against the same pipeline with the in-memory backend on the same file in the same run: the ratio
 * is what the database costs. Residency comes from a fixed source here (the BRP is not what is
 * measured). PGlite by default; KERN_TEST_ENGINE=postgres with DATABASE_URL for a server.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { PolicyStore, type AccessContext } from '@kern/access';
import { sql, withSystem } from '@kern/db';
import { benchDatabase, ratioLine } from './harness';
import { MemoryBackend, fixedResidency, generateInvoice, generatedFacts, processInvoiceStream, receiveInvoice } from '@kern/exchange';
import { FixedClock } from '@kern/kit';
import { seedDemo } from '@kern/seed';
import { insertAllocationFixtures, insertProviderFixture } from '@kern/seed/testing';

// Not an AGB code the demo seed uses: its providers have contracts of their own, whose tariffs are not the bench's.
const PRESTATIES = Number(process.env.BENCH_PRESTATIES ?? 100_000);
const PER_CLIENT = 4;
const MUNICIPALITY = '0599';
const g = { standard: 'iwmo' as const, clients: Math.ceil(PRESTATIES / PER_CLIENT), prestatiesPerClient: PER_CLIENT, month: '2026-10', provider: '45678901', municipality: MUNICIPALITY };
const total = g.clients * PER_CLIENT;
const facts = generatedFacts(g);

const database = await benchDatabase();
const dir = await mkdtemp(join(tmpdir(), 'kern-bench-323db-'));
const file = join(dir, 'WMO323.xml');
try {
  console.log(`invoices-db bench: ${total.toLocaleString('en')} prestaties (${g.clients.toLocaleString('en')} clients), engine ${database.engine}`);
  await seedDemo(database.db);
  await insertProviderFixture(database.db, { municipalityCode: MUNICIPALITY, agb: g.provider, name: 'Bench Zorg', standard: 'iwmo', tariffs: [{ category: '02', productCode: '02A01', unit: '04', cents: 1250, from: '2020-01-01', to: null }] });
  // One allocation through the fixture (case, decision, provision), the rest beside it in bulk.
  const [first, ...rest] = facts.allocations;
  if (!first) throw new Error('no allocations generated');
  await insertAllocationFixtures(database.db, [{ municipalityCode: MUNICIPALITY, toewijzingNummer: first.toewijzingNummer, bsn: first.bsn, providerAgb: g.provider, standard: 'iwmo', category: '02', productCode: '02A01', start: '2020-01-01', end: null, volume: 5, unit: '04', frequency: '4' }]);
  await withSystem(database.db, async (tx) => {
    const a = (await sql<{ granted_provision_id: string; provider_id: string; contract_id: string | null; created_by: string }>`select granted_provision_id, provider_id, contract_id, created_by from allocations where toewijzing_nummer = ${first.toewijzingNummer}`.execute(tx)).rows[0];
    if (!a) throw new Error('fixture allocation missing');
    for (let i = 0; i < rest.length; i += 10_000) {
      const chunk = rest.slice(i, i + 10_000);
      await sql`insert into allocations (id, municipality_code, granted_provision_id, toewijzing_nummer, subject_bsn, provider_id, provider_agb, contract_id, standard, category, product_code,
          start_date, volume, unit, frequency, status, allocated_at, created_by)
        select gen_random_uuid(), ${MUNICIPALITY}, ${a.granted_provision_id}::uuid, u.nr, u.bsn, ${a.provider_id}::uuid, ${g.provider}, ${a.contract_id}::uuid, 'iwmo', '02', '02A01',
          date '2020-01-01', 5, '04', '4', 'active', now(), ${a.created_by}::uuid
        from unnest(${chunk.map((x) => x.toewijzingNummer)}::text[], ${chunk.map((x) => x.bsn)}::text[]) as u(nr, bsn)`.execute(tx);
    }
  });
  const out = createWriteStream(file);
  for await (const piece of generateInvoice(g)) {
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  console.log(`  file: ${((await stat(file)).size / 1e6).toFixed(1)} MB`);

  // Reference: the same pipeline in memory.
  const memory = new MemoryBackend(facts);
  memory.keepLines = false;
  const t0 = performance.now();
  const ref = await processInvoiceStream(createReadStream(file, { highWaterMark: 1 << 20 }), memory, { today: '2026-11-23', municipality: MUNICIPALITY, answerIdentity: { identificatie: 'BENCH325', dagtekening: '2026-11-23' }, answer: () => undefined });
  const memoryMs = performance.now() - t0;
  if (ref.approvedLines !== total) throw new Error(`memory pipeline approved ${ref.approvedLines} of ${total}`);

  const services = { db: database.db, clock: new FixedClock('2026-11-23T10:00:00Z'), policies: new PolicyStore(), residency: fixedResidency(facts.residents.map((r) => ({ ...r, municipalityCode: MUNICIPALITY }))) };
  const ctx: AccessContext = { actor: { kind: 'system', id: 'bench', name: 'invoices-db bench', municipalityCode: MUNICIPALITY, roles: ['decision-maker'], teamIds: [] }, purpose: 'wmo' };
  const t1 = performance.now();
  const r = await receiveInvoice(services, ctx, createReadStream(file, { highWaterMark: 1 << 20 }), {
    answer: () => undefined,
    onProgress: (clients) => {
      if (clients % 10_000 === 0) process.stderr.write(`  kern: ${clients.toLocaleString('en')} clients\r`);
    },
  });
  const dbMs = performance.now() - t1;
  if (r.refused || r.approvedLines !== total) throw new Error(`database pipeline: ${r.outcome.refusal?.message ?? `${r.approvedLines} of ${total} approved`}`);
  const booked = await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from exchange_invoice_lines l join exchange_messages m on m.id = l.message_id where m.status = 'answered'`.execute(tx));
  if (booked.rows[0]?.n !== total) throw new Error(`booked ${String(booked.rows[0]?.n)} of ${total}`);

  const rate = (n: number, ms: number): string => Math.round(n / (ms / 1000)).toLocaleString('en');
  console.log(`kern with the database (facts per batch, staged and booked, events, stored 325): ${(dbMs / 1000).toFixed(2)} s, ${rate(total, dbMs)} prestaties/s`);
  console.log(`reference, the same pipeline in memory (MemoryBackend): ${(memoryMs / 1000).toFixed(2)} s, ${rate(total, memoryMs)} prestaties/s`);
  console.log(ratioLine('invoices-db', database.engine, `database ${(dbMs / 1000).toFixed(2)} s / memory ${(memoryMs / 1000).toFixed(2)} s`, dbMs / memoryMs));
} finally {
  await rm(dir, { recursive: true, force: true });
  await database.close();
}
