import type { AccessContext } from '@kern/access';
import { PolicyStore } from '@kern/access';
import { connect, migrate } from '@kern/db';
import { countRepayingInMonth, runMonth } from '@kern/debt';
import { isDomainError, loadConfig, systemClock } from '@kern/kit';
import { municipalityExists } from '@kern/tenancy';
import type { Command } from 'commander';
import { progress } from '../progress';

export interface RunMonthOptions { municipality: string; month: string; dataDir?: string }

/**
 * `kern debt run-month --municipality <code> --month YYYY-MM`: books every resident's repayment
 * to the debt fund for the month, in chunks with progress. Idempotent: running a month again
 * books nothing twice, and a run that was interrupted resumes where it stopped.
 */
export async function runFundMonth(options: RunMonthOptions): Promise<void> {
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  const database = await connect(config);
  try {
    await migrate(database.db);
    const code = options.municipality.replace(/^GM/i, '');
    if (!(await municipalityExists(database.db, code))) throw new Error(`unknown municipality ${options.municipality}`);
    const services = { db: database.db, clock: systemClock, policies: new PolicyStore() };
    const ctx: AccessContext = {
      actor: { kind: 'system', id: 'kern-cli', name: 'kern debt run-month', municipalityCode: code, roles: ['functional-administrator'], teamIds: [] },
      purpose: 'wgs',
    };
    // The number of residents repaying this month, for the progress bar only (a count, no personal data).
    const total = await countRepayingInMonth(database.db, code, options.month).catch(() => 0);
    const bar = progress(`debt fund ${options.month}`, total);
    bar.step('booking repayments');
    let done = 0;
    try {
      const r = await runMonth(services, ctx, { period: options.month }, { onProgress: (n) => { bar.tick(n - done); done = n; } });
      bar.done(`${r.bookedCount} booked`);
      console.log(`${r.period}: booked ${r.bookedCount} repayment(s), EUR ${(r.bookedCents / 100).toFixed(2)}; ${r.alreadyBooked} were already booked before this run; end of term: ${r.forgivenCount} forgiven, EUR ${(r.forgivenCents / 100).toFixed(2)}`);
    } catch (e) {
      bar.done('refused');
      if (isDomainError(e)) {
        console.error(`kern: ${e.userMessage.en}`);
        for (const p of e.invalidParams) console.error(`  ${p.name}: ${p.reason}`);
        process.exitCode = 1;
        return;
      }
      throw e;
    }
  } finally {
    await database.close();
  }
}

/** The debt fund's subcommands of `kern debt`. */
export function fundCommands(debt: Command): void {
  debt
    .command('run-month')
    .description("Book every resident's repayment to the debt fund for a month (idempotent: the same month twice books once; an interrupted run resumes), then close the terms that ended.")
    .requiredOption('--municipality <code>', 'CBS code, e.g. 0599 or GM0599')
    .requiredOption('--month <YYYY-MM>', 'the month to book, not in the future')
    .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
    .action(runFundMonth);
}
