import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, withSystem, withTenant, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-chain';
import { fileCheckpointStore, verifyChainWithCheckpoints, writeAuditCheckpoint, type AuditCheckpoints } from './audit-checkpoint';
import { appendAuditEntries, findAuditRecords, readChain } from './audit.repository';
import { AccessDenied, runAsTenant } from './authorize';
import { PolicyStore } from './policy-store';

const engine = process.env.KERN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const ROTTERDAM = '0599';
const AT = new Date('2026-03-02T10:00:00.000Z');
const KEY = 'test-checkpoint-key-of-32-characters-or-more';

const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  actorId: 'a8f6c7a4-1b51-4b7e-9a61-0d3c6f1b2e11',
  actorKind: 'staff',
  actorRoles: ['wmo-consultant'],
  actorTeams: [],
  purpose: 'wmo',
  action: 'read',
  resource: 'resident',
  subjectBsn: '999991838',
  outcome: 'allowed',
  reason: `rule wmo-case ${n}`,
  legalBasis: 'Wmo 2015 art. 5.1.1',
  ...extra,
});

let database: TestDatabase;
let dir: string;
let checkpoints: AuditCheckpoints;
const clock = new FixedClock('2026-03-02T11:00:00.000Z');

const verify = async () => {
  const chain = await withTenant(database.db, ROTTERDAM, (tx) => readChain(tx, ROTTERDAM));
  return verifyChainWithCheckpoints(ROTTERDAM, chain, { key: KEY, list: await checkpoints.store.list(ROTTERDAM) });
};
/** The schema owner edits the log behind the application's back, as someone with database access could. */
const tamper = (fn: (tx: Tx) => Promise<unknown>) =>
  withSystem(database.db, async (tx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
    await fn(tx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
  });
const append = (entries: AuditEntry[]) => withTenant(database.db, ROTTERDAM, (tx) => appendAuditEntries(tx, ROTTERDAM, AT, entries));

beforeAll(async () => {
  database = await createTestDatabase();
  await sql`insert into municipalities (code, name, province) values (${ROTTERDAM}, 'Rotterdam', 'Zuid-Holland')`.execute(database.db);
}, 60_000);
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`the audit chain detects tampering (${engine})`, () => {
  beforeEach(async () => {
    await tamper(async (tx) => {
      await sql`delete from audit_log`.execute(tx);
      await sql`delete from audit_chain_heads`.execute(tx);
    });
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = await mkdtemp(join(tmpdir(), 'kern-checkpoints-'));
    checkpoints = { store: fileCheckpointStore(dir), key: KEY };
    await append([entry(1), entry(2), entry(3), entry(4), entry(5)]);
  });

  it('verifies an untouched chain and its checkpoint', async () => {
    const written = await writeAuditCheckpoint({ db: database.db, clock, auditCheckpoints: checkpoints }, ROTTERDAM);
    expect(written).toMatchObject({ written: true, checkpoint: { seq: 5 } });
    expect(await verify()).toEqual({ valid: true, checked: 5, checkpointSeq: 5 });
  });

  it('writes a further checkpoint only for new records that extend the last one', async () => {
    const services = { db: database.db, clock, auditCheckpoints: checkpoints };
    await writeAuditCheckpoint(services, ROTTERDAM);
    expect(await writeAuditCheckpoint(services, ROTTERDAM)).toMatchObject({ written: false, verification: { valid: true, problem: expect.stringMatching(/no new records/) } });
    await append([entry(6), entry(7)]);
    expect(await writeAuditCheckpoint(services, ROTTERDAM)).toMatchObject({ written: true, checkpoint: { seq: 7 } });
    expect(await checkpoints.store.list(ROTTERDAM)).toHaveLength(2);
    expect(await verify()).toEqual({ valid: true, checked: 7, checkpointSeq: 7 });
  });

  it.each([
    ['reason', sql`update audit_log set reason = 'nothing to see' where seq = 3`],
    ['subject_bsn', sql`update audit_log set subject_bsn = '999993872' where seq = 3`],
    ['outcome', sql`update audit_log set outcome = 'denied' where seq = 3`],
    ['actor_id', sql`update audit_log set actor_id = 'someone-else' where seq = 3`],
    ['at', sql`update audit_log set at = at - interval '1 day' where seq = 3`],
  ])('detects an edited %s column, which the search shows, at that record', async (_column, edit) => {
    await tamper((tx) => edit.execute(tx));
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: 3, problem: expect.stringMatching(/column/) });
  });

  it('detects a deleted record in the middle', async () => {
    await tamper((tx) => sql`delete from audit_log where seq = 3`.execute(tx));
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('detects a cut tail with the head moved back, against the last checkpoint', async () => {
    await writeAuditCheckpoint({ db: database.db, clock, auditCheckpoints: checkpoints }, ROTTERDAM);
    await append([entry(6)]);
    await tamper(async (tx) => {
      await sql`delete from audit_log where seq >= 4`.execute(tx);
      await sql`update audit_chain_heads set seq = 3, last_hash = (select hash from audit_log where seq = 3), prev_hash = (select prev_hash from audit_log where seq = 3)`.execute(tx);
    });
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: 5, problem: expect.stringMatching(/missing/) });
    // and no new checkpoint vouches for the shortened chain
    expect(await writeAuditCheckpoint({ db: database.db, clock, auditCheckpoints: checkpoints }, ROTTERDAM)).toMatchObject({ written: false });
  });

  it('detects a cut tail replaced by new records of the same length', async () => {
    await writeAuditCheckpoint({ db: database.db, clock, auditCheckpoints: checkpoints }, ROTTERDAM);
    await tamper(async (tx) => {
      await sql`delete from audit_log where seq >= 4`.execute(tx);
      await sql`update audit_chain_heads set seq = 3, last_hash = (select hash from audit_log where seq = 3)`.execute(tx);
    });
    await append([entry(40), entry(50)]);
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: 5, problem: expect.stringMatching(/differs from the checkpoint/) });
  });

  it('refuses a checkpoint file whose signature was forged or whose lines were edited', async () => {
    await writeAuditCheckpoint({ db: database.db, clock, auditCheckpoints: checkpoints }, ROTTERDAM);
    const file = join(dir, `audit-checkpoints-${ROTTERDAM}.jsonl`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"seq":5', '"seq":2'));
    expect(await verify()).toMatchObject({ valid: false, problem: expect.stringMatching(/signature/) });
  });

  it('writes the record of a reason with a NUL or a lone surrogate, escaped, and the chain stays valid', async () => {
    await append([entry(6, { reason: 'denied\u0000with NUL', outcome: 'denied' }), entry(7, { reason: 'lone \ud800 surrogate \udc00 too', outcome: 'denied', requestId: 'r\u0000' })]);
    const records = await withTenant(database.db, ROTTERDAM, (tx) => findAuditRecords(tx, { outcome: 'denied', limit: 10 }));
    expect(records.map((r) => r.reason)).toEqual(['lone \\ud800 surrogate \\udc00 too', 'denied\\u0000with NUL']);
    expect((await verify()).valid).toBe(true);
  });

  it('writes the denial of a request whose reason holds a NUL, through the denial path of runAsTenant', async () => {
    const services = { db: database.db, clock, policies: new PolicyStore() };
    const ctx = { actor: { kind: 'staff' as const, id: 'a8f6c7a4-1b51-4b7e-9a61-0d3c6f1b2e11', name: 'Test', municipalityCode: ROTTERDAM, roles: ['wmo-consultant' as const], teamIds: [] } };
    const denial = new AccessDenied(entry(8, { outcome: 'denied', reason: 'break-the-glass reason: x\u0000y \udfff' }), false);
    await expect(runAsTenant(services, ctx, () => Promise.reject(denial))).rejects.toBe(denial);
    const records = await withTenant(database.db, ROTTERDAM, (tx) => findAuditRecords(tx, { outcome: 'denied', limit: 10 }));
    expect(records.map((r) => r.reason)).toEqual(['break-the-glass reason: x\\u0000y \\udfff']);
    expect((await verify()).valid).toBe(true);
  });
});
