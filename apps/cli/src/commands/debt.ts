import { readFileSync, writeFileSync } from 'node:fs';
import type { AccessContext } from '@kern/access';
import { runAsTenant, PolicyStore } from '@kern/access';
import { connect, migrate } from '@kern/db';
import { importSignalFile, parseSignalFile, type DebtServices } from '@kern/debt';
import { isDomainError, loadConfig, systemClock } from '@kern/kit';
import { createBrpClient, startFakeBrp } from '@kern/registry';
import { municipalityExists } from '@kern/tenancy';
import type { Command } from 'commander';
import { progress } from '../progress';

export interface ImportSignalsOptions { municipality: string; dataDir?: string; demo?: boolean; report?: string }

/**
 * `kern debt import-signals <file>`: a creditor's signal file, all or nothing. A refused file
 * prints every refused line with its reasons and books nothing (exit code 1).
 */
export async function runImportSignals(file: string, options: ImportSignalsOptions): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const parsed = parseSignalFile(text);
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  let brpUrl = config.brpUrl;
  let stopBrp: (() => Promise<void>) | undefined;
  if (!brpUrl) {
    if (!options.demo) throw new Error('set KERN_BRP_URL to the Haal Centraal BRP bevragen API, or pass --demo to check BSNs against the fake BRP');
    const fake = await startFakeBrp({ port: 0 });
    brpUrl = fake.url;
    stopBrp = () => fake.close();
  }
  const database = await connect(config);
  try {
    await migrate(database.db);
    const code = options.municipality.replace(/^GM/i, '');
    if (!(await municipalityExists(database.db, code))) throw new Error(`unknown municipality ${options.municipality}`);
    const services: DebtServices = { db: database.db, clock: systemClock, policies: new PolicyStore(), brp: createBrpClient({ baseUrl: brpUrl, apiKey: config.brpApiKey }) };
    const ctx: AccessContext = {
      actor: { kind: 'system', id: 'kern-cli', name: 'kern debt import-signals', municipalityCode: code, roles: ['functional-administrator'], teamIds: [] },
      purpose: 'wgs',
    };
    const bar = progress(`signals ${file}`, parsed.lines.length);
    bar.step('checking lines and BSNs');
    let done = 0;
    try {
      const report = await runAsTenant(services, ctx, (tx) => importSignalFile(services, tx, ctx, text, (n) => { bar.tick(n - done); done = n; }));
      bar.done(`${report.created} new, ${report.merged} merged into an open signal`);
      if (options.report) writeFileSync(options.report, JSON.stringify(report, null, 2));
      console.log(`booked ${report.lines.length} line(s): ${report.created} new signal(s), each an offer of help to track; ${report.merged} merged into an open signal of the same resident and creditor`);
    } catch (e) {
      bar.done('refused');
      if (isDomainError(e) && e.code === 'invalid-input') {
        console.error(`kern: ${e.userMessage.en}`);
        for (const p of e.invalidParams) console.error(`  ${file}: ${p.name}: ${p.reason}`);
        process.exitCode = 1;
        return;
      }
      throw e;
    }
  } finally {
    await database.close();
    await stopBrp?.();
  }
}

/** The `kern debt` command group; the debt fund passes a registrar that adds its own subcommands. */
export function debtCommand(program: Command, ...extensions: ((debt: Command) => void)[]): Command {
  const debt = program.command('debt').description('Debt help (Wgs): early-warning signals, and the municipal debt fund.');
  debt
    .command('import-signals')
    .description("Import a creditor's early-warning signal file (CSV: bsn;creditor;sector;kind;arrears_cents;months_in_arrears;signal_date;reference). All or nothing: any bad line refuses the file, with a report per line.")
    .argument('<file>', 'CSV file, ; or , separated, with a header line')
    .requiredOption('--municipality <code>', 'CBS code, e.g. 0599 or GM0599')
    .option('--demo', 'check BSNs against the embedded fake BRP when KERN_BRP_URL is not set')
    .option('--report <file>', 'write the per-line report as JSON')
    .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
    .action(runImportSignals);
  for (const extend of extensions) extend(debt);
  return debt;
}
