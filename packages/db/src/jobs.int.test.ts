import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './connection';
import { claimJob, drainQueue, enqueueJob, runClaimedJob, runNextJob, type JobHandler } from './jobs';
import { sql, withSystem } from './index';
import { connectAgain, createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;
/** A second server process: its own pool on PostgreSQL, the same in-process PGlite otherwise. */
let other: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  other = await connectAgain(database);
  await withSystem(database.db, async (tx) => {
    // What the test jobs do to the database: one row per run that committed.
    await sql`create table test_job_effects (job_id bigint not null, worker text not null)`.execute(tx);
    await sql`insert into municipalities (code, name, province) values ('0363', 'Amsterdam', 'Noord-Holland') on conflict do nothing`.execute(tx);
  });
});
afterAll(async () => {
  await other?.close();
  await database?.close();
});

const recordEffect = (worker: string): JobHandler => async (tx, job) => {
  await sql`insert into test_job_effects (job_id, worker) values (${job.id}, ${worker})`.execute(tx);
  // A little work inside the transaction, so the two workers' runs overlap on PostgreSQL.
  await new Promise((resolve) => setTimeout(resolve, 2));
};

const effectsOf = async (ids: number[]) =>
  (await sql<{ job_id: number; worker: string }>`select job_id, worker from test_job_effects where job_id = any(${ids}::bigint[]) order by job_id`.execute(database.db)).rows;

const jobRow = async (id: number) =>
  (await sql<{ status: string; attempts: number; last_error: string | null }>`select status, attempts, last_error from jobs where id = ${id}`.execute(database.db)).rows[0];

describe('the job queue', () => {
  it('runs every job exactly once when two workers on two connections drain the same queue at the same time', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push(await enqueueJob(database.db, { queue: 'test.two-workers', payload: { i } }));
    const [a, b] = await Promise.all([
      drainQueue(database.db, { queue: 'test.two-workers', handler: recordEffect('a'), workerId: 'a' }),
      drainQueue(other.db, { queue: 'test.two-workers', handler: recordEffect('b'), workerId: 'b' }),
    ]);
    const effects = await effectsOf(ids);
    expect(effects.map((e) => Number(e.job_id))).toEqual(ids);
    expect(a.length + b.length).toBe(30);
    expect(a.length, 'worker a ran some').toBeGreaterThan(0);
    expect(b.length, 'worker b ran some').toBeGreaterThan(0);
    const statuses = await sql<{ status: string; n: number }>`select status, count(*)::int as n from jobs where queue = 'test.two-workers' group by status`.execute(database.db);
    expect(statuses.rows).toEqual([{ status: 'done', n: 30 }]);
  });

  it('retries a job whose worker died mid-way once its lease expires, and the dead worker cannot finish it afterwards', async () => {
    const id = await enqueueJob(database.db, { queue: 'test.lease' });
    // The worker claims (the claim commits) and dies before its run commits.
    const claimed = await claimJob(database.db, { queue: 'test.lease', workerId: 'dies', leaseMs: 300 });
    expect(claimed?.id).toBe(id);
    expect(await runNextJob(other.db, { queue: 'test.lease', handler: recordEffect('second'), workerId: 'second' }), 'the lease still holds').toBeUndefined();

    await new Promise((resolve) => setTimeout(resolve, 400));
    const retried = await runNextJob(other.db, { queue: 'test.lease', handler: recordEffect('second'), workerId: 'second' });
    expect(retried).toMatchObject({ jobId: id, status: 'done' });
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });

    // The first worker comes back to life too late: its lease is gone, it changes nothing.
    if (!claimed) throw new Error('no claim');
    expect(await runClaimedJob(database.db, claimed, { handler: recordEffect('dies'), workerId: 'dies' })).toMatchObject({ status: 'lost' });
    expect(await effectsOf([id])).toEqual([{ job_id: id, worker: 'second' }]);
  });

  it('ends a job that keeps failing as dead with its last error after its attempts, keeping none of its writes', async () => {
    const id = await enqueueJob(database.db, { queue: 'test.failing', maxAttempts: 3 });
    let calls = 0;
    const outcomes = await drainQueue(database.db, {
      queue: 'test.failing',
      backoffMs: () => 0,
      handler: async (tx, job) => {
        calls++;
        await recordEffect('failing')(tx, job);
        throw new Error(`BRP niet bereikbaar (poging ${job.attempts})`);
      },
    });
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'retry', 'dead']);
    expect(calls).toBe(3);
    expect(await jobRow(id)).toEqual({ status: 'dead', attempts: 3, last_error: 'Error: BRP niet bereikbaar (poging 3)' });
    expect(await effectsOf([id])).toEqual([]);
    expect(await runNextJob(database.db, { queue: 'test.failing', handler: recordEffect('again') }), 'a dead job is not run again').toBeUndefined();
  });

  it('waits the backoff before the next attempt of a failed job', async () => {
    const id = await enqueueJob(database.db, { queue: 'test.backoff' });
    const failing: JobHandler = () => Promise.reject(new Error('later'));
    expect(await runNextJob(database.db, { queue: 'test.backoff', handler: failing, backoffMs: () => 300 })).toMatchObject({ status: 'retry' });
    expect(await runNextJob(database.db, { queue: 'test.backoff', handler: recordEffect('early') })).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await runNextJob(database.db, { queue: 'test.backoff', handler: recordEffect('later') })).toMatchObject({ jobId: id, status: 'done' });
  });

  it('ends a job as dead when its worker died on every attempt', async () => {
    const id = await enqueueJob(database.db, { queue: 'test.crashing', maxAttempts: 1 });
    await claimJob(database.db, { queue: 'test.crashing', workerId: 'dies', leaseMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await runNextJob(database.db, { queue: 'test.crashing', handler: recordEffect('next') })).toBeUndefined();
    expect(await jobRow(id)).toMatchObject({ status: 'dead', attempts: 1, last_error: expect.stringContaining('lease expired') as unknown });
    expect(await effectsOf([id])).toEqual([]);
  });

  it('gives one job for the same idempotency key enqueued twice', async () => {
    const first = await enqueueJob(database.db, { queue: 'test.idempotent', idempotencyKey: 'notice-1' });
    const second = await enqueueJob(database.db, { queue: 'test.idempotent', idempotencyKey: 'notice-1' });
    expect(second).toBe(first);
    const n = await sql<{ n: number }>`select count(*)::int as n from jobs where queue = 'test.idempotent'`.execute(database.db);
    expect(n.rows[0]?.n).toBe(1);
  });

  it("runs a tenant's job inside that tenant's transaction, under row-level security", async () => {
    await enqueueJob(database.db, { queue: 'test.tenant', municipalityCode: '0363' });
    const outcome = await runNextJob(database.db, {
      queue: 'test.tenant',
      handler: async (tx) => {
        const r = await sql<{ m: string; role: string }>`select current_setting('app.municipality', true) as m, current_user as role`.execute(tx);
        return { municipality: r.rows[0]?.m ?? null, role: r.rows[0]?.role ?? null };
      },
    });
    expect(outcome).toMatchObject({ status: 'done', result: { municipality: '0363', role: 'kern_app' } });
  });
});
