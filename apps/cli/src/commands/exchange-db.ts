import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { PolicyStore, type AccessContext } from '@kern/access';
import { connect, migrate } from '@kern/db';
import { brpResidency, demoInvoiceXml, openFileSink, receiveInvoice, returnCodeText, ruleForCode, type ExchangeServices } from '@kern/exchange';
import { isDomainError, loadConfig, systemClock } from '@kern/kit';
import { createBrpClient, startFakeBrp } from '@kern/registry';
import { exchangeDemoClients } from '@kern/seed';
import { municipalityExists } from '@kern/tenancy';
import { progress } from '../progress';
import { sniff } from './exchange';

export interface ExchangeDatabaseOptions {
  municipality?: string;
  dataDir?: string;
  demo?: boolean;
}

/**
 * `kern exchange process <files> --database`: each 323 is received into Kern's database as the
 * municipality's back office would over HTTP (same use case, same verification against the
 * allocations, contracts and the BRP, same booking per batch), with progress per file; the 325 is
 * written beside the file. Exit code 1 when any file or line is refused. A file processed again
 * (after a crash, or twice) books nothing twice.
 */
export async function runExchangeDatabase(files: string[], opts: ExchangeDatabaseOptions): Promise<void> {
  if (!opts.municipality) throw new Error('--municipality is required with --database: the municipality that receives the declarations');
  const code = opts.municipality.replace(/^GM/i, '');
  const config = loadConfig(process.env, { dataDir: opts.dataDir });
  let brpUrl = config.brpUrl;
  let stopBrp: (() => Promise<void>) | undefined;
  if (!brpUrl) {
    if (!opts.demo) throw new Error('set KERN_BRP_URL to the Haal Centraal BRP bevragen API (residency check), or pass --demo to use the fake BRP');
    const fake = await startFakeBrp({ port: 0 });
    brpUrl = fake.url;
    stopBrp = () => fake.close();
  }
  const database = await connect(config);
  let bad = 0;
  try {
    await migrate(database.db);
    if (!(await municipalityExists(database.db, code))) throw new Error(`unknown municipality ${opts.municipality}`);
    const services: ExchangeServices = { db: database.db, clock: systemClock, policies: new PolicyStore(), residency: brpResidency(createBrpClient({ baseUrl: brpUrl, apiKey: config.brpApiKey })) };
    for (const file of files) {
      try {
        if (!(await one(services, code, file))) bad++;
      } catch (e) {
        bad++;
        console.log(`${file}: refused  ${isDomainError(e) ? e.userMessage.en : e instanceof Error ? e.message : String(e)}`);
      }
    }
  } finally {
    await database.close();
    await stopBrp?.();
  }
  console.log(`kern exchange: ${files.length - bad} of ${files.length} file(s) answered without refusals (engine ${database.engine})`);
  if (bad > 0) process.exitCode = 1;
}

/** One file; true when it was answered with every line approved. */
async function one(services: ExchangeServices, municipalityCode: string, file: string): Promise<boolean> {
  const type = sniff(file);
  if (type?.number !== '323') {
    console.log(`${file}: refused  XML 0001 ${type ? `a ${type.name} is not a declaration (323)` : 'not an iWmo/iJw 3.2 message (unknown root namespace)'}`);
    return false;
  }
  const ctx: AccessContext = {
    actor: { kind: 'system', id: 'kern-cli', name: 'kern exchange process', municipalityCode, roles: ['decision-maker'], teamIds: [] },
    purpose: type.standard === 'iwmo' ? 'wmo' : 'jeugdwet',
  };
  const bar = progress(file, statSync(file).size);
  // Counted as it is read (a 'data' listener would start the flow before the access check is done).
  async function* input(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const b = chunk as Buffer;
      bar.tick(b.length);
      yield b;
    }
  }
  const outFile = `${file.replace(/\.xml$/i, '')}.325.xml`;
  const out = openFileSink(outFile);
  // A repeated message prints no lines: its stored 325 tells whether anything was rejected (only rejected clients are in it, OP304).
  let answerRejects = false;
  const r = await receiveInvoice(services, ctx, input(), {
    answer: async (piece) => {
      if (/:Client>|RetourCode>0001</.test(piece)) answerRejects = true;
      await out.write(piece);
    },
    onLine: (l) => {
      for (const c of l.verdict.codes) console.log(`${file}: client ${l.clientIndex + 1} prestatie ${l.prestatie.referentieNummer}: ${ruleForCode(c)} ${c} ${returnCodeText(c).nl}`);
    },
    onProgress: (clients, lines) => bar.step(`${clients} clients, ${lines} prestaties`),
  }).catch((e: unknown) => {
    out.destroy();
    throw e;
  });
  await out.close();
  const o = r.outcome;
  bar.done(r.repeated ? 'received before' : r.refused ? 'refused' : 'booked');
  if (o.refusal) {
    console.log(`${file}: refused  ${o.refusal.rule} ${o.refusal.code} ${o.refusal.message}`);
    return false;
  }
  if (r.repeated) {
    console.log(`${file}: ${type.name} received before (TR056): the stored 325 is in ${outFile}, nothing booked again`);
    return !answerRejects;
  }
  console.log(`${file}: ${type.name} ${o.clients} clients, ${o.lines} prestaties, ${o.approvedLines} approved (${o.approvedCents} ct), ${o.rejectedLines} rejected (${o.rejectedCents} ct); booked as message ${r.messageId ?? ''}; 325 in ${outFile}`);
  return o.rejectedLines === 0;
}

/** `kern exchange demo-invoice`: a declaration that matches the demo seed's provider and allocations. */
export function runDemoInvoice(o: { municipality: string; month: string; out?: string }): void {
  const code = o.municipality.replace(/^GM/i, '');
  const clients = exchangeDemoClients[code];
  if (!clients) throw new Error(`no exchange demo data for ${o.municipality}; use 0599 or 0518`);
  if (!/^2026-(0[1-9]|10)$/.test(o.month)) throw new Error('--month must be a month from 2026-01 to 2026-10 (the demo allocations cover 2026, the message is dated 2026-11-02)');
  const xml = demoInvoiceXml({ municipalityCode: code, clients, month: o.month, identificatie: `DEMO${o.month.replace('-', '')}` });
  if (o.out) {
    writeFileSync(o.out, xml);
    console.error(`kern exchange: demo declaration for ${o.month} written to ${o.out}`);
  } else process.stdout.write(xml);
}
