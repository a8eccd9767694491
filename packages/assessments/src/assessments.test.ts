import { describe, expect, it } from 'vitest';
import { findInstrument, instruments, instrumentSchema } from './contract';
import { checkLevelTexts } from './level-texts';
import { validateScores } from './validate-scores';

const get = (id: string) => {
  const i = findInstrument(id);
  if (!i) throw new Error(`no ${id}`);
  return i;
};

describe('the instruments Kern ships (DOMAIN.md)', () => {
  it.each([
    ['zrm-volwassenen', 13, 1, 5, 'person'],
    ['zrm-huishouden', 5, 1, 5, 'household'],
    ['participatieladder', 1, 1, 6, 'person'],
    ['positieve-gezondheid', 6, 0, 10, 'person'],
  ] as const)('%s has %i domains on the scale %i-%i, per %s', (id, domains, min, max, subject) => {
    const i = get(id);
    expect(i.domains).toHaveLength(domains);
    expect(i.scale).toMatchObject({ min, max });
    expect(i.subject).toBe(subject);
  });

  it('names the ZRM domains and levels, and the six ladder steps, as DOMAIN.md does', () => {
    expect(get('zrm-volwassenen').domains.map((d) => d.name.nl)).toEqual([
      'Financiën', 'Werk & Opleiding', 'Tijdsbesteding', 'Huisvesting', 'Huiselijke relaties', 'Geestelijke gezondheid', 'Lichamelijke gezondheid',
      'Middelengebruik', 'Basale ADL', 'Instrumentele ADL', 'Sociaal netwerk', 'Maatschappelijke participatie', 'Justitie',
    ]);
    expect(get('zrm-volwassenen').scale.labels.map((l) => l.label.nl)).toEqual(['acuut', 'niet zelfredzaam', 'beperkt zelfredzaam', 'voldoende zelfredzaam', 'volledig zelfredzaam']);
    expect(get('participatieladder').scale.labels.map((l) => l.value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(get('positieve-gezondheid').domains.map((d) => d.name.nl)).toEqual(['Lichaamsfuncties', 'Mentaal welbevinden', 'Zingeving', 'Kwaliteit van leven', 'Meedoen', 'Dagelijks functioneren']);
    expect(instruments.every((i) => i.licensedLevelTexts === i.id.startsWith('zrm'))).toBe(true);
  });

  it('refuses an instrument definition with a label off its scale or a domain twice', () => {
    const base = { id: 'x-test', name: { nl: 'x', en: 'x' }, subject: 'person', source: 's', licensedLevelTexts: false, scale: { min: 1, max: 3, labels: [{ value: 4, label: { nl: 'a', en: 'a' } }] }, domains: [{ key: 'aa', name: { nl: 'a', en: 'a' } }, { key: 'aa', name: { nl: 'b', en: 'b' } }] };
    const r = instrumentSchema.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['scale.labels.0.value', 'domains.1.key']);
  });
});

describe('scores', () => {
  it('accepts scores on the scale for some of the domains', () => {
    expect(() => validateScores(get('zrm-volwassenen'), { financien: 1, justitie: 5 })).not.toThrow();
    expect(() => validateScores(get('positieve-gezondheid'), { zingeving: 0 })).not.toThrow();
  });

  it('refuses a score outside the scale clearly, naming the domain and the scale', () => {
    let error: unknown;
    try {
      validateScores(get('zrm-volwassenen'), { financien: 6, huisvesting: 0 });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'invalid-input',
      invalidParams: [{ name: 'scores.financien', reason: '6 is outside the scale 1-5' }, { name: 'scores.huisvesting', reason: '0 is outside the scale 1-5' }],
    });
    expect((error as { userMessage: { nl: string } }).userMessage.nl).toMatch(/schaal 1 tot en met 5/);
  });

  it('refuses an unknown domain and an empty assessment', () => {
    expect(() => validateScores(get('participatieladder'), { financien: 3 })).toThrow(/participatieladder|scores/);
    expect(() => validateScores(get('participatieladder'), {})).toThrow();
  });
});

describe('loading licensed level texts', () => {
  it('accepts texts for domains and levels of the instrument', () => {
    const r = checkLevelTexts({ instrumentId: 'zrm-volwassenen', source: 'Licentie GGD 2026', texts: [{ domain: 'financien', level: 1, text: 'Groeiende schulden.' }] });
    expect(r.ok).toBe(true);
  });

  it('refuses a bad load as a whole, naming the path of every wrong entry', () => {
    const r = checkLevelTexts({
      instrumentId: 'zrm-volwassenen', source: 'x',
      texts: [
        { domain: 'financien', level: 1, text: 'ok' },
        { domain: 'astrologie', level: 2, text: 'x' },
        { domain: 'financien', level: 7, text: 'x' },
        { domain: 'financien', level: 1, text: 'twice' },
      ],
    });
    expect(r).toEqual({ ok: false, problems: [
      { name: 'texts.1.domain', reason: 'zrm-volwassenen has no domain astrologie' },
      { name: 'texts.2.level', reason: '7 is outside the scale 1-5' },
      { name: 'texts.3', reason: 'domain financien level 1 twice' },
    ] });
  });

  it('refuses a malformed file with the path of the field, and an unknown instrument', () => {
    const r = checkLevelTexts({ instrumentId: 'zrm-volwassenen', source: 'x', texts: [{ domain: 'financien', level: 'een', text: '' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.name)).toEqual(['texts.0.level', 'texts.0.text']);
    expect(checkLevelTexts({ instrumentId: 'zrm-kinderen', source: 'x', texts: [{ domain: 'a', level: 1, text: 'x' }] })).toEqual({ ok: false, problems: [{ name: 'instrumentId', reason: 'unknown instrument zrm-kinderen' }] });
  });

  it('reads a spreadsheet export and names the line of every bad row', () => {
    const csv = ['domain;level;text', 'financien;1;Schulden groeien; geen overzicht', '', 'financien;9;te hoog', 'astrologie;2;onbekend', 'financien'].join('\n');
    const r = checkLevelTexts({ instrumentId: 'zrm-volwassenen', source: 'export', csv });
    expect(r).toEqual({ ok: false, problems: [{ name: 'line 6', reason: 'expected domain;level;text' }] });
    const r2 = checkLevelTexts({ instrumentId: 'zrm-volwassenen', source: 'export', csv: csv.split('\n').slice(0, 5).join('\n') });
    expect(r2).toEqual({ ok: false, problems: [{ name: 'line 4 (level)', reason: '9 is outside the scale 1-5' }, { name: 'line 5 (domain)', reason: 'zrm-volwassenen has no domain astrologie' }] });
    const r3 = checkLevelTexts({ instrumentId: 'zrm-volwassenen', source: 'export', csv: csv.split('\n').slice(0, 2).join('\n') });
    expect(r3.ok && r3.value.texts).toEqual([{ domain: 'financien', level: 1, text: 'Schulden groeien; geen overzicht' }]);
  });
});

