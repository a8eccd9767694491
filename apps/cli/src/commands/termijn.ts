import { existsSync } from 'node:fs';
import { connect, migrate, withSystem, type Database } from '@kern/db';
import { isDomainError, loadConfig, type DomainError } from '@kern/kit';
import { computeDeadline, decreeCitation, installStoredDecrees, knownDecrees, statutoryTermIds, storeStatutoryDecree } from '@kern/workflows';

interface DataOptions {
  dataDir?: string;
}

/**
 * The installation's database, if there is one: DATABASE_URL, or a PGlite data directory that
 * exists. Without one the statutory calendar knows the shipped decrees only (and says so).
 */
async function withDatabase<T>(opts: DataOptions, fn: (database: Database | undefined) => Promise<T>, create = false): Promise<T> {
  const config = loadConfig(process.env, { dataDir: opts.dataDir });
  if (!config.databaseUrl && !create && !existsSync(config.dataDir)) return fn(undefined);
  const database = await connect(config);
  try {
    await migrate(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

function report(e: unknown): void {
  if (!isDomainError(e)) throw e;
  const error: DomainError = e;
  console.error(`Fout: ${error.userMessage.nl}`);
  for (const p of error.invalidParams) console.error(`  ${p.name}: ${p.reason}`);
  if (error.invalidParams.some((p) => p.name === 'termId')) console.error(`  Bekende termijnen: ${statutoryTermIds.join(', ')}`);
  process.exitCode = 1;
}

/**
 * `kern termijn <term-id> <start-date>`: the due date of a statutory term and how it was reached,
 * counted with the statutory calendar (Atw art. 1-3, the shipped and the stored decreed days).
 */
export async function runTermijn(termId: string, start: string, opts: DataOptions & { weeks?: string }): Promise<void> {
  await withDatabase(opts, async (database) => {
    if (database) await installStoredDecrees(database.db);
    try {
      const d = computeDeadline({ termId, start, ...(opts.weeks !== undefined ? { municipalTermWeeks: Number(opts.weeks) } : {}) });
      console.log(`${d.termId} vanaf ${d.start}: uiterlijk ${d.due}`);
      for (const line of d.explanation) console.log(`  - ${line}`);
    } catch (e) {
      report(e);
    }
  });
}

/** `kern termijn besluiten`: the decrees (Atw art. 3 lid 3) the statutory calendar knows. */
export async function runTermijnBesluiten(opts: DataOptions): Promise<void> {
  await withDatabase(opts, async (database) => {
    if (database) await installStoredDecrees(database.db);
    else console.error('kern: geen database gevonden; alleen de besluiten die met Kern worden meegeleverd');
    for (const d of knownDecrees()) console.log(`${d.id}  ${d.coversFrom} t/m ${d.coversUntil}  ${d.days.join(', ')}\n  ${decreeCitation(d)}`);
  });
}

export interface AddDecreeOptions extends DataOptions {
  titel: string;
  /** Date of publication in the Staatscourant. */
  datum?: string;
  vindplaats?: string;
  dagen: string;
  van?: string;
  tot?: string;
  id?: string;
  toelichting?: string;
}

/**
 * `kern termijn besluit toevoegen`: the operator stores the next decree as data. The period is
 * the calendar years of its days unless --van/--tot say otherwise; the id follows from the period.
 * Checked exactly as on the admin page: a refusal names the field and stores nothing.
 */
export async function runTermijnBesluitToevoegen(opts: AddDecreeOptions): Promise<void> {
  const days = opts.dagen.split(',').map((d) => d.trim()).filter((d) => d !== '').sort();
  const coversFrom = opts.van ?? (days[0] ? `${days[0].slice(0, 4)}-01-01` : '');
  const last = days.at(-1);
  const coversUntil = opts.tot ?? (last ? `${last.slice(0, 4)}-12-31` : '');
  const decree = {
    id: opts.id ?? `atw-gelijkgestelde-dagen-${coversFrom.slice(0, 4)}-${coversUntil.slice(0, 4)}`,
    title: opts.titel,
    publishedOn: opts.datum ?? null,
    publication: opts.vindplaats ?? null,
    sourceNote: opts.toelichting ?? null,
    coversFrom,
    coversUntil,
    days,
  };
  await withDatabase(
    opts,
    async (database) => {
      if (!database) throw new Error('no database');
      try {
        const stored = await withSystem(database.db, (tx) => storeStatutoryDecree(tx, decree, { addedBy: `console:${process.env.USER ?? 'operator'}`, addedIn: null, at: new Date() }));
        console.log(`opgeslagen: ${stored.decree.id}  ${stored.decree.coversFrom} t/m ${stored.decree.coversUntil}  ${stored.decree.days.join(', ')}`);
        console.log(`  ${decreeCitation(stored.decree)}`);
        console.log('  De server neemt het besluit binnen een halve minuut over (of bij de volgende start).');
      } catch (e) {
        report(e);
      }
    },
    true,
  );
}
