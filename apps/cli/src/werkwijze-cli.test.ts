import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const KERN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'kern.mjs');
const LIBRARY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'packages', 'workflows', 'library');

async function kern(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [KERN, ...args], { timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('kern werkwijze', () => {
  it('validates the library werkwijzen and files, and names the line of an error with exit code 1', async () => {
    const ok = await kern('werkwijze', 'validate', 'library:een-loket', join(LIBRARY, 'buurtcentrum-beschikkingsvrij.yaml'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ok +library:een-loket/);
    const dir = mkdtempSync(join(tmpdir(), 'kern-ww-'));
    const broken = join(dir, 'kapot.yaml');
    writeFileSync(broken, readFileSync(join(LIBRARY, 'frontoffice-backoffice.yaml'), 'utf8').replace('phase: uitvoering', 'phase: nazorg'));
    const bad = await kern('werkwijze', 'validate', broken);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/kapot\.yaml:\d+ +steps\[\d+\]\.phase/);
  }, 120_000);

  it('diffs two werkwijzen readably and exits 1 when they differ, 0 when equal', async () => {
    const differ = await kern('werkwijze', 'diff', 'library:frontoffice-backoffice', 'library:wijkteam-met-mandaat', '--lang', 'en');
    expect(differ.code).toBe(1);
    expect(differ.stdout.length).toBeGreaterThan(50);
    const same = await kern('werkwijze', 'diff', 'library:een-loket', join(LIBRARY, 'een-loket.yaml'));
    expect(same.code).toBe(0);
  }, 120_000);

  it('exports a library werkwijze as the file it ships as', async () => {
    const out = await kern('werkwijze', 'export', 'library:een-loket');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(readFileSync(join(LIBRARY, 'een-loket.yaml'), 'utf8'));
  }, 60_000);
});
