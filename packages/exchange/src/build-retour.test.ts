import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRetour } from './build-retour';
import { messageType, type MessageNumber, type Standard } from './messages';
import { validateAgainstXsd } from './xsd';
import { parseTree } from './xml-lite';

const reference = fileURLToPath(new URL('../examples', import.meta.url));
const cases: [Standard, MessageNumber][] = [
  ['iwmo', '305'], ['iwmo', '307'], ['iwmo', '315'], ['iwmo', '317'], ['ijw', '305'], ['ijw', '307'], ['ijw', '317'],
];

describe('return messages built from the received message', () => {
  it.each(cases)('%s %s: the return message Kern builds validates against its XSD, with 0200 on every class', (standard, nr) => {
    const received = messageType(standard, nr);
    const xml = readFileSync(`${reference}/${standard === 'iwmo' ? 'iwmo-3.2' : 'ijw-3.2'}/berichten/${received.name}.xml`, 'utf8');
    const retour = buildRetour(received, xml, { identificatie: 'RET1', dagtekening: '2026-11-23' });
    expect(validateAgainstXsd(retour.type, retour.xml)).toEqual([]);
    expect(retour.xml).toContain(`<${retour.type.prefix}:BerichtCode>${retour.type.berichtCode}<`);
  });

  it('puts a return code on the element it is about, and the same message answered twice gives the identical answer', () => {
    const received = messageType('iwmo', '305');
    const xml = readFileSync(`${reference}/iwmo-3.2/berichten/WMO305.xml`, 'utf8');
    const retour = buildRetour(received, xml, { identificatie: 'RET1', dagtekening: '2026-11-23', codesFor: (n) => (n.name === 'StartProduct' ? ['9019'] : undefined) });
    expect(validateAgainstXsd(retour.type, retour.xml)).toEqual([]);
    const startProduct = /<wmo306:StartProduct>[\s\S]*?<\/wmo306:StartProduct>/.exec(retour.xml)?.[0] ?? '';
    expect(startProduct).toContain('<wmo306:RetourCode>9019</wmo306:RetourCode>');
    const again = buildRetour(received, xml, { identificatie: 'RET1', dagtekening: '2026-11-23', codesFor: (n) => (n.name === 'StartProduct' ? ['9019'] : undefined) });
    expect(again.xml).toBe(retour.xml);
    expect(parseTree(retour.xml).name).toBe('Bericht');
  });
});
