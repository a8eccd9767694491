import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const KERN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'kern.mjs');

async function kern(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [KERN, ...args], { timeout: 60_000 });
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
