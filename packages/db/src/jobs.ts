import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AnyDb } from './connection';
import { withSystem, withTenant, type Tx } from './tenant';

/**
 * The one durable job queue (table `jobs`, docs/adr/0006-one-job-queue-in-postgresql.md).
 *
 * A run is two steps. The claim, a short transaction of its own, takes the oldest ready job with
 * FOR UPDATE SKIP LOCKED, counts the attempt and writes a lease; committing it makes a crash
 * visible: the job stays `running` until the lease expires and another worker takes it again.
 * The run is one transaction that first locks the job row (still ours?), then runs the handler
 * and marks the job done: whatever the handler writes to the database commits exactly when the
 * job is done, so a retried job never doubles its effect. A second worker skips the locked row
 * even when the lease runs out while the first is still at work. An effect outside the database
 * (a mail) is at least once: the handler gets the job id to pass on as an idempotency key.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface NewJob {
  queue: string;
  payload?: Json | undefined;
  /** The tenant whose data the job touches: it then runs inside withTenant. */
  municipalityCode?: string | null | undefined;
  /** Enqueueing the same key on the same queue twice gives the one job. */
  idempotencyKey?: string | undefined;
  maxAttempts?: number | undefined;
}

export interface Job {
  id: number;
  queue: string;
  municipalityCode: string | null;
  payload: Json;
  /** This attempt's number, from 1. */
  attempts: number;
  maxAttempts: number;
}

/** Runs in the job's transaction (a tenant transaction when the job has a municipality). */
export type JobHandler = (tx: Tx, job: Job) => Promise<Json | void>;

export interface QueueOptions {
  queue: string;
  handler: JobHandler;
  /** Only this tenant's jobs (the portal sends one municipality's mail right after its commit). */
  municipalityCode?: string | undefined;
  /** How long a claim holds before another worker may take the job again. */
  leaseMs?: number | undefined;
  /** The wait before attempt n + 1 after attempt n failed. */
  backoffMs?: ((attempt: number) => number) | undefined;
  /** Names this worker in `locked_by`; a fresh id per call when absent. */
  workerId?: string | undefined;
}

export type JobOutcome =
  | { jobId: number; status: 'done'; result: Json | null }
  | { jobId: number; status: 'retry' | 'dead'; error: unknown }
  /** The lease ran out before the run began and another worker holds the job now. */
  | { jobId: number; status: 'lost' };

const DEFAULT_LEASE_MS = 5 * 60_000;
/** 30 s, 1 min, 2 min, ... at most an hour. */
export const exponentialBackoff = (attempt: number): number => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));

/** Queues a job in the caller's transaction; returns its id (the existing one for a known idempotency key). */
export async function enqueueJob(db: AnyDb | Tx, job: NewJob): Promise<number> {
  const payload = JSON.stringify(job.payload ?? {});
  const inserted = await sql<{ id: number }>`
    insert into jobs (queue, municipality_code, payload, idempotency_key, max_attempts)
    values (${job.queue}, ${job.municipalityCode ?? null}, ${payload}::jsonb, ${job.idempotencyKey ?? null}, ${job.maxAttempts ?? 5})
    on conflict (queue, idempotency_key) where idempotency_key is not null do nothing
    returning id`.execute(db);
  const id = inserted.rows[0]?.id ?? (await sql<{ id: number }>`select id from jobs where queue = ${job.queue} and idempotency_key = ${job.idempotencyKey ?? null}`.execute(db)).rows[0]?.id;
  if (id === undefined) throw new Error(`enqueueJob: no job for ${job.queue}`);
  return Number(id);
}

/** How many jobs of a queue wait or run now (queued or running): for a caller that queues only when none is waiting. */
export async function countOpenJobs(db: AnyDb | Tx, queue: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from jobs where queue = ${queue} and status in ('queued', 'running')`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Claims the oldest ready job of a queue and commits the claim; undefined when none is ready.
 * A running job whose lease expired is ready again, unless its attempts are used up: then it
 * is dead (its worker died every time).
 */
export async function claimJob(db: AnyDb, options: Pick<QueueOptions, 'queue' | 'municipalityCode' | 'leaseMs'> & { workerId: string }): Promise<Job | undefined> {
  const tenant = options.municipalityCode ? sql`and municipality_code = ${options.municipalityCode}` : sql``;
  return withSystem(db, async (tx) => {
    // Skip locked: a row still locked is a run in progress past its lease, which will settle it.
    await sql`update jobs set status = 'dead', locked_by = null, locked_until = null, finished_at = now(),
        last_error = coalesce(last_error || E'\n', '') || 'lease expired after attempt ' || attempts || ' (the worker stopped)'
      where id in (select id from jobs where queue = ${options.queue} and status = 'running' and locked_until <= now() and attempts >= max_attempts ${tenant}
        for update skip locked)`.execute(tx);
    const r = await sql<{ id: number; queue: string; municipality_code: string | null; payload: Json; attempts: number; max_attempts: number }>`
      update jobs set status = 'running', attempts = attempts + 1, locked_by = ${options.workerId},
        locked_until = now() + ${options.leaseMs ?? DEFAULT_LEASE_MS} * interval '1 millisecond'
      where id = (
        select id from jobs
        where queue = ${options.queue} ${tenant}
          and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until <= now()))
        order by run_at, id limit 1 for update skip locked)
      returning id, queue, municipality_code, payload, attempts, max_attempts`.execute(tx);
    const row = r.rows[0];
    if (!row) return undefined;
    return {
      id: Number(row.id), queue: row.queue, municipalityCode: row.municipality_code,
      payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Json) : row.payload,
      attempts: row.attempts, maxAttempts: row.max_attempts,
    };
  });
}

/** Runs a claimed job: the handler and the `done` mark in one transaction; a failure is recorded after it. */
export async function runClaimedJob(db: AnyDb, job: Job, options: Pick<QueueOptions, 'handler' | 'backoffMs'> & { workerId: string }): Promise<JobOutcome> {
  const inJobTransaction = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => (job.municipalityCode ? withTenant(db, job.municipalityCode, fn) : withSystem(db, fn));
  try {
    const outcome = await inJobTransaction(async (tx): Promise<JobOutcome> => {
      const mine = await sql`select id from jobs where id = ${job.id} and status = 'running' and locked_by = ${options.workerId} for update`.execute(tx);
      if (mine.rows.length === 0) return { jobId: job.id, status: 'lost' };
      const result = (await options.handler(tx, job)) ?? null;
      await sql`update jobs set status = 'done', finished_at = now(), locked_by = null, locked_until = null, last_error = null,
        result = ${result === null ? null : JSON.stringify(result)}::jsonb where id = ${job.id}`.execute(tx);
      return { jobId: job.id, status: 'done', result };
    });
    return outcome;
  } catch (error) {
    const dead = job.attempts >= job.maxAttempts;
    const waitMs = dead ? 0 : (options.backoffMs ?? exponentialBackoff)(job.attempts);
    // As the owner: the failure must be written whatever the tenant transaction did.
    await withSystem(db, (tx) => sql`update jobs set status = ${dead ? 'dead' : 'queued'}, locked_by = null, locked_until = null,
        run_at = now() + ${waitMs} * interval '1 millisecond', last_error = ${errorText(error)}, finished_at = ${dead ? sql`now()` : sql`null`}
      where id = ${job.id} and locked_by = ${options.workerId}`.execute(tx));
    return { jobId: job.id, status: dead ? 'dead' : 'retry', error };
  }
}

/** Claims and runs the oldest ready job of a queue; undefined when none is ready. */
export async function runNextJob(db: AnyDb, options: QueueOptions): Promise<JobOutcome | undefined> {
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const job = await claimJob(db, { ...options, workerId });
  if (!job) return undefined;
  return runClaimedJob(db, job, { ...options, workerId });
}

/** Runs ready jobs until none is left (a failed job waits for its backoff, so it ends the loop unless the backoff is 0). */
export async function drainQueue(db: AnyDb, options: QueueOptions & { limit?: number | undefined }): Promise<JobOutcome[]> {
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const out: JobOutcome[] = [];
  while (out.length < (options.limit ?? Infinity)) {
    const outcome = await runNextJob(db, { ...options, workerId });
    if (!outcome) return out;
    out.push(outcome);
  }
  return out;
}

/**
 * A polling worker for one process over several queues. `beforeEach` runs before a round (the
 * insight queue adds an incremental refresh when events arrived). Returns a stop function.
 */
export function startJobWorker(
  db: AnyDb,
  queues: QueueOptions[],
  options: { intervalMs: number; onError?: (e: unknown, queue: string) => void; beforeEach?: () => Promise<void> },
): () => void {
  const workerId = `worker-${randomUUID()}`;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await options.beforeEach?.().catch((e: unknown) => options.onError?.(e, 'before'));
      for (const q of queues) {
        try {
          for (const outcome of await drainQueue(db, { ...q, workerId })) {
            if (outcome.status === 'retry' || outcome.status === 'dead') options.onError?.(outcome.error, q.queue);
          }
        } catch (e) {
          options.onError?.(e, q.queue);
        }
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  return () => clearInterval(timer);
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}
