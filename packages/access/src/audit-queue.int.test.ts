import { sql, withSystem, withTenant, type Tx } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain, type AuditEntry } from './audit-chain';
import { appendAuditEntries, findAuditRecords, readChain } from './audit.repository';

const engine = process.env.KERN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const ROTTERDAM = '0599';
const DEN_HAAG = '0518';
const AT = new Date('2026-03-02T10:00:00.000Z');

const entry = (subjectBsn: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  actorId: 'a8f6c7a4-1b51-4b7e-9a61-0d3c6f1b2e11',
  actorKind: 'staff',
  actorRoles: ['wmo-consulent'],
  actorTeams: ['7d2f5c1e-3a44-4c2b-8e0f-1a2b3c4d5e6f'],
  purpose: 'wmo',
  action: 'read',
  resource: 'resident',
  subjectBsn,
  outcome: 'allowed',
  reason: 'rule wmo-case',
  legalBasis: 'Wmo 2015 art. 5.1.1',
  requestId: 'req-1',
  ...extra,
});

let database: TestDatabase;
const count = async (code = ROTTERDAM) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where municipality_code = ${code}`.execute(database.db)).rows[0]?.n);
const chainOf = (code = ROTTERDAM) => withTenant(database.db, code, (tx) => readChain(tx, code));
const verify = async (code = ROTTERDAM) => {
  const { links, headHash } = await chainOf(code);
  return verifyChain(code, links, headHash);
};
/** The schema owner edits the log behind the application's back, as someone with database access could. */
const tamper = (fn: (tx: Tx) => Promise<unknown>) =>
  withSystem(database.db, async (tx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
    await fn(tx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
  });

beforeAll(async () => {
  database = await createTestDatabase();
  await sql`insert into municipalities (code, name, province) values
    (${ROTTERDAM}, 'Rotterdam', 'Zuid-Holland'), (${DEN_HAAG}, '''s-Gravenhage', 'Zuid-Holland')`.execute(database.db);
  await sql`insert into municipality_settings (municipality_code, display_name) values
    (${ROTTERDAM}, 'Gemeente Rotterdam'), (${DEN_HAAG}, 'Gemeente Den Haag')`.execute(database.db);
}, 60_000);
afterAll(async () => database?.close());

describe(`audit records appended at commit (${engine})`, () => {
  beforeEach(async () => {
    // Each test starts from an empty, valid chain.
    await tamper(async (tx) => {
      await sql`delete from audit_log`.execute(tx);
      await sql`delete from audit_chain_heads`.execute(tx);
    });
  });

  it('a transaction that rolls back leaves neither its effect nor its audit record', async () => {
    await expect(withTenant(database.db, ROTTERDAM, async (tx) => {
      await sql`update municipality_settings set display_name = 'changed' where municipality_code = ${ROTTERDAM}`.execute(tx);
      await appendAuditEntries(tx, ROTTERDAM, AT, [entry('999991838')]);
      throw new Error('the use case fails after its read');
    })).rejects.toThrow('the use case fails');
    expect(await count()).toBe(0);
    const name = await sql<{ display_name: string }>`select display_name from municipality_settings where municipality_code = ${ROTTERDAM}`.execute(database.db);
    expect(name.rows[0]?.display_name).toBe('Gemeente Rotterdam');
  });

  it('a transaction that commits has its audit records, with every column as the entry said', async () => {
    await withTenant(database.db, ROTTERDAM, (tx) => appendAuditEntries(tx, ROTTERDAM, AT, [
      entry('999991838'),
      entry('999993872', { purpose: undefined, legalBasis: undefined, breakGlass: true, requestId: undefined, reason: "it's a \\ quote ' and $$ dollars" }),
    ]));
    const records = await withTenant(database.db, ROTTERDAM, (tx) => findAuditRecords(tx, { limit: 10 }));
    expect(records.map((r) => r.seq)).toEqual([2, 1]);
    expect(records[1]).toMatchObject({
      at: AT.toISOString(), actorId: entry('x').actorId, actorKind: 'staff', actorRoles: ['wmo-consulent'], actorTeams: entry('x').actorTeams,
      purpose: 'wmo', action: 'read', resource: 'resident', subjectBsn: '999991838', outcome: 'allowed', reason: 'rule wmo-case',
      legalBasis: 'Wmo 2015 art. 5.1.1', breakGlass: false, requestId: 'req-1',
    });
    expect(records[0]).toMatchObject({ subjectBsn: '999993872', breakGlass: true, reason: "it's a \\ quote ' and $$ dollars" });
    expect(records[0]).not.toHaveProperty('purpose');
    expect(records[0]).not.toHaveProperty('legalBasis');
    expect(await verify()).toEqual({ valid: true, checked: 2 });
  });

  it('when the append fails at commit the whole transaction rolls back, its effect included', async () => {
    // A record for another municipality cannot pass row-level security: the commit step fails.
    await expect(withTenant(database.db, ROTTERDAM, async (tx) => {
      await sql`update municipality_settings set display_name = 'changed' where municipality_code = ${ROTTERDAM}`.execute(tx);
      await appendAuditEntries(tx, DEN_HAAG, AT, [entry('999991838')]);
    })).rejects.toThrow();
    const name = await sql<{ display_name: string }>`select display_name from municipality_settings where municipality_code = ${ROTTERDAM}`.execute(database.db);
    expect(name.rows[0]?.display_name).toBe('Gemeente Rotterdam');
    expect(await count(ROTTERDAM) + await count(DEN_HAAG)).toBe(0);
  });

  it('a read of the log in the same transaction sees the records queued before it', async () => {
    const seen = await withTenant(database.db, ROTTERDAM, async (tx) => {
      await appendAuditEntries(tx, ROTTERDAM, AT, [entry('999991838')]);
      const found = await findAuditRecords(tx, { subjectBsn: '999991838', limit: 10 });
      await appendAuditEntries(tx, ROTTERDAM, AT, [entry('999993872')]);
      return found;
    });
    expect(seen.map((r) => r.subjectBsn)).toEqual(['999991838']);
    expect(await count()).toBe(2);
    expect(await verify()).toEqual({ valid: true, checked: 2 });
  });

  it('many concurrent transactions of one municipality all audit, and the chain verifies', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) =>
      withTenant(database.db, ROTTERDAM, async (tx) => {
        await appendAuditEntries(tx, ROTTERDAM, AT, [entry('999991838', { requestId: `r${i}-a` })]);
        await sql`select count(*) from municipality_settings`.execute(tx);
        await appendAuditEntries(tx, ROTTERDAM, AT, [entry('999993872', { requestId: `r${i}-b` })]);
      })));
    expect(await count()).toBe(24);
    const records = await withTenant(database.db, ROTTERDAM, (tx) => findAuditRecords(tx, { limit: 100 }));
    expect(new Set(records.map((r) => r.requestId)).size).toBe(24);
    expect(await verify()).toEqual({ valid: true, checked: 24 });
  });

  it.skipIf(engine !== 'postgres')('an open transaction that has audited does not hold the chain head: another one audits and commits meanwhile', async () => {
    // A committed record first, so the chain head exists (its creation is not what is measured here).
    await withTenant(database.db, ROTTERDAM, (tx) => appendAuditEntries(tx, ROTTERDAM, AT, [entry('999991838', { requestId: 'zero' })]));
    let releaseFirst!: () => void;
    const secondDone = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstAudited!: () => void;
    const audited = new Promise<void>((resolve) => (firstAudited = resolve));
    const first = withTenant(database.db, ROTTERDAM, async (tx) => {
      await appendAuditEntries(tx, ROTTERDAM, AT, [entry('999991838', { requestId: 'first' })]);
      firstAudited();
      await secondDone;
    });
    await audited;
    try {
      await withTenant(database.db, ROTTERDAM, async (tx) => {
        // NOWAIT: fails at once if the first transaction held the head's row lock.
        await sql`select seq from audit_chain_heads where municipality_code = ${ROTTERDAM} for update nowait`.execute(tx);
        await appendAuditEntries(tx, ROTTERDAM, AT, [entry('999993872', { requestId: 'second' })]);
      });
    } finally {
      releaseFirst();
      await first;
    }
    const records = await withTenant(database.db, ROTTERDAM, (tx) => findAuditRecords(tx, { limit: 10 }));
    expect(records.map((r) => r.requestId)).toEqual(['first', 'second', 'zero']);
    expect(await verify()).toEqual({ valid: true, checked: 3 });
  });
});

describe(`the verification still detects tampering (${engine})`, () => {
  beforeEach(async () => {
    await tamper(async (tx) => {
      await sql`delete from audit_log`.execute(tx);
      await sql`delete from audit_chain_heads`.execute(tx);
    });
    for (let i = 1; i <= 4; i++) {
      await withTenant(database.db, ROTTERDAM, (tx) => appendAuditEntries(tx, ROTTERDAM, AT, [entry('999991838', { requestId: `r${i}` })]));
    }
    expect(await verify()).toEqual({ valid: true, checked: 4 });
  });

  it('a changed record', async () => {
    await tamper((tx) => sql`update audit_log set payload = replace(payload, 'wmo-case', 'nothing') where seq = 2`.execute(tx));
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });

  it('a removed record', async () => {
    await tamper((tx) => sql`delete from audit_log where seq = 3`.execute(tx));
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('a removed last record', async () => {
    await tamper((tx) => sql`delete from audit_log where seq = 4`.execute(tx));
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('two records swapped', async () => {
    await tamper((tx) => sql`update audit_log a set payload = b.payload, prev_hash = b.prev_hash, hash = b.hash
      from audit_log b where a.municipality_code = b.municipality_code and ((a.seq = 2 and b.seq = 3) or (a.seq = 3 and b.seq = 2))`.execute(tx));
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });
});
