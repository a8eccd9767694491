import { countOpenJobs, enqueueJob, runNextJob as runNextQueuedJob, sql, startJobWorker, type AnyDb, type Job, type JobOutcome, type QueueOptions, type TableRow, type Tx } from '@kern/db';
import type { Clock } from '@kern/kit';
import { coreCatalogue } from './catalogue';
import { refreshStatements, type Scope } from './compile-indicator';
import { indicatorDefinitionSchema, type IndicatorDefinition } from './contract/insight.schema';
import { publishBenchmark } from './publish-benchmark';
import type { RefreshResult } from './refresh-result';

export type { RefreshResult } from './refresh-result';

/**
 * Background refresh of indicator values. Jobs are rows of the queue `insight.refresh` in the one
 * job table (packages/db/src/jobs.ts); any server instance (or `kern insight worker`) claims the
 * oldest with FOR UPDATE SKIP LOCKED under a lease and runs it in one transaction, so a crash
 * leaves the values unchanged and the job is taken again when its lease expires.
 *
 * The refresh runs as the schema owner across tenants: it reads domain_events, which hold no
 * personal data, and writes each municipality's own rows of indicator_values (RLS-protected for
 * every reader). The high-water mark is the last domain_events.id folded in.
 */

async function localIndicators(tx: Tx, codes?: string[]): Promise<{ code: string; def: IndicatorDefinition }[]> {
  const r = await sql<TableRow<'insight_local_indicators', 'municipality_code' | 'definition'>>`select municipality_code, definition from insight_local_indicators
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
  const hw = await tx.selectFrom('insight_high_water').select('last_event_id').forUpdate().executeTakeFirst();
  const max = await sql<{ m: string | null }>`select max(id) as m from domain_events`.execute(tx);
  return { from: Number(hw?.last_event_id ?? 0), to: Number(max.rows[0]?.m ?? 0) };
}

/** Recomputes every cell of every indicator from all events. */
export async function refreshAll(tx: Tx, at: Date): Promise<RefreshResult> {
  const { from, to } = await lockHighWater(tx);
  let cells = 0;
  const core = coreCatalogue().indicators;
  // One delete for everything: per indicator it would scan the table twenty times.
  await tx.deleteFrom('indicator_values').execute();
  for (const def of core) cells += await insertOnly(tx, def, { kind: 'all' }, at);
  const locals = await localIndicators(tx);
  for (const l of locals) cells += await insertOnly(tx, l.def, { kind: 'municipality', code: l.code }, at);
  await tx.updateTable('insight_high_water').set({ last_event_id: to }).execute();
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
  await tx.updateTable('insight_high_water').set({ last_event_id: to }).execute();
  return { kind: 'incremental', fromEventId: from, toEventId: to, cells, indicators: core.length + locals.length };
}

export type RefreshKind = 'full' | 'incremental' | 'publish';

/** The queue of indicator refreshes in the one job table (@kern/db jobs). */
export const INSIGHT_REFRESH_QUEUE = 'insight.refresh';

/** Queues a refresh in the caller's transaction; any instance's worker runs it. */
export async function enqueueRefresh(db: AnyDb | Tx, kind: RefreshKind, requestedBy: string): Promise<number> {
  // A refresh is deterministic: a failure is worth a retry (a lock timeout), not five.
  return enqueueJob(db, { queue: INSIGHT_REFRESH_QUEUE, payload: { kind, requestedBy }, maxAttempts: 3 });
}

/**
 * The refresh job. It runs as the schema owner across tenants (the job has no municipality) in
 * the claim's run transaction, so the new values and the high-water mark commit exactly when the
 * job is done, and a crashed run leaves both unchanged for the retry.
 */
async function refreshJob(tx: Tx, job: Job, clock: Clock): Promise<RefreshResult> {
  const kind = (job.payload as { kind?: RefreshKind }).kind;
  const at = clock.now();
  if (kind === 'full') return refreshAll(tx, at);
  if (kind === 'incremental') return refreshIncremental(tx, at);
  if (kind === 'publish') return publishBenchmark(tx, at);
  throw new Error(`insight job ${job.id}: unknown kind ${String(kind)}`);
}

/** The insight queue for a worker (startJobWorker) or drainQueue. */
export function insightRefreshQueue(clock: Clock): QueueOptions {
  return { queue: INSIGHT_REFRESH_QUEUE, handler: async (tx, job) => ({ ...(await refreshJob(tx, job, clock)) }) };
}

function asResult(outcome: JobOutcome): RefreshResult & { jobId: number } {
  if (outcome.status === 'done') return { ...(outcome.result as unknown as RefreshResult), jobId: outcome.jobId };
  // As before the one queue: the caller (a route, the CLI) sees the refresh's own error.
  if (outcome.status === 'lost') throw new Error(`insight job ${outcome.jobId} was taken over by another worker`);
  throw outcome.error;
}

/** Claims and runs the oldest queued job; undefined when there is none. A failure is recorded on the job and thrown. */
export async function runNextJob(db: AnyDb, clock: Clock): Promise<(RefreshResult & { jobId: number }) | undefined> {
  const outcome = await runNextQueuedJob(db, insightRefreshQueue(clock));
  return outcome ? asResult(outcome) : undefined;
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

/** Queues an incremental refresh when events arrived after the high-water mark and none is waiting. */
export async function enqueueRefreshIfBehind(db: AnyDb): Promise<void> {
  const pending = await sql<{ behind: boolean }>`select (select coalesce(max(id), 0) from domain_events) > (select last_event_id from insight_high_water) as behind`.execute(db);
  if (pending.rows[0]?.behind && (await countOpenJobs(db, INSIGHT_REFRESH_QUEUE)) === 0) await enqueueRefresh(db, 'incremental', 'worker');
}

/**
 * A polling worker for one server instance: when events arrived after the high-water mark,
 * it queues an incremental refresh, then runs whatever is queued. Returns a stop function.
 */
export function startInsightWorker(db: AnyDb, clock: Clock, intervalMs = 30_000, onError: (e: unknown) => void = () => undefined): () => void {
  return startJobWorker(db, [insightRefreshQueue(clock)], { intervalMs, onError, beforeEach: () => enqueueRefreshIfBehind(db) });
}
