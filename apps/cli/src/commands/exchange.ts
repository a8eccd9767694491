import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { checkMessage, MemoryBackend, openFileSink, statefulRules, paymentBatchCsv, type MessageRefusal, messageTypeByNamespace, processInvoiceStream, returnCodes, ruleForCode, validateAgainstXsd, type MemoryFacts, type MessageType } from '@kern/exchange';
import { progress } from '../progress';

const meaning = new Map(returnCodes.map((c) => [c.code, c.nl]));

/** Reads the root namespace from the first 8 KB of a file, never the rest. */
export function sniff(file: string): MessageType | undefined {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return sniffText(buf.toString('utf8', 0, n));
  } finally {
    closeSync(fd);
  }
}
function sniffText(text: string): MessageType | undefined {
  const root = /<(?:([A-Za-z_][\w.-]*):)?Bericht\b([^>]*)>/.exec(text);
  if (!root) return undefined;
  const ns = new RegExp(`xmlns${root[1] ? ':' + root[1] : ''}\\s*=\\s*["']([^"']*)["']`).exec(root[2] ?? '')?.[1];
  return ns ? messageTypeByNamespace(ns) : undefined;
}

/** What validate could not check: the rules that need the database (earlier messages, allocations, contracts). */
function notChecked(file: string, rules: readonly string[]): void {
  if (rules.length > 0) console.log(`${file}: not checked without the database: ${rules.join(', ')}`);
}

interface FileResult {
  refused: boolean;
  rejectedLines: number;
}

async function handle(file: string, mode: 'validate' | 'process', opts: { facts?: string; municipality?: string; today?: string }): Promise<FileResult> {
  const type = sniff(file);
  if (!type) {
    console.log(`${file}: refused  XML 0001 not an iWmo/iJw 3.2 message (unknown root namespace)`);
    return { refused: true, rejectedLines: 0 };
  }
  if (type.number !== '323') {
    if (mode === 'process') {
      console.log(`${file}: ${type.name} is not a declaration: process takes 323 files; receive 302, 305, 307, 315, 317 and 320 with 'kern exchange receive'`);
      return { refused: true, rejectedLines: 0 };
    }
    if (statSync(file).size > 64 * 1024 * 1024) {
      console.log(`${file}: refused  XML 0001 a ${type.name} larger than 64 MB is not a plausible message`);
      return { refused: true, rejectedLines: 0 };
    }
    const content = readFileSync(file);
    // The line of an XSD finding; then every rule on the message itself, as receive runs them.
    const xsd = validateAgainstXsd(type, content);
    for (const f of xsd) console.log(`${file}:${f.line}: ${f.kind === 'invalid' ? 'XSD' : 'XML'} 0001 ${f.message}`);
    const check = xsd.length > 0 ? { findings: [], notChecked: statefulRules[type.number] ?? [] } : checkMessage(content.toString('utf8'), { today: opts.today ?? new Date().toISOString().slice(0, 10) });
    for (const f of check.findings) console.log(`${file}: ${f.rule} ${f.code} ${meaning.get(f.code) ?? ''}`);
    const refused = xsd.length > 0 || check.findings.length > 0;
    console.log(`${file}: ${type.name} ${refused ? 'refused' : 'valid'}`);
    notChecked(file, check.notChecked);
    return { refused, rejectedLines: 0 };
  }
  const facts: MemoryFacts = opts.facts ? (JSON.parse(readFileSync(opts.facts, 'utf8')) as MemoryFacts) : { allocations: [], tariffs: [], residents: [] };
  const size = statSync(file).size;
  const bar = progress(`${file}`, size);
  let read = 0;
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  // Counted as the reader pulls, not with a 'data' listener: that listener would put the stream
  // in flowing mode, and a chunk read before the splitter asked for it would be lost (a small
  // file then looked empty: "no Bericht root element", under load only).
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of input) {
      const piece = chunk as Buffer;
      read += piece.length;
      bar.tick(piece.length);
      yield piece;
    }
  }
  const outFile = `${file.replace(/\.xml$/i, '')}.325.xml`;
  // Every handle has an error path: a failed write fails this file (reported by runExchange), not the run.
  const out = mode === 'process' ? openFileSink(outFile) : undefined;
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const backend = new MemoryBackend(facts);
  const outcome = await processInvoiceStream(counted(), backend, {
    today,
    ...(opts.municipality ? { municipality: opts.municipality.replace(/^GM/i, '') } : {}),
    verify: mode === 'process',
    answerIdentity: { identificatie: `K${Date.now().toString(36).toUpperCase()}`, dagtekening: today },
    answer: async (piece) => {
      await out?.write(piece);
    },
    onLine: (l) => {
      for (const code of l.verdict.codes) console.log(`${file}: client ${l.clientIndex + 1} prestatie ${l.prestatie.referentieNummer}: ${ruleForCode(code)} ${code} ${meaning.get(code) ?? ''}`);
    },
  }).catch((e: unknown) => {
    out?.destroy();
    input.destroy();
    throw e;
  });
  await out?.close();
  bar.done(`${read} bytes`);
  let paymentNote = '';
  if (mode === 'process' && outcome.header && !outcome.refusal && !outcome.repeated) {
    const batch = paymentBatchCsv(outcome.header, backend.committed);
    const csvFile = `${file.replace(/\.xml$/i, '')}.betaalbatch.csv`;
    writeFileSync(csvFile, batch.csv);
    paymentNote = `; payment batch ${batch.lines} lines, ${batch.totalCents} ct in ${csvFile}`;
  }
  const r: MessageRefusal | null = outcome.refusal;
  if (mode === 'validate') notChecked(file, statefulRules['323'] ?? []);
  if (r) console.log(`${file}: refused  ${r.rule} ${r.code} ${r.message}`);
  else console.log(`${file}: ${type.name} ${outcome.clients} clients, ${outcome.lines} prestaties${mode === 'process' ? `, ${outcome.approvedLines} approved (${outcome.approvedCents} ct), ${outcome.rejectedLines} rejected (${outcome.rejectedCents} ct); 325 in ${outFile}${paymentNote}` : ' valid'}`);
  return { refused: r !== null, rejectedLines: outcome.rejectedLines };
}

/** `kern exchange validate|process <files...>`: exit status 1 when any file or line is refused. */
export async function runExchange(mode: 'validate' | 'process', files: string[], opts: { facts?: string; municipality?: string; today?: string }): Promise<void> {
  let bad = 0;
  for (const file of files) {
    try {
      const r = await handle(file, mode, opts);
      if (r.refused || r.rejectedLines > 0) bad++;
    } catch (e) {
      bad++;
      console.log(`${file}: refused  ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (bad > 0) process.exitCode = 1;
}
