import { Command, InvalidArgumentError } from 'commander';
import { runAuditCheckpoint } from './commands/audit';
import { runBrp } from './commands/brp';
import { runCatalogueLoad } from './commands/catalogue';
import { debtCommand } from './commands/debt';
import { fundCommands } from './commands/debt-fund';
import { runExchange } from './commands/exchange';
import { runExchangeCheck } from './commands/exchange-check';
import { runDemoInvoice, runExchangeDatabase } from './commands/exchange-db';
import { runExchangeReceive } from './commands/exchange-receive';
import { runMigrate } from './commands/migrate';
import { runSeed } from './commands/seed';
import { runServe } from './commands/serve';
import { runInsightJob, runInsightWorker } from './commands/insight';
import { runDiff, runExport, runImport, runValidate } from './commands/werkwijze';
import { runTermijn, runTermijnBesluiten, runTermijnBesluitToevoegen } from './commands/termijn';

const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
};

const program = new Command()
  .name('kern')
  .description('Kern: an open platform for the Dutch social domain (Wmo 2015, Jeugdwet, Participatiewet, Wgs).')
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the Kern server (API, web app). Embedded PGlite unless DATABASE_URL is set.')
  .option('--port <port>', 'port to listen on (env PORT, default 8080)', port)
  .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .option('--demo', 'migrate, seed the demo municipalities and start the fake BRP unless KERN_BRP_URL is set')
  .action(runServe);

program
  .command('migrate')
  .description('Apply pending database migrations (numbered, append-only).')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .action(runMigrate);

program
  .command('seed')
  .description('Load the 342 municipalities and seed the demo: Rotterdam and Den Haag, teams, staff, relations.')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .option('--scale <scale>', 'dataset size: demo (the demo families), g4 (adds a generated city of 900,000 residents) or nl (all 342 municipalities, synthetic pseudonymous events)', 'demo')
  .option('--fraction <fraction>', 'with --scale nl: share of the full national dataset (2 M clients, 20+ M events)', (v: string) => {
    const n = Number(v);
    if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('a fraction is a number in (0, 1]');
    return n;
  }, 1)
  .option('--residents <n>', 'with --scale g4: residents of the generated city (default 900000)')
  .option('--municipality <code>', 'with --scale g4: CBS code of the generated city (default 0363)')
  .action(runSeed);

program
  .command('brp')
  .description('Run the fake BRP: the Haal Centraal BRP bevragen API serving the official GBA-V test persons.')
  .option('--port <port>', 'port to listen on', port, 8081)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .action(runBrp);

/** The --data-dir a parent command took (see `termijn besluit toevoegen`). */
function dataDirOfAncestors(cmd: Command): string | undefined {
  for (let c = cmd.parent; c; c = c.parent) {
    const dir = c.opts<{ dataDir?: string }>().dataDir;
    if (dir) return dir;
  }
  return undefined;
}

const termijn = program
  .command('termijn')
  .description('Compute a statutory term with its explanation (Algemene termijnenwet, decreed days included).')
  .argument('<term-id>', 'e.g. wmo-beschikking, awb-bezwaar, wgs-eerste-gesprek-urgent')
  .argument('<start-date>', 'the day of the event that starts the term, YYYY-MM-DD')
  .option('--weeks <n>', 'the municipal term in weeks (wgs-beschikking only)')
  .option('--data-dir <dir>', 'PGlite data directory with the stored decrees (env KERN_DATA_DIR, default ./data)')
  .action(runTermijn);
termijn
  .command('besluiten')
  .description('List the Royal decrees equating days with holidays (Atw art. 3 lid 3) the calendar knows: shipped and stored.')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  // `termijn` itself takes --data-dir, and commander gives an option both define to the parent:
  // without this the subcommand wrote to ./data whatever --data-dir said.
  .action((opts: { dataDir?: string }, cmd: Command) => runTermijnBesluiten({ ...opts, dataDir: opts.dataDir ?? dataDirOfAncestors(cmd) }));
termijn
  .command('besluit')
  .description('Manage the Royal decrees equating days with holidays (Atw art. 3 lid 3).')
  .command('toevoegen')
  .description('Store the next decree as data; every statutory term counts its days from then on. Refusals name the field; nothing is stored.')
  .requiredOption('--titel <titel>', 'the official title of the decree')
  .requiredOption('--dagen <dagen>', 'the equated days, comma-separated: 2029-05-11,2030-05-31')
  .option('--datum <datum>', 'date of publication in the Staatscourant, YYYY-MM-DD')
  .option('--vindplaats <vindplaats>', 'where it was published, e.g. "Stcrt. 2028, 12345"')
  .option('--van <datum>', 'first day the decree covers (default 1 January of the first day\'s year)')
  .option('--tot <datum>', 'last day the decree covers (default 31 December of the last day\'s year)')
  .option('--id <id>', 'the decree\'s id (default atw-gelijkgestelde-dagen-<from year>-<to year>)')
  .option('--toelichting <tekst>', 'a note on the source')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .action((opts: Parameters<typeof runTermijnBesluitToevoegen>[0], cmd: Command) => runTermijnBesluitToevoegen({ ...opts, dataDir: opts.dataDir ?? dataDirOfAncestors(cmd) }));

const werkwijze = program.command('werkwijze').description('Validate, compare, import and export werkwijzen (YAML files or library:<id>).');
werkwijze
  .command('validate')
  .description('Check werkwijze files; errors name the line and the path. Exit code 1 on any error.')
  .argument('<files...>', 'YAML files or library:<id>')
  .action(runValidate);
werkwijze
  .command('diff')
  .description('Show how two werkwijzen differ, readably. Exit code 1 when they differ.')
  .argument('<from>', 'YAML file or library:<id>')
  .argument('<to>', 'YAML file or library:<id>')
  .option('--lang <lang>', 'nl or en', 'nl')
  .action(runDiff);
werkwijze
  .command('import')
  .description('Store a werkwijze as a new version for a municipality (activate it in Kern).')
  .argument('<file>', 'YAML file or library:<id>')
  .requiredOption('--municipality <code>', 'CBS code, e.g. 0599 or GM0599')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .action(runImport);
werkwijze
  .command('export')
  .description('Write a werkwijze as one YAML file: library:<id>, or <id>@<version> with --municipality.')
  .argument('<ref>', 'library:<id> or <id>@<version>')
  .option('--municipality <code>', 'CBS code for a stored version')
  .option('--out <file>', 'write to a file instead of standard output')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .action(runExport);

// exchange commands (kern exchange ...)
const exchange = program.command('exchange').description('iWmo / iJw 3.2 messages: validate and process files of any size (streamed).');
exchange
  .command('validate')
  .description('XSD and technical rules per file; each finding with its rule id and return code. Exit code 1 when any file is refused.')
  .argument('<files...>', 'message files (WMO/JW 301 ... 325)')
  .option('--municipality <code>', 'CBS code the declarations must be addressed to (TR378)')
  .option('--today <date>', 'the system date for TR135 (default today)')
  .action((files: string[], o: { municipality?: string; today?: string }) => runExchange('validate', files, o));
exchange
  .command('check')
  .description("The provider self-check (the same as POST /api/v1/istandaarden/check): every finding with its rule, return code and line, on the message alone; nothing is stored. Exit code 1 when any file has a finding, for a provider's CI.")
  .argument('<files...>', 'message files (WMO/JW 301 ... 325), at most 5 MB each')
  .option('--json', 'the findings as JSON')
  .option('--today <date>', 'the system date for TR135 (default today)')
  .action((files: string[], o: { json?: boolean; today?: string }) => runExchangeCheck(files, o));
exchange
  .command('process')
  .description('Verify 323 declarations per prestatie and write the 325 beside each file: in memory against --facts, or booked into the database (--database, or by default when DATABASE_URL or --data-dir is given). Exit code 1 when any file or line is refused.')
  .argument('<files...>', '323 files')
  .option('--facts <json>', 'in memory: allocations, tariffs and residents to verify against (JSON, see MemoryFacts in @kern/exchange)')
  .option('--database', "book into Kern's database: allocations, contracts and the BRP as facts, lines and answers stored")
  .option('--data-dir <dir>', 'with --database: PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .option('--demo', 'with --database: check residency against the embedded fake BRP when KERN_BRP_URL is not set')
  .option('--municipality <code>', 'CBS code the declarations must be addressed to (TR378); required with --database')
  .option('--today <date>', 'in memory: the system date for TR135 (default today)')
  .action(async (files: string[], o: { facts?: string; database?: boolean; dataDir?: string; demo?: boolean; municipality?: string; today?: string }) => {
    if (o.facts) return runExchange('process', files, { facts: o.facts, ...(o.municipality ? { municipality: o.municipality } : {}), ...(o.today ? { today: o.today } : {}) });
    if (o.database || o.dataDir || process.env.DATABASE_URL) return runExchangeDatabase(files, o);
    throw new Error('say what to verify against: --facts <json> (in memory) or --database');
  });

// exchange: the invoices booked into the database are approved and exported in the web app or over HTTP (docs/istandaarden.md)
exchange
  .command('demo-invoice')
  .description("Write a 323 from the demo care provider (AGB 87654321) against the demo allocations 5001 and 5002, to upload in the invoice inbox or to process with --database: one line approved, two rejected.")
  .option('--municipality <code>', 'demo municipality: 0599 (Rotterdam) or 0518 (Den Haag)', '0599')
  .option('--month <month>', 'month of care in 2026, YYYY-MM (each month can be invoiced once)', '2026-10')
  .option('--out <file>', 'write to a file instead of standard output')
  .action(runDemoInvoice);

// product catalogue commands (kern catalogue ...)
const catalogue = program.command('catalogue').description('The national product catalogue (WMO020, JZ020, iJw product codes) as reference data.');
catalogue
  .command('load [file]')
  .description('Load or update the national catalogue from its data file (default: the one shipped with @kern/catalogue); idempotent.')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .action((file: string | undefined, o: { dataDir?: string }) => runCatalogueLoad(file, o));

// exchange regie messages: kern exchange receive (302, 305, 307, 315, 317, 320 into the database)
exchange
  .command('receive')
  .description('Receive regie messages (302, 305, 307, 315, 317, 320) into the database by message type; the retour is written beside each file. Each finding printed with its rule id and return code; exit code 1 when any file is refused or any line gets a return code.')
  .argument('<files...>', 'message files')
  .requiredOption('--municipality <code>', 'CBS code of the receiving municipality (GM0599 or 0599)')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data); DATABASE_URL selects PostgreSQL')
  .action((files: string[], o: { municipality: string; dataDir?: string }) => runExchangeReceive(files, o));

// debt commands (kern debt ...)
// The debt fund adds its subcommands (run-month) by passing its registrar: debtCommand(program, fundCommands).
debtCommand(program, fundCommands);

// insight commands
const insight = program.command('insight').description('Steering and learning: refresh indicators, publish the benchmark, run the job worker.');
insight
  .command('refresh')
  .description('Queue and run an indicator refresh: incremental (events after the high-water mark) or --full.')
  .option('--full', 'recompute every cell from all events')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .action((o: { full?: boolean; dataDir?: string }) => runInsightJob(o.full ? 'full' : 'incremental', o));
insight
  .command('publish')
  .description('Publish the suppressed aggregates of every municipality that opted in to the benchmark.')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .action((o: { dataDir?: string }) => runInsightJob('publish', o));
insight
  .command('worker')
  .description('Poll for new domain events and run queued insight jobs until stopped (any number of instances).')
  .option('--interval <seconds>', 'poll interval', (v: string) => Number(v), 30)
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .action(runInsightWorker);

// audit commands
const audit = program.command('audit').description('The audit log: anchor its hash chain outside the database.');
audit
  .command('checkpoint')
  .description('Write a signed checkpoint of each audit chain head to KERN_AUDIT_CHECKPOINT_DIR (key: KERN_AUDIT_CHECKPOINT_KEY); exit code 1 if a chain fails verification.')
  .option('--municipality <code>', 'only this municipality (CBS code, e.g. 0599 or GM0599)')
  .option('--data-dir <dir>', 'PGlite data directory (env KERN_DATA_DIR, default ./data)')
  .action(runAuditCheckpoint);

await program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(`kern: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
