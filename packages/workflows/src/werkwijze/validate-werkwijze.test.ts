import { describe, expect, it } from 'vitest';
import { formatPath, parseWerkwijzeYaml, type WerkwijzeError } from './validate-werkwijze';

// A small valid werkwijze; each test breaks one thing. Line numbers below refer to this text.
const base = `id: klein
name: Klein
version: 1
description: Een kleine werkwijze
caseTypes:
  - id: wmo
    name: Wmo
    law: wmo
    subject: person
    start: melding
steps:
  - id: melding
    name: Melding
    phase: melding
    roles: [wijkteam-generalist]
    fields:
      type: object
      properties:
        urgent: { type: boolean }
    transitions:
      - to: onderzoek
        label: Onderzoeken
  - id: onderzoek
    name: Onderzoek
    phase: onderzoek
    roles: [wijkteam-generalist]
    transitions:
      - to: besluiten
        label: Besluiten
  - id: besluiten
    name: Besluiten
    phase: besluit
    roles: [decision-maker]
    decision: {}
    transitions:
      - to: klaar
        label: Klaar
  - id: klaar
    name: Klaar
    phase: afsluiting
    roles: [wijkteam-generalist]
    final: true
`;

const refused = (text: string): WerkwijzeError[] => {
  const r = parseWerkwijzeYaml(text);
  if (r.ok) throw new Error('expected the werkwijze to be refused');
  return r.errors;
};
const lineOf = (text: string, needle: string, nth = 0): number => {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  const hit = hits[nth];
  if (hit === undefined) throw new Error(`no line with ${needle}`);
  return hit;
};

describe('parseWerkwijzeYaml', () => {
  it('accepts the valid base werkwijze and applies defaults', () => {
    const r = parseWerkwijzeYaml(base);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.werkwijze.skippedPhases).toEqual([]);
      expect(r.werkwijze.steps[3]?.transitions).toEqual([]);
    }
  });

  it('refuses an unknown role with the path steps[1].roles[0] and its line', () => {
    const text = base.replace('roles: [wijkteam-generalist]\n    transitions:\n      - to: besluiten', 'roles: [kok]\n    transitions:\n      - to: besluiten');
    const errors = refused(text);
    expect(errors).toEqual([{ path: 'steps[1].roles[0]', line: lineOf(text, '[kok]'), message: expect.stringContaining('Unknown role "kok"') }]);
  });

  it('refuses a step outside a core phase with its path and line', () => {
    const text = base.replace('phase: onderzoek', 'phase: intake');
    const errors = refused(text);
    expect(errors).toEqual([{ path: 'steps[1].phase', line: lineOf(text, 'phase: intake'), message: expect.stringContaining('Unknown phase "intake"') }]);
  });

  it('refuses an unreachable step, pointing at its id', () => {
    const text = `${base}  - id: vergeten
    name: Vergeten
    phase: afsluiting
    roles: [wijkteam-generalist]
    final: true
`;
    const errors = refused(text);
    expect(errors).toEqual([{ path: 'steps[4].id', line: lineOf(text, 'id: vergeten'), message: expect.stringContaining('unreachable') }]);
  });

  it('refuses a cycle without exit, naming the steps caught in it', () => {
    const text = base.replace('      - to: besluiten\n        label: Besluiten', '      - to: melding\n        label: Terug');
    const errors = refused(text);
    const cycle = errors.filter((e) => e.message.includes('Cycle without exit'));
    expect(cycle.map((e) => e.path)).toEqual(['steps[0].transitions', 'steps[1].transitions']);
    expect(cycle[0]?.line).toBe(lineOf(text, 'transitions:', 0));
    expect(cycle[0]?.message).toContain('melding -> onderzoek');
    // The steps after the loop are now unreachable, and the backward jump to melding breaks the phase order.
    expect(errors.some((e) => e.message.includes('going back is only allowed to onderzoek'))).toBe(true);
  });

  it('refuses a step in a skipped phase and a skip the law does not allow', () => {
    const text = base.replace('steps:\n', 'skippedPhases:\n  - phase: besluit\n    reason: Algemene voorziening zonder beschikking\n  - phase: onderzoek\n    reason: Geen onderzoek nodig volgens ons\nsteps:\n');
    const errors = refused(text);
    expect(errors).toContainEqual({ path: 'steps[2].phase', line: lineOf(text, 'phase: besluit', 1), message: expect.stringContaining('which this werkwijze skips') });
    expect(errors).toContainEqual({ path: 'skippedPhases[1].phase', line: lineOf(text, 'phase: onderzoek'), message: expect.stringContaining('cannot be skipped') });
  });

  it('refuses duplicate ids, unknown transition targets and guards on unknown fields', () => {
    const text = base
      .replace('      - to: onderzoek\n        label: Onderzoeken', '      - to: onderzoek\n        label: Onderzoeken\n        guard: { field: spoed, equals: true }\n      - to: nergens\n        label: Weg')
      .replace('id: klaar', 'id: besluiten');
    const messages = refused(text).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^steps\[3\]\.id: Duplicate step id "besluiten"/),
      expect.stringMatching(/^steps\[0\]\.transitions\[0\]\.guard: Guard reads field "spoed", which no step records/),
      expect.stringMatching(/^steps\[0\]\.transitions\[1\]\.to: Transition from "melding" goes to unknown step "nergens"/),
    ]));
  });

  it('refuses a forward jump past a phase the werkwijze has, but allows a jump into afsluiting', () => {
    const jump = base.replace('      - to: onderzoek\n        label: Onderzoeken', '      - to: onderzoek\n        label: Onderzoeken\n      - to: besluiten\n        label: Meteen besluiten');
    expect(refused(jump)).toEqual([{ path: 'steps[0].transitions[1].to', line: lineOf(jump, 'to: besluiten', 0), message: expect.stringContaining('past onderzoek') }]);
    const close = base.replace('      - to: onderzoek\n        label: Onderzoeken', '      - to: onderzoek\n        label: Onderzoeken\n      - to: klaar\n        label: Ingetrokken');
    expect(parseWerkwijzeYaml(close).ok).toBe(true);
  });

  it('refuses a werkwijze without a final step in afsluiting, and a final step elsewhere', () => {
    const text = base.replace('    final: true\n', '    final: true\n').replace('    decision: {}\n', '    decision: {}\n    final: true\n');
    expect(refused(text).map((e) => e.path)).toEqual(expect.arrayContaining(['steps[2].final', 'steps[2].transitions']));
    const none = base.replace('    final: true\n', '');
    expect(refused(none).map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringContaining('no final step'), expect.stringContaining('dead end')]));
  });

  it('refuses segregation and mandates on unknown or non-decision steps, and categories outside the law', () => {
    const text = `${base}segregationOfDuties:
  - step: onderzoek
    notSameActorAs: [melding]
  - step: besluiten
    notSameActorAs: [spook]
mandates:
  - role: decision-maker
    step: besluiten
    categories: ['01', '45']
  - role: decision-maker
    step: melding
    categories: ['01']
`;
    const errors = refused(text);
    const at = (path: string) => errors.find((e) => e.path === path);
    expect(at('segregationOfDuties[0].step')?.message).toContain('not a decision step');
    expect(at('segregationOfDuties[1].notSameActorAs[0]')?.message).toContain('unknown step "spook"');
    expect(at('mandates[0].categories[1]')).toEqual({ path: 'mandates[0].categories[1]', line: lineOf(text, "categories: ['01', '45']"), message: expect.stringContaining('Category 45 is not a wmo provision category') });
    expect(at('mandates[1].step')?.message).toContain('not a decision step');
    expect(at('mandates[1].role')?.message).toContain('may not act on that step');
  });

  it('refuses an unknown statutory term and an unknown routing target', () => {
    const text = base.replace('    roles: [decision-maker]\n', '    roles: [decision-maker]\n    deadlines: { starts: [wmo-wachttijd] }\n    routesTo: elders\n');
    const errors = refused(text);
    expect(errors).toEqual([{ path: 'steps[2].deadlines.starts[0]', line: lineOf(text, 'wmo-wachttijd'), message: expect.stringContaining('Unknown statutory term "wmo-wachttijd"') }]);
    const routing = base.replace('    roles: [decision-maker]\n', '    roles: [decision-maker]\n    routesTo: elders\n');
    expect(refused(routing)).toEqual([{ path: 'steps[2].routesTo', line: lineOf(routing, 'routesTo'), message: expect.stringContaining('unknown case type "elders"') }]);
  });

  it('reports a missing key at its parent and a YAML syntax error at its line', () => {
    const missing = refused(base.replace('    law: wmo\n', ''));
    expect(missing).toEqual([{ path: 'caseTypes[0].law', line: 6, message: expect.any(String) }]);
    const syntax = refused(base.replace('name: Klein\n', 'name: Klein\nname: Dubbel\n'));
    expect(syntax[0]?.line).toBe(3);
    expect(syntax[0]?.message).toMatch(/^YAML syntax/);
  });

  it('formats paths the way editors show them', () => {
    expect(formatPath(['steps', 3, 'roles', 0])).toBe('steps[3].roles[0]');
    expect(formatPath([])).toBe('');
  });
});

describe('hostile YAML is a refusal of the file, not a server error', () => {
  it('a billion-laughs alias tree of under 400 characters', () => {
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i] ?? ''}`).join(', ')}]`)].join('\n');
    expect(laughs.length).toBeLessThan(400);
    const r = parseWerkwijzeYaml(laughs);
    expect(r).toEqual({ ok: false, errors: [{ path: '', message: 'YAML: too many aliases (more than 100 expansions)' }] });
  });

  it('a file of many aliases to one anchor', () => {
    const r = parseWerkwijzeYaml(`x: &x v\nlist:\n${Array.from({ length: 5000 }, () => '  - *x').join('\n')}\n`);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors[0]?.message).toMatch(/too many aliases/);
  });

  it('a few aliases stay allowed', () => {
    const r = parseWerkwijzeYaml(`${base}\nextra: &e x\nagain: *e\n`);
    // Refused by the schema (unknown keys), not by the alias bound.
    expect(r.ok ? '' : JSON.stringify(r.errors)).not.toMatch(/aliases/);
  });
});
