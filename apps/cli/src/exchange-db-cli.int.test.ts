import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connect, migrate, sql, withSystem, type Database } from '@kern/db';
import { createTestDatabase } from '@kern/db/testing';
import { demoInvoiceXml } from '@kern/exchange';
import { exchangeDemoClients, seedDemo } from '@kern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const KERN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'kern.mjs');

// The CLI runs as a child process on the same database: a PGlite data directory, or a fresh
// database on the PostgreSQL server (never the server's own database).
let database: Database;
let args: string[] = [];
let env: NodeJS.ProcessEnv = {};
const dir = mkdtempSync(join(tmpdir(), 'kern-exdb-'));

beforeAll(async () => {
  const { DATABASE_URL: adminUrl, ...rest } = process.env;
  if (process.env.KERN_TEST_ENGINE === 'postgres' && adminUrl) {
    const test = await createTestDatabase();
    database = test;
    const url = new URL(adminUrl);
    url.pathname = `/${test.name}`;
    env = { ...rest, DATABASE_URL: url.toString() };
    args = ['--database'];
  } else {
    const dataDir = join(dir, 'data');
    database = await connect({ dataDir });
    await migrate(database.db);
    env = rest;
    args = ['--data-dir', dataDir];
  }
  await seedDemo(database.db);
  if (process.env.KERN_TEST_ENGINE !== 'postgres') await database.close();
}, 180_000);
afterAll(async () => {
  if (process.env.KERN_TEST_ENGINE === 'postgres') await database.close();
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

describe('kern exchange process --database', () => {
  it('books a declaration into the database with progress, prints each refused line, exit 1; the same file again books nothing', async () => {
    const file = join(dir, 'declaratie.xml');
    writeFileSync(file, demoInvoiceXml({ municipalityCode: '0599', clients: exchangeDemoClients['0599'] ?? ['', ''], identificatie: 'CLI1' }));
    const r = await kern('exchange', 'process', file, ...args, '--municipality', 'GM0599', '--demo');
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/prestatie CLI1-2: TR418 0611/);
    expect(r.stdout).toMatch(/prestatie CLI1-3: TR338 9338/);
    expect(r.stdout).toMatch(/3 prestaties, 1 approved \(10400 ct\), 2 rejected/);
    expect(r.stderr).toMatch(/declaratie\.xml/);
    expect(readFileSync(join(dir, 'declaratie.325.xml'), 'utf8')).toContain('<wmo325:RetourCode>9338</wmo325:RetourCode>');

    const again = await kern('exchange', 'process', file, ...args, '--municipality', '0599', '--demo');
    expect(again.stdout).toMatch(/received before \(TR056\)/);
    expect(again.code).toBe(1);
    if (process.env.KERN_TEST_ENGINE === 'postgres') {
      const n = await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from exchange_invoice_lines`.execute(tx));
      expect(n.rows[0]?.n).toBe(3);
    } else {
      const db = await connect({ dataDir: args[1] });
      const n = await withSystem(db.db, (tx) => sql<{ n: number }>`select count(*)::int as n from exchange_invoice_lines`.execute(tx));
      await db.close();
      expect(n.rows[0]?.n).toBe(3);
    }
  }, 180_000);

  it('exits 0 when every line is approved, and refuses a file that is not a declaration', async () => {
    const file = join(dir, 'goed.xml');
    writeFileSync(file, demoInvoiceXml({ municipalityCode: '0599', clients: exchangeDemoClients['0599'] ?? ['', ''], identificatie: 'CLI2', month: '2026-05', approvedOnly: true }));
    const ok = await kern('exchange', 'process', file, ...args, '--municipality', '0599', '--demo');
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    writeFileSync(join(dir, 'rommel.xml'), 'geen xml');
    const bad = await kern('exchange', 'process', join(dir, 'rommel.xml'), ...args, '--municipality', '0599', '--demo');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/refused/);
  }, 180_000);

  it('demo-invoice writes a declaration that matches the demo seed', async () => {
    const file = join(dir, 'demo.xml');
    expect((await kern('exchange', 'demo-invoice', '--month', '2026-03', '--out', file)).code).toBe(0);
    const r = await kern('exchange', 'process', file, ...args, '--municipality', '0599', '--demo');
    expect(r.stdout).toMatch(/3 prestaties, 1 approved \(10400 ct\), 2 rejected/);
  }, 180_000);
});
