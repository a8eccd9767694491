import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const KERN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'kern.mjs');
const REFERENCE = fileURLToPath(new URL('../../../packages/exchange/examples', import.meta.url));

async function kern(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const r = await run(process.execPath, [KERN, ...args], { timeout: 60_000 });
    return { code: 0, stdout: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}

describe('kern exchange check: the provider self-check for a provider\'s CI', () => {
  it('a clean message exits 0; a broken one exits 1 with every finding, its rule, return code and line; --json gives the API\'s answer', async () => {
    const ok = await kern('exchange', 'check', '--today', '2026-12-31', join(REFERENCE, 'iwmo-3.2/berichten/WMO305.xml'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/WMO305 valid/);
    expect(ok.stdout).toMatch(/not checked without the municipality's data: TR056/);

    const dir = mkdtempSync(join(tmpdir(), 'kern-check-'));
    const source = readFileSync(join(REFERENCE, 'iwmo-3.2/berichten/WMO305.xml'), 'utf8');
    writeFileSync(join(dir, 'future.xml'), source.replace('<iwmo:Dagtekening>2025-04-05<', '<iwmo:Dagtekening>2027-04-05<'));
    writeFileSync(join(dir, 'xsd.xml'), source.replace('<wmo305:BerichtVersie>3<', '<wmo305:BerichtVersie>X<'));
    writeFileSync(join(dir, 'doctype.xml'), '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>');
    const bad = await kern('exchange', 'check', '--today', '2026-12-31', join(dir, 'future.xml'), join(dir, 'xsd.xml'), join(dir, 'doctype.xml'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/future\.xml: TR135 8848 Dagtekening/);
    expect(bad.stdout).toMatch(/xsd\.xml:5: XSD 0001 /);
    expect(bad.stdout).toMatch(/doctype\.xml:1: DOCTYPE 0001 /);

    const json = await kern('exchange', 'check', '--json', '--today', '2026-12-31', join(dir, 'future.xml'));
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ messageType: 'WMO305', valid: false, findings: [expect.objectContaining({ rule: 'TR135', code: '8848', line: null })] })]);
  }, 60_000);
});
