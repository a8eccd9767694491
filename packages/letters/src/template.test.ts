import { describe, expect, it } from 'vitest';
import { fillTemplate, unknownPlaceholders, type LetterValues } from './template';

const values: LetterValues = {
  naam: 'Anouk de Vries', adres: 'Dorpsstraat 1', postcodeWoonplaats: '1234 AB Utrecht', besluitdatum: '3 maart 2026', kenmerk: 'Z-1-B1',
  wet: 'Wmo 2015', voorzieningen: '- Huishoudelijke hulp\n- Begeleiding', motivering: 'Omdat u het zelf niet kunt.', bezwaarTot: '14 april 2026', gemeente: 'Utrecht',
};

describe('letter templates', () => {
  it('fills every placeholder and splits a value with line breaks into paragraphs', () => {
    const out = fillTemplate({ title: 'Besluit {{wet}}', body: ['Beste {{naam}},', 'U krijgt:', '{{voorzieningen}}', 'Bezwaar tot {{ bezwaarTot }}.'] }, values);
    expect(out.title).toBe('Besluit Wmo 2015');
    expect(out.lines).toEqual(['Beste Anouk de Vries,', 'U krijgt:', '- Huishoudelijke hulp', '- Begeleiding', 'Bezwaar tot 14 april 2026.']);
  });

  it('refuses a template with a placeholder Kern does not know, so no letter goes out with a hole in it', () => {
    expect(unknownPlaceholders(['{{naam}} {{iban}}', '{{bsn}}'])).toEqual(['bsn', 'iban']);
    expect(() => fillTemplate({ title: 'x', body: ['{{iban}}'] }, values)).toThrow(/iban/);
  });

  it('leaves text without placeholders as written', () => {
    expect(fillTemplate({ title: 'Brief', body: ['Geen velden.', ''] }, values).lines).toEqual(['Geen velden.', '']);
  });
});
