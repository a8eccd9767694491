import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const KERN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'kern.mjs');

async function kern(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [KERN, ...args], { timeout: 120_000, env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('kern termijn', { timeout: 60_000 }, () => {
  it('computes the objection term of a decision of 3 April 2026 as 18 May 2026, naming the decreed day', async () => {
    const r = await kern('termijn', 'awb-bezwaar', '2026-04-03');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('uiterlijk 2026-05-18');
    expect(r.stdout).toContain('Atw art. 3 lid 3');
  });

  it('refuses an unknown term and an impossible date with exit code 1, naming both fields', async () => {
    const r = await kern('termijn', 'geen-termijn', '2026-02-30');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/termId:/);
    expect(r.stderr).toMatch(/start:/);
    expect(r.stderr).toContain('awb-bezwaar');
  });

  it('lists the decrees the calendar knows', async () => {
    const r = await kern('termijn', 'besluiten');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026-05-15');
    expect(r.stdout).toContain('2025-05-30');
  });
});

describe('kern termijn besluit toevoegen: the operator adds the next decree as data', { timeout: 90_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kern-termijn-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores a decree for 2029-2031 that the terms then count, and the horizon note moves', async () => {
    // Without the decree: a decision of 30 March 2029 has its objection term end on Friday 11 May
    // 2029 (six weeks), and that is past the last known decree.
    const before = await kern('termijn', 'awb-bezwaar', '2029-03-30', '--data-dir', dataDir);
    expect(before.stdout).toContain('uiterlijk 2029-05-11');
    expect(before.stdout).toContain('na zondag 31 december 2028 zijn nog geen besluiten bekend');

    const added = await kern('termijn', 'besluit', 'toevoegen', '--titel', 'Testbesluit gelijkgestelde dagen 2029-2031', '--datum', '2028-09-15', '--vindplaats', 'Stcrt. 2028, 99999', '--dagen', '2029-05-11,2030-05-31', '--data-dir', dataDir);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('atw-gelijkgestelde-dagen-2029-2030');

    // With it: Friday 11 May 2029 is equated with a holiday, so the term ends on Monday 14 May.
    const after = await kern('termijn', 'awb-bezwaar', '2029-03-30', '--data-dir', dataDir);
    expect(after.stdout).toContain('uiterlijk 2029-05-14');
    expect(after.stdout).toContain('Stcrt. 2028, 99999');
    expect(after.stdout).not.toContain('zijn nog geen besluiten bekend');
    expect((await kern('termijn', 'besluiten', '--data-dir', dataDir)).stdout).toContain('2030-05-31');
  });

  it('refuses a day on a Saturday and a period that overlaps, naming the field; nothing is stored', async () => {
    const saturday = await kern('termijn', 'besluit', 'toevoegen', '--titel', 'Besluit met een zaterdag', '--dagen', '2032-05-08', '--data-dir', dataDir);
    expect(saturday.code).toBe(1);
    expect(saturday.stderr).toMatch(/days\.0: .*zaterdag of zondag/);
    const overlap = await kern('termijn', 'besluit', 'toevoegen', '--titel', 'Besluit dat overlapt', '--dagen', '2028-06-02', '--id', 'overlappend-besluit', '--data-dir', dataDir);
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toContain('coversFrom');
    const list = (await kern('termijn', 'besluiten', '--data-dir', dataDir)).stdout;
    expect(list).not.toContain('2032-05-08');
    expect(list).not.toContain('overlappend-besluit');
  });
});
