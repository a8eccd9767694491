import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageType, messageTypeByNamespace, type MessageNumber } from './messages';
import { validateAgainstXsd, xsdDir, xsdPath, XsdPool } from './xsd';

const reference = fileURLToPath(new URL('../examples', import.meta.url));
const localExamples = join(xsdDir, '..', 'examples');

function examples(): { file: string; xml: string }[] {
  const dirs = [join(reference, 'iwmo-3.2/berichten'), join(reference, 'ijw-3.2/berichten'), localExamples];
  return dirs.flatMap((d) => {
    try {
      return readdirSync(d).filter((f) => f.endsWith('.xml')).map((f) => ({ file: f, xml: readFileSync(join(d, f), 'utf8') }));
    } catch {
      return [];
    }
  });
}

describe('XSD validation (libxml2-wasm)', () => {
  const all = examples();
  it('finds the reference example messages of both standards', () => {
    expect(all.length).toBeGreaterThanOrEqual(19);
  });
  it.each(all.map((e) => [e.file, e.xml] as const))('example %s validates against its XSD', (_file, xml) => {
    const ns = /xmlns:\w+="(http:\/\/www\.istandaarden\.nl\/i\w+\/3_2\/\w+\d{3}\/schema)"/.exec(xml)?.[1] ?? '';
    const type = messageTypeByNamespace(ns);
    expect(type).toBeDefined();
    if (!type) return;
    expect(validateAgainstXsd(type, xml)).toEqual([]);
  });

  it.each(['302', '306', '308', '320'] as MessageNumber[])('derived WMO%s.xsd says it is derived and accepts the iJw example moved into the iwmo namespace', (nr) => {
    const wmo = messageType('iwmo', nr);
    expect(readFileSync(xsdPath(wmo), 'utf8')).toMatch(/DERIVED by Kern[\s\S]*JW\d{3}\.xsd/);
    const jw = messageType('ijw', nr);
    const xml = readFileSync(join(reference, `ijw-3.2/berichten/JW${nr}.xml`), 'utf8')
      .replaceAll(jw.namespace, wmo.namespace)
      .replaceAll(jw.baseNamespace, wmo.baseNamespace)
      .replace(/\bijw:/g, 'iwmo:')
      .replace(/xmlns:ijw=/g, 'xmlns:iwmo=')
      .replace(new RegExp(`\\b${jw.prefix}:`, 'g'), `${wmo.prefix}:`)
      .replace(new RegExp(`xmlns:${jw.prefix}=`), `xmlns:${wmo.prefix}=`)
      .replace(`BerichtCode>${jw.berichtCode}<`, `BerichtCode>${wmo.berichtCode}<`)
      .replace(/ProductCategorie>\d\d</g, 'ProductCategorie>02<')
      .replace(/ProductCode>\d\dA/g, 'ProductCode>02A');
    expect(validateAgainstXsd(wmo, xml)).toEqual([]);
  });

  it('every derived iWmo return-message XSD compiles and refuses an iJw BerichtCode', () => {
    for (const nr of ['302', '306', '308', '316', '318', '320', '325'] as MessageNumber[]) {
      const t = messageType('iwmo', nr);
      const findings = validateAgainstXsd(t, `<?xml version="1.0"?><p:Bericht xmlns:p="${t.namespace}"><p:Header><p:BerichtCode>${messageType('ijw', nr).berichtCode}</p:BerichtCode></p:Header></p:Bericht>`);
      expect(findings.some((f) => f.kind === 'invalid' && f.message.includes('BerichtCode'))).toBe(true);
    }
  });

  it('refuses a document that is not well-formed', () => {
    const f = validateAgainstXsd(messageType('iwmo', '323'), '<a><b></a>');
    expect(f[0]?.kind).toBe('not-well-formed');
  });

  it('refuses external entities (XXE) before parsing', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><wmo323:Bericht xmlns:wmo323="${messageType('iwmo', '323').namespace}">&e;</wmo323:Bericht>`;
    const f = validateAgainstXsd(messageType('iwmo', '323'), xxe);
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toMatch(/DOCTYPE/);
  });

  it('refuses entity expansion (billion laughs) before parsing', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>`;
    expect(validateAgainstXsd(messageType('ijw', '323'), Buffer.from(lol))[0]?.message).toMatch(/DOCTYPE/);
  });

  it('refuses a message in the wrong namespace for its type', () => {
    const xml = readFileSync(join(reference, 'iwmo-3.2/berichten/WMO323.xml'), 'utf8');
    expect(validateAgainstXsd(messageType('ijw', '323'), xml).length).toBeGreaterThan(0);
  });

  it('a validation thread gives the same findings as the calling thread (valid, invalid, not well-formed, DOCTYPE)', async () => {
    const t = messageType('iwmo', '323');
    const valid = all.find((e) => e.xml.includes(t.namespace))?.xml;
    expect(valid).toBeDefined();
    const docs = [
      valid ?? '',
      (valid ?? '').replace(/<(\w+):BerichtCode>\d+</, '<$1:BerichtCode>999<'),
      '<a><b></a>',
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>`,
    ];
    const pool = new XsdPool(1);
    try {
      for (const d of docs) {
        const here = validateAgainstXsd(t, Buffer.from(d));
        expect(await pool.validate(t, new Uint8Array(Buffer.from(d)))).toEqual(here);
      }
    } finally {
      await pool.close();
    }
    expect(validateAgainstXsd(t, Buffer.from(docs[1] ?? '')).length).toBeGreaterThan(0);
  });
});
