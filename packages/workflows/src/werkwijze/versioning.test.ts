import { describe, expect, it } from 'vitest';
import { libraryWerkwijzen } from './library';
import { validateStepMapping } from './versioning';
import type { Werkwijze } from './werkwijze.schema';

const v1 = (): Werkwijze => {
  const w = libraryWerkwijzen().find((l) => l.id === 'wijkteam-met-mandaat')?.werkwijze;
  if (!w) throw new Error('missing');
  return structuredClone(w);
};
/** Version 2 renames the onderzoek step and adds a separate "gesprek" step. */
const v2 = (): Werkwijze => {
  const w = v1();
  w.version = 2;
  for (const s of w.steps) {
    if (s.id === 'onderzoeken') s.id = 'keukentafelgesprek';
    for (const t of s.transitions) if (t.to === 'onderzoeken') t.to = 'keukentafelgesprek';
  }
  return w;
};

describe('validateStepMapping', () => {
  it('accepts a mapping that covers every step in use onto steps of the same phase', () => {
    expect(validateStepMapping(v1(), v2(), { melding: 'melding', onderzoeken: 'keukentafelgesprek' }, ['melding', 'onderzoeken'])).toEqual([]);
  });

  it('refuses an incomplete mapping, naming the missing step ids', () => {
    const errors = validateStepMapping(v1(), v2(), { melding: 'melding' }, ['melding', 'onderzoeken', 'spoedvoorziening']);
    expect(errors.map((e) => [e.code, e.step])).toEqual([['missing', 'onderzoeken'], ['missing', 'spoedvoorziening']]);
    expect(errors[0]?.message).toContain('missing: onderzoeken, spoedvoorziening');
  });

  it('refuses steps that do not exist on either side and a change of phase', () => {
    const errors = validateStepMapping(v1(), v2(), { melding: 'onbekend', spook: 'melding', onderzoeken: 'aanvraag' }, ['melding', 'onderzoeken']);
    expect(errors.map((e) => [e.code, e.step])).toEqual([['unknown-target-step', 'melding'], ['unknown-source-step', 'spook'], ['incompatible-phase', 'onderzoeken']]);
  });

  it('allows a step of a phase the new version skips to move to the next phase it has', () => {
    const to = v2();
    to.skippedPhases = [{ phase: 'besluit', reason: 'Alles wordt algemene voorziening' }];
    expect(validateStepMapping(v1(), to, { besluiten: 'toewijzen' }, ['besluiten'])).toEqual([]);
    expect(validateStepMapping(v1(), to, { besluiten: 'evalueren' }, ['besluiten']).map((e) => e.code)).toEqual(['incompatible-phase']);
  });

  it('refuses a move to another werkwijze', () => {
    const other = v2();
    other.id = 'iets-anders';
    expect(validateStepMapping(v1(), other, {}, []).map((e) => e.code)).toEqual(['other-werkwijze']);
  });
});
