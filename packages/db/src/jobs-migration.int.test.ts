import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from './connection';
import { loadMigrations, migrate } from './migrate';
import { sql } from './index';

/** Migration 0090 moves the two old queues into `jobs`: nothing pending may be lost on the way. */
let database: Database;
beforeAll(async () => {
  database = await connect({});
  await migrate(database.db, undefined, loadMigrations().filter((m) => m.version < 90));
  await sql`insert into municipalities (code, name, province) values ('0599', 'Rotterdam', 'Zuid-Holland') on conflict do nothing`.execute(database.db);
  await sql`insert into insight_jobs (id, kind, status, requested_by, finished_at, from_event_id, to_event_id, cells) values
    (7, 'full', 'done', 'cli', now(), 0, 12, 340),
    (8, 'incremental', 'queued', 'a-staff-id', null, null, null, null)`.execute(database.db);
  await sql`insert into portal_outbox (id, municipality_code, to_address, template, created_at, sent_at, attempts) values
    ('00000000-0000-4000-8000-000000000001', '0599', 'verstuurd@example.org', 'message-waiting', now() - interval '1 day', now(), 1),
    ('00000000-0000-4000-8000-000000000002', '0599', 'wacht@example.org', 'message-waiting', now(), null, 2)`.execute(database.db);
  await migrate(database.db);
}, 120_000);
afterAll(async () => database?.close());

describe('migration 0090 (one job queue)', () => {
  it('moves the queued insight job and the unsent portal mail as queued jobs, and keeps what was done as done', async () => {
    const rows = await sql<{ id: number; queue: string; municipality_code: string | null; payload: unknown; idempotency_key: string | null; status: string; attempts: number }>`
      select id, queue, municipality_code, payload, idempotency_key, status, attempts from jobs order by queue, status`.execute(database.db);
    expect(rows.rows.map(({ id, ...r }) => (r.queue === 'insight.refresh' ? { id, ...r } : r))).toEqual([
      { id: 7, queue: 'insight.refresh', municipality_code: null, payload: { kind: 'full', requestedBy: 'cli' }, idempotency_key: null, status: 'done', attempts: 1 },
      { id: 8, queue: 'insight.refresh', municipality_code: null, payload: { kind: 'incremental', requestedBy: 'a-staff-id' }, idempotency_key: null, status: 'queued', attempts: 0 },
      { queue: 'portal.mail', municipality_code: '0599', payload: { toAddress: 'verstuurd@example.org', template: 'message-waiting' }, idempotency_key: '00000000-0000-4000-8000-000000000001', status: 'done', attempts: 1 },
      { queue: 'portal.mail', municipality_code: '0599', payload: { toAddress: 'wacht@example.org', template: 'message-waiting' }, idempotency_key: '00000000-0000-4000-8000-000000000002', status: 'queued', attempts: 2 },
    ]);
  });

  it('drops the old tables and numbers new jobs after the moved ones', async () => {
    const old = await sql<{ t: string | null }>`select to_regclass('insight_jobs')::text as t union all select to_regclass('portal_outbox')::text`.execute(database.db);
    expect(old.rows).toEqual([{ t: null }, { t: null }]);
    const next = await sql<{ id: number }>`insert into jobs (queue) values ('test') returning id`.execute(database.db);
    expect(Number(next.rows[0]?.id)).toBeGreaterThan(8);
  });
});
