import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const KERN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'kern.mjs');

async function kern(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [KERN, ...args], { timeout: 90_000, env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('kern catalogue load', () => {
  it('loads the shipped national catalogue into an empty database, again without change, and refuses a broken file with exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kern-catalogue-'));
    try {
      const first = await kern('catalogue', 'load', '--data-dir', join(dir, 'data'));
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/42 categories and 785 product codes loaded; the catalogue now holds 42 categories and 785 product codes/);
      const again = await kern('catalogue', 'load', '--data-dir', join(dir, 'data'));
      expect(again.stderr).toMatch(/now holds 42 categories and 785 product codes/);
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, JSON.stringify({ categories: [{ standard: 'iwmo', code: '1', name: 'x', validFrom: '2015-01-01', validTo: null }], products: [] }));
      const bad = await kern('catalogue', 'load', broken, '--data-dir', join(dir, 'data'));
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/kern: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
