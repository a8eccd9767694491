/**
 * `npm run bench -- invoices`: a 323 with 1,000,000 prestaties against matching allocations,
 * generated to a temporary file; Kern's whole pipeline (stream, XSD-validate per batch, verify
 * every prestatie, build the 325) against `xmllint --noout --stream --schema` on the same file in
 * the same run (xmllint only validates: it is the floor). Aim: at most 1.5x, at least 50,000
 * prestaties per second.
 *
 * Kern runs twice: as configured by default (XSD validation on `xsdThreads` other threads while
 * the calling thread reads, verifies and books), and with everything on one thread
 * (`xsdThreads: 0`), since xmllint uses one. The last line's ratio is the default run's.
 * BENCH_PRESTATIES sets the size; BENCH_XSD_THREADS the default run's threads; BENCH_SINGLE=0
 * skips the single-thread run.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { ratioLine } from './harness';
import { MemoryBackend, defaultXsdThreads, generateInvoice, generatedFacts, messageType, processInvoiceStream, xsdPath } from '@kern/exchange';

const PRESTATIES = Number(process.env.BENCH_PRESTATIES ?? 1_000_000);
const THREADS = process.env.BENCH_XSD_THREADS === undefined ? defaultXsdThreads() : Number(process.env.BENCH_XSD_THREADS);
const PER_CLIENT = 4;
const g = { standard: 'iwmo' as const, clients: Math.ceil(PRESTATIES / PER_CLIENT), prestatiesPerClient: PER_CLIENT, month: '2026-10', provider: '12345678', municipality: '0599' };
const total = g.clients * PER_CLIENT;
const rate = (n: number, ms: number): string => Math.round(n / (ms / 1000)).toLocaleString('en');
const peakRss = (): string => `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;

const dir = await mkdtemp(join(tmpdir(), 'kern-bench-323-'));
const file = join(dir, 'WMO323.xml');
try {
  console.log(`invoices bench: generating a 323 with ${total.toLocaleString('en')} prestaties (${g.clients.toLocaleString('en')} clients)`);
  const out = createWriteStream(file);
  for await (const piece of generateInvoice(g)) {
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  console.log(`  file: ${((await stat(file)).size / 1e6).toFixed(0)} MB`);
  const facts = generatedFacts(g);

  const t0 = performance.now();
  execFileSync('xmllint', ['--noout', '--stream', '--schema', xsdPath(messageType('iwmo', '323')), file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const xmllintMs = performance.now() - t0;
  console.log(`reference, xmllint --noout --stream --schema WMO323.xsd: ${(xmllintMs / 1000).toFixed(2)} s, ${rate(total, xmllintMs)} prestaties/s`);

  const kern = async (xsdThreads: number): Promise<{ ms: number; answerBytes: number }> => {
    const backend = new MemoryBackend(facts);
    backend.keepLines = false;
    let answerBytes = 0;
    const t1 = performance.now();
    const outcome = await processInvoiceStream(createReadStream(file, { highWaterMark: 1 << 20 }), backend, {
      today: '2026-11-23',
      municipality: g.municipality,
      answerIdentity: { identificatie: 'BENCH325', dagtekening: '2026-11-23' },
      answer: (s) => {
        answerBytes += s.length;
      },
      xsdThreads,
      onProgress: (clients) => {
        if (clients % 50_000 === 0) process.stderr.write(`  kern: ${clients.toLocaleString('en')} clients\r`);
      },
    });
    const ms = performance.now() - t1;
    process.stderr.write('\n');
    if (outcome.refusal || outcome.approvedLines !== total) throw new Error(`bench invoice not fully approved: ${outcome.refusal?.message ?? `${outcome.approvedLines} / ${total}`}`);
    return { ms, answerBytes };
  };

  const main = await kern(THREADS);
  console.log(`kern pipeline, XSD on ${THREADS} thread(s) beside the main one (stream, XSD per batch, verify, 325 of ${main.answerBytes} chars): ${(main.ms / 1000).toFixed(2)} s, ${rate(total, main.ms)} prestaties/s (target: at least 50,000/s); peak RSS ${peakRss()}`);
  if (process.env.BENCH_SINGLE !== '0' && THREADS !== 0) {
    const single = await kern(0);
    console.log(`kern pipeline, one thread: ${(single.ms / 1000).toFixed(2)} s, ${rate(total, single.ms)} prestaties/s; ratio to xmllint ${(single.ms / xmllintMs).toFixed(3)}; peak RSS ${peakRss()}`);
  }
  console.log(ratioLine('invoices', 'none', `kern ${(main.ms / 1000).toFixed(2)} s (${rate(total, main.ms)} prestaties/s, XSD threads ${THREADS}) / xmllint ${(xmllintMs / 1000).toFixed(2)} s`, main.ms / xmllintMs));
} finally {
  await rm(dir, { recursive: true, force: true });
}
