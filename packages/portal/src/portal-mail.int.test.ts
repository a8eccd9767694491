import { drainQueue, sql, withSystem, withTenant } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { newId } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSender } from './citizen-session';
import { dispatchOutbox, portalMailQueue } from './messages';
import { enqueueMail } from './portal.repository';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await withSystem(database.db, (tx) => sql`insert into municipalities (code, name, province) values ('0599', 'Rotterdam', 'Zuid-Holland') on conflict do nothing`.execute(tx));
});
afterAll(async () => database?.close());

const sentTo: { to: string; idempotencyKey: string | undefined }[] = [];
const working: MailSender = { send: (m) => (sentTo.push({ to: m.to, idempotencyKey: m.idempotencyKey }), Promise.resolve()) };
const broken: MailSender = { send: () => Promise.reject(new Error('SMTP 421 service not available')) };

const notice = async () => {
  const id = newId();
  await withTenant(database.db, '0599', (tx) => enqueueMail(tx, { id, municipalityCode: '0599', toAddress: 'patrick@example.org', template: 'message-waiting' }));
  const r = await sql<{ id: number }>`select id from jobs where queue = 'portal.mail' and idempotency_key = ${id}`.execute(database.db);
  return Number(r.rows[0]?.id);
};
const jobRow = async (id: number) =>
  (await sql<{ status: string; attempts: number; last_error: string | null }>`select status, attempts, last_error from jobs where id = ${id}`.execute(database.db)).rows[0];

describe('the portal outbox', () => {
  it('loses no notification when the mail sender throws: it stays queued with the error and is sent on a later round', async () => {
    const id = await notice();
    expect(await dispatchOutbox({ db: database.db, mail: broken }, '0599')).toBe(0);
    expect(await jobRow(id)).toEqual({ status: 'queued', attempts: 1, last_error: 'Error: SMTP 421 service not available' });

    const waits = await sql<{ later: boolean }>`select run_at > now() + interval '20 seconds' as later from jobs where id = ${id}`.execute(database.db);
    expect(waits.rows[0]?.later, 'the next attempt waits the backoff').toBe(true);
    expect(await drainQueue(database.db, portalMailQueue(working)), 'not before the backoff').toEqual([]);

    // The background worker's round after the backoff (the clock of the jobs is the database's: move the job instead).
    await sql`update jobs set run_at = run_at - interval '1 hour' where id = ${id}`.execute(database.db);
    const later = await drainQueue(database.db, portalMailQueue(working));
    expect(later.map((o) => o.status)).toEqual(['done']);
    expect(sentTo).toEqual([{ to: 'patrick@example.org', idempotencyKey: `kern-portal-mail-${id}` }]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await dispatchOutbox({ db: database.db, mail: working }, '0599'), 'a sent notice is not sent again').toBe(0);
    expect(sentTo).toHaveLength(1);
  });

  it('sends one municipality\'s notices right after its commit, not another\'s', async () => {
    sentTo.length = 0;
    await withSystem(database.db, (tx) => sql`insert into municipalities (code, name, province) values ('0518', '''s-Gravenhage', 'Zuid-Holland') on conflict do nothing`.execute(tx));
    await withTenant(database.db, '0518', (tx) => enqueueMail(tx, { id: newId(), municipalityCode: '0518', toAddress: 'ander@example.org', template: 'message-waiting' }));
    await notice();
    expect(await dispatchOutbox({ db: database.db, mail: working }, '0599')).toBe(1);
    expect(sentTo.map((m) => m.to)).toEqual(['patrick@example.org']);
  });
});
