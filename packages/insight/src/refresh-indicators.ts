import { sql, withSystem, type AnyDb, type Tx } from '@kern/db';
import type { Clock } from '@kern/kit';
import { coreCatalogue } from './catalogue';
import { refreshStatements, type Scope } from './compile-indicator';
import { indicatorDefinitionSchema, type IndicatorDefinition } from './contract/insight.schema';
import { publishBenchmark } from './publish-benchmark';

/**
 * Background refresh of indicator values. Jobs are rows in insight_jobs; any server instance
 * (or `kern insight worker`) claims the oldest queued one with FOR UPDATE SKIP LOCKED and runs
 * it in the same transaction, so a crash leaves the job queued and the values unchanged.
 *
 * The refresh runs as the schema owner across tenants: it reads domain_events, which hold no
 * personal data, and writes each municipality's own rows of indicator_values (RLS-protected for
 * every reader). The high-water mark is the last domain_events.id folded in.
 */
export interface RefreshResult {
  kind: 'full' | 'incremental' | 'publish';
  fromEventId: number;
  toEventId: number;
  cells: number;
  indicators: number;
}

async function localIndicators(tx: Tx, codes?: string[]): Promise<{ code: string; def: IndicatorDefinition }[]> {
  const r = await sql<{ municipality_code: string; definition: unknown }>`select municipality_code, definition from insight_local_indicators
    ${codes ? sql`where municipality_code = any(${codes}::char(4)[])` : sql``} order by municipality_code, indicator_id`.execute(tx);
  return r.rows.map((row) => ({ code: row.municipality_code, def: indicatorDefinitionSchema.parse(typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) }));
}

async function run(tx: Tx, def: IndicatorDefinition, scope: Scope, at: Date): Promise<number> {
  const { remove, insert } = refreshStatements(def, scope, at);
  await remove.execute(tx);
  const r = await insert.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

async function insertOnly(tx: Tx, def: IndicatorDefinition, scope: Scope, at: Date): Promise<number> {
  const r = await refreshStatements(def, scope, at).insert.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

async function lockHighWater(tx: Tx): Promise<{ from: number; to: number }> {
  const hw = await sql<{ last_event_id: string }>`select last_event_id from insight_high_water for update`.execute(tx);
  const max = await sql<{ m: string | null }>`select max(id) as m from domain_events`.execute(tx);
  return { from: Number(hw.rows[0]?.last_event_id ?? 0), to: Number(max.rows[0]?.m ?? 0) };
}

/** Recomputes every cell of every indicator from all events. */
export async function refreshAll(tx: Tx, at: Date): Promise<RefreshResult> {
  const { from, to } = await lockHighWater(tx);
  let cells = 0;
  const core = coreCatalogue().indicators;
  // One delete for everything: per indicator it would scan the table twenty times.
  await sql`delete from indicator_values`.execute(tx);
  for (const def of core) cells += await insertOnly(tx, def, { kind: 'all' }, at);
  const locals = await localIndicators(tx);
  for (const l of locals) cells += await insertOnly(tx, l.def, { kind: 'municipality', code: l.code }, at);
  await sql`update insight_high_water set last_event_id = ${to}`.execute(tx);
  return { kind: 'full', fromEventId: from, toEventId: to, cells, indicators: core.length + locals.length };
}

/**
 * Folds in the events after the high-water mark: only the quarters of the municipalities those
 * events can change (per indicator, see windowCte) are recomputed.
 */
export async function refreshIncremental(tx: Tx, at: Date): Promise<RefreshResult> {
  const { from, to } = await lockHighWater(tx);
  if (to <= from) return { kind: 'incremental', fromEventId: from, toEventId: to, cells: 0, indicators: 0 };
  await sql`drop table if exists insight_new`.execute(tx);
  await sql`create temp table insight_new on commit drop as
    select municipality_code, type, occurred_on, subject_ref, data from domain_events where id > ${from} and id <= ${to}`.execute(tx);
  await sql`analyze insight_new`.execute(tx);
  let cells = 0;
  const core = coreCatalogue().indicators;
  for (const def of core) cells += await run(tx, def, { kind: 'window' }, at);
  const codes = (await sql<{ municipality_code: string }>`select distinct municipality_code from insight_new`.execute(tx)).rows.map((r) => r.municipality_code);
  const locals = await localIndicators(tx, codes);
  for (const l of locals) cells += await run(tx, l.def, { kind: 'municipality', code: l.code }, at);
  await sql`update insight_high_water set last_event_id = ${to}`.execute(tx);
  return { kind: 'incremental', fromEventId: from, toEventId: to, cells, indicators: core.length + locals.length };
}

export async function enqueueRefresh(db: AnyDb | Tx, kind: 'full' | 'incremental' | 'publish', requestedBy: string): Promise<number> {
  const r = await sql<{ id: string }>`insert into insight_jobs (kind, status, requested_by) values (${kind}, 'queued', ${requestedBy}) returning id`.execute(db);
  return Number(r.rows[0]?.id);
}

/** Claims and runs the oldest queued job; undefined when there is none. */
export async function runNextJob(db: AnyDb, clock: Clock): Promise<(RefreshResult & { jobId: number }) | undefined> {
  let claimed: number | undefined;
  try {
    return await withSystem(db, async (tx) => {
      const job = await sql<{ id: string; kind: 'full' | 'incremental' | 'publish' }>`select id, kind from insight_jobs where status = 'queued' order by id limit 1 for update skip locked`.execute(tx);
      const row = job.rows[0];
      if (!row) return undefined;
      claimed = Number(row.id);
      const at = clock.now();
      await sql`update insight_jobs set status = 'running', started_at = ${at.toISOString()} where id = ${claimed}`.execute(tx);
      const result = row.kind === 'full' ? await refreshAll(tx, at) : row.kind === 'incremental' ? await refreshIncremental(tx, at) : await publishBenchmark(tx, at);
      await sql`update insight_jobs set status = 'done', finished_at = ${clock.now().toISOString()}, from_event_id = ${result.fromEventId},
        to_event_id = ${result.toEventId}, cells = ${result.cells} where id = ${claimed}`.execute(tx);
      return { ...result, jobId: claimed };
    });
  } catch (e) {
    if (claimed !== undefined) {
      const id = claimed;
      await withSystem(db, (tx) => sql`update insight_jobs set status = 'failed', finished_at = now(), error = ${String(e)} where id = ${id}`.execute(tx));
    }
    throw e;
  }
}

/** Runs queued jobs until none is left. */
export async function drainJobs(db: AnyDb, clock: Clock): Promise<RefreshResult[]> {
  const out: RefreshResult[] = [];
  for (;;) {
    const r = await runNextJob(db, clock);
    if (!r) return out;
    out.push(r);
  }
}

/**
 * A polling worker for one server instance: when events arrived after the high-water mark,
 * it queues an incremental refresh, then runs whatever is queued. Returns a stop function.
 */
export function startInsightWorker(db: AnyDb, clock: Clock, intervalMs = 30_000, onError: (e: unknown) => void = () => undefined): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const pending = await sql<{ behind: boolean }>`select (select coalesce(max(id), 0) from domain_events) > (select last_event_id from insight_high_water) as behind`.execute(db);
      const queued = await sql<{ n: string }>`select count(*) as n from insight_jobs where status = 'queued'`.execute(db);
      if (pending.rows[0]?.behind && Number(queued.rows[0]?.n ?? 0) === 0) await enqueueRefresh(db, 'incremental', 'worker');
      await drainJobs(db, clock);
    } catch (e) {
      onError(e);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  return () => clearInterval(timer);
}
