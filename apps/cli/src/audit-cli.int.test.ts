import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { recordAuditEvent } from '@kern/access';
import { connect, migrate, sql, withSystem, type Database } from '@kern/db';
import { createTestDatabase } from '@kern/db/testing';
import { seedDemo } from '@kern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const KERN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'kern.mjs');

// The CLI runs as a child process on the same database: a PGlite data directory, or a fresh
// database on the PostgreSQL server.
let database: Database;
let args: string[] = [];
let env: NodeJS.ProcessEnv = {};
const dir = mkdtempSync(join(tmpdir(), 'kern-audit-cli-'));
const checkpointDir = join(dir, 'checkpoints');
const postgres = process.env.KERN_TEST_ENGINE === 'postgres';

const appendSome = () => withSystem(database.db, async (tx) => {
  for (const n of [1, 2, 3]) {
    await recordAuditEvent(tx, '0599', new Date('2026-03-02T10:00:00.000Z'), { kind: 'system', id: 'kern-cli-test', roles: [], teamIds: [] }, {
      action: 'read', resource: 'resident', subjectBsn: '999991838', outcome: 'allowed', reason: `test ${n}`,
    });
  }
});

beforeAll(async () => {
  const { DATABASE_URL: adminUrl, ...rest } = process.env;
  const checkpointEnv = { KERN_AUDIT_CHECKPOINT_DIR: checkpointDir, KERN_AUDIT_CHECKPOINT_KEY: 'cli-test-checkpoint-key-of-32-characters' };
  if (postgres && adminUrl) {
    const test = await createTestDatabase();
    database = test;
    const url = new URL(adminUrl);
    url.pathname = `/${test.name}`;
    env = { ...rest, ...checkpointEnv, DATABASE_URL: url.toString() };
  } else {
    const dataDir = join(dir, 'data');
    database = await connect({ dataDir });
    await migrate(database.db);
    env = { ...rest, ...checkpointEnv };
    args = ['--data-dir', dataDir];
  }
  await seedDemo(database.db);
  await appendSome();
  if (!postgres) await database.close();
}, 180_000);
afterAll(async () => {
  if (postgres) await database.close();
});

async function kern(...a: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [KERN, ...a], { timeout: 120_000, env });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('kern audit checkpoint', () => {
  it('appends a signed checkpoint per chain, and refuses one for a chain whose tail was cut since', async () => {
    const first = await kern('audit', 'checkpoint', ...args);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/0599: checkpoint at seq \d+/);
    const lines = readFileSync(join(checkpointDir, 'audit-checkpoints-0599.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const checkpoint = JSON.parse(lines[0] ?? '{}') as { seq: number; hash: string; signature: string };
    expect(checkpoint.signature).toMatch(/^[0-9a-f]{64}$/);

    // someone with the database cuts the newest records and moves the head back
    if (!postgres) {
      database = await connect({ dataDir: join(dir, 'data') });
    }
    await withSystem(database.db, async (tx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
      await sql`delete from audit_log where municipality_code = '0599' and seq > ${checkpoint.seq - 2}`.execute(tx);
      await sql`update audit_chain_heads set seq = ${checkpoint.seq - 2}, last_hash = (select hash from audit_log where municipality_code = '0599' and seq = ${checkpoint.seq - 2})
        where municipality_code = '0599'`.execute(tx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
    });
    if (!postgres) await database.close();

    const second = await kern('audit', 'checkpoint', '--municipality', 'GM0599', ...args);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/0599: NO checkpoint, the audit chain fails verification at seq \d+: records up to seq \d+.*are missing/);
    expect(readFileSync(join(checkpointDir, 'audit-checkpoints-0599.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
