import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connect, migrate, sql, withSystem, type Database } from '@kern/db';
import { createTestDatabase } from '@kern/db/testing';
import { sample305, sample315 } from '@kern/exchange';
import { seedDemo } from '@kern/seed';
import { insertTestAllocation } from '@kern/seed/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const KERN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'kern.mjs');

// The CLI runs as a child process on the same database: a PGlite data directory, or a fresh
// database on the PostgreSQL server (never the server's own database).
let database: Database;
let args: string[] = [];
let env: NodeJS.ProcessEnv = {};
const dir = mkdtempSync(join(tmpdir(), 'kern-exrecv-'));
const BSN = '999991838';
const today = new Date().toISOString().slice(0, 10);
const header = (identificatie: string) => ({ standard: 'iwmo' as const, provider: '12345678', municipality: '0599', identificatie, dagtekening: today });

beforeAll(async () => {
  const { DATABASE_URL: adminUrl, ...rest } = process.env;
  if (process.env.KERN_TEST_ENGINE === 'postgres' && adminUrl) {
    const test = await createTestDatabase();
    database = test;
    const url = new URL(adminUrl);
    url.pathname = `/${test.name}`;
    env = { ...rest, DATABASE_URL: url.toString() };
  } else {
    const dataDir = join(dir, 'data');
    database = await connect({ dataDir });
    await migrate(database.db);
    env = rest;
    args = ['--data-dir', dataDir];
  }
  await seedDemo(database.db);
  await insertTestAllocation(database.db, { municipalityCode: '0599', bsn: BSN, providerAgb: '12345678', standard: 'iwmo', toewijzingNummer: '200001', category: '02', startDate: '2026-01-01' });
  if (process.env.KERN_TEST_ENGINE !== 'postgres') await database.close();
}, 180_000);
afterAll(async () => {
  if (process.env.KERN_TEST_ENGINE === 'postgres') await database.close();
});

async function kern(...a: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const r = await run(process.execPath, [KERN, ...a], { timeout: 120_000, env });
    return { code: 0, stdout: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}

describe('kern exchange receive', () => {
  it('dispatches by message type, writes each retour beside the file, prints findings with rule id and return code, exit 1 when any line is refused', async () => {
    const start = join(dir, 'start.xml');
    writeFileSync(start, sample305(header('C1'), { bsn: BSN }, [{ toewijzingNummer: '200001', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]));
    const request = join(dir, 'request.xml');
    writeFileSync(request, sample315(header('C2'), { bsn: BSN }, [{ referentieAanbieder: 'CLI-1', categorie: '02', ingangsdatum: '2026-12-01' }]));
    const ok = await kern('exchange', 'receive', start, request, '--municipality', 'GM0599', ...args);
    expect(ok.stdout).toMatch(/WMO305 C1 from AGB 12345678: answered, header 0200; 306 in/);
    expect(ok.stdout).toMatch(/WMO315 C2 from AGB 12345678: answered, header 0200; 316 in/);
    expect(ok.code).toBe(0);
    expect(existsSync(join(dir, 'start.306.xml'))).toBe(true);
    // IV028: accepted without findings: the header only, without return codes.
    expect(readFileSync(join(dir, 'request.316.xml'), 'utf8')).toMatch(/<wmo316:IdentificatieRetour>R\w+</);
    expect(readFileSync(join(dir, 'request.316.xml'), 'utf8')).not.toContain('<wmo316:Client>');

    const unknown = join(dir, 'unknown.xml');
    writeFileSync(unknown, sample305(header('C3'), { bsn: BSN }, [{ toewijzingNummer: '299999', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]));
    const hostile = join(dir, 'hostile.xml');
    writeFileSync(hostile, '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a/>');
    const bad = await kern('exchange', 'receive', unknown, hostile, start, '--municipality', '0599', ...args);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/unknown\.xml: StartProduct 299999: TR019 9019/);
    expect(bad.stdout).toMatch(/hostile\.xml: refused {2}DOCTYPE 0001/);
    expect(bad.stdout).toMatch(/start\.xml: .*received before: same answer, nothing booked again/);
    if (process.env.KERN_TEST_ENGINE === 'postgres') {
      const n = await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from exchange_care_deliveries where toewijzing_nummer = '200001'`.execute(tx));
      expect(n.rows[0]?.n).toBe(1);
    }
  }, 240_000);
});
