import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { build323, generatedFacts, sample307, type InvoiceHeader } from '@kern/exchange';

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

describe('kern exchange', () => {
  it('validate: reference messages pass with exit 0; a broken one is refused with its rule and return code, exit 1', async () => {
    const ok = await kern('exchange', 'validate', join(REFERENCE, 'iwmo-3.2/berichten/WMO301.xml'), join(REFERENCE, 'ijw-3.2/berichten/JW323.xml'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/WMO301 valid/);
    const dir = mkdtempSync(join(tmpdir(), 'kern-ex-'));
    const broken = join(dir, 'WMO301.xml');
    writeFileSync(broken, readFileSync(join(REFERENCE, 'iwmo-3.2/berichten/WMO301.xml'), 'utf8').replace('<wmo301:BerichtCode>414<', '<wmo301:BerichtCode>436<'));
    const bad = await kern('exchange', 'validate', broken);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/XSD 0001 .*BerichtCode/);
  }, 60_000);

  it('validate runs the technical rules, not only the XSD: a 307 that stops before it started (TR018) and a 323 with the wrong sign of its total (TR358) are refused under their rule, and it says what it could not check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kern-ex-'));
    const stop = sample307({ standard: 'iwmo', provider: '12345678', municipality: '0599', identificatie: 'S1', dagtekening: '2026-03-31' }, { bsn: '999991838' }, [{ toewijzingNummer: '100001', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01', einddatum: '2026-01-15' }]);
    writeFileSync(join(dir, 'WMO307.xml'), stop);
    const header: InvoiceHeader = { standard: 'iwmo', afzender: '12345678', ontvanger: '0363', identificatie: 'B1', dagtekening: '2026-11-05', basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0', declaratieNummer: 'D1', periodeBegin: '2026-10-01', periodeEind: '2026-10-31', declaratieDagtekening: '2026-11-05', totaalBedrag: 5000, totaalDebetCredit: 'C' };
    writeFileSync(join(dir, 'WMO323.xml'), build323(header, [{ bsn: '999991838', prestaties: [{ referentieNummer: 'R1', vorigReferentieNummer: null, toewijzingNummer: '100000', productCategorie: '02', productCode: '02A01', begindatum: '2026-10-01', einddatum: '2026-10-31', geleverdVolume: 4, eenheid: '04', productTarief: 1250, bedrag: 5000, debetCredit: 'D' }] }]));
    const r = await kern('exchange', 'validate', join(dir, 'WMO307.xml'), join(dir, 'WMO323.xml'), '--today', '2026-11-23');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/WMO307\.xml: TR018 0001/);
    expect(r.stdout).toMatch(/WMO323\.xml: refused {2}TR358 0001/);
    expect(r.stdout).toMatch(/WMO307\.xml: not checked without the database: TR056/);
    expect(r.stdout).toMatch(/WMO323\.xml: not checked without the database: TR056/);
  }, 60_000);

  it('process: each rejected line printed with rule id and code, the 325 and the payment batch written, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kern-ex-'));
    const g = { standard: 'iwmo' as const, clients: 1, prestatiesPerClient: 2, month: '2026-10', provider: '12345678', municipality: '0363' };
    writeFileSync(join(dir, 'facts.json'), JSON.stringify(generatedFacts(g)));
    const header: InvoiceHeader = { standard: 'iwmo', afzender: '12345678', ontvanger: '0363', identificatie: 'B1', dagtekening: '2026-11-05', basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0', declaratieNummer: 'D1', periodeBegin: '2026-10-01', periodeEind: '2026-10-31', declaratieDagtekening: '2026-11-05', totaalBedrag: 10000, totaalDebetCredit: 'D' };
    const p = { vorigReferentieNummer: null, productCategorie: '02', productCode: '02A01', begindatum: '2026-10-01', einddatum: '2026-10-31', geleverdVolume: 4, eenheid: '04', productTarief: 1250, bedrag: 5000, debetCredit: 'D' as const };
    const bsn = generatedFacts(g).allocations[0]?.bsn ?? '';
    writeFileSync(join(dir, 'd.xml'), build323(header, [{ bsn, prestaties: [{ ...p, referentieNummer: 'R1', toewijzingNummer: '100000' }, { ...p, referentieNummer: 'R2', toewijzingNummer: '999999' }] }]));
    const r = await kern('exchange', 'process', join(dir, 'd.xml'), '--facts', join(dir, 'facts.json'), '--municipality', 'GM0363', '--today', '2026-11-23');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/prestatie R2: TR338 9338/);
    expect(readFileSync(join(dir, 'd.325.xml'), 'utf8')).toContain('<wmo325:RetourCode>9338</wmo325:RetourCode>');
    expect(existsSync(join(dir, 'd.betaalbatch.csv'))).toBe(true);
    expect(readFileSync(join(dir, 'd.betaalbatch.csv'), 'utf8')).toMatch(/;R1;100000;.*;5000\n/);
  }, 60_000);
});
