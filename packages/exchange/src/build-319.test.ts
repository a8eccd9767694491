import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build319, parse319 } from './build-319';
import { messageType, type Standard } from './messages';
import { validateAgainstXsd } from './xsd';

const reference = fileURLToPath(new URL('../examples', import.meta.url));

describe('319 antwoord', () => {
  it.each([['iwmo', 'iwmo-3.2/berichten/WMO319.xml'], ['ijw', 'ijw-3.2/berichten/JW319.xml']] as [Standard, string][])('%s: parse the example -> build validates -> parse -> build is stable', (standard, file) => {
    const parsed = parse319(standard, readFileSync(`${reference}/${file}`, 'utf8'));
    const built = build319(parsed);
    expect(validateAgainstXsd(messageType(standard, '319'), built)).toEqual([]);
    expect(parse319(standard, built)).toEqual(parsed);
    expect(build319(parse319(standard, built))).toBe(built);
  });
  it('a refusal carries its reason and validates', () => {
    const built = build319({ standard: 'iwmo', afzender: '0363', ontvanger: '12345678', identificatie: 'A1', dagtekening: '2026-11-23', referentieAanbieder: 'REF9', verzoekAntwoord: '1', redenAfwijzingVerzoek: '7', woonplaatsbeginselGemeente: null });
    expect(validateAgainstXsd(messageType('iwmo', '319'), built)).toEqual([]);
    expect(built).toContain('<wmo319:RedenAfwijzingVerzoek>7</wmo319:RedenAfwijzingVerzoek>');
  });
});
