import { describe, expect, it } from 'vitest';
import { diffWerkwijzen, formatDiff } from './diff-werkwijze';
import { libraryWerkwijzen } from './library';
import type { Werkwijze } from './werkwijze.schema';

const lib = (id: string): Werkwijze => {
  const w = libraryWerkwijzen().find((l) => l.id === id)?.werkwijze;
  if (!w) throw new Error(id);
  return w;
};

describe('diffWerkwijzen', () => {
  const entries = diffWerkwijzen(lib('wijkteam-met-mandaat'), lib('frontoffice-backoffice'));
  const paths = entries.map((e) => `${e.kind} ${e.path}`);

  it('names the steps, roles, transitions, mandates and segregation that differ between two library werkwijzen', () => {
    expect(paths).toEqual(expect.arrayContaining([
      'changed id',
      'removed steps.spoedvoorziening',
      'added steps.advies-opstellen',
      'removed steps.besluiten.roles',
      'removed steps.melding.transitions.spoedvoorziening',
      'added steps.onderzoeken.transitions.advies-opstellen',
      'removed steps.onderzoeken.transitions.aanvraag',
      'added steps.aanvraag.roles',
      'removed mandates.wijkteam-generalist@besluiten',
      'added segregationOfDuties.besluiten',
    ]));
    expect(entries.find((e) => e.path === 'steps.besluiten.roles')).toMatchObject({ kind: 'removed', before: 'wijkteam-generalist', summary: 'Step "Besluiten (beschikking)": role wijkteam-generalist may no longer act' });
  });

  it('finds nothing between a werkwijze and itself', () => {
    expect(diffWerkwijzen(lib('een-loket'), lib('een-loket'))).toEqual([]);
    expect(formatDiff([], 'en')).toBe('No differences.');
  });

  it('formats a readable text in Dutch and English', () => {
    const nl = formatDiff(entries, 'nl');
    expect(nl.split('\n')[0]).toBe(`${entries.length} verschil(len):`);
    expect(nl).toContain('+ Functiescheiding: wie besluiten doet, mag onderzoeken, advies-opstellen niet gedaan hebben  (segregationOfDuties.besluiten)');
    expect(nl).toContain('- Stap "Tijdelijke voorziening (spoed)" (onderzoek, wijkteam-generalist) vervallen');
    const en = formatDiff(entries, 'en');
    expect(en).toContain('- wijkteam-generalist no longer decides on besluiten (categories 01, 02, 03, 04, 05, 06)');
    expect(en).toContain('[urgent = true]');
  });

  it('reports a changed guard and a skipped phase', () => {
    const a = lib('buurtcentrum-beschikkingsvrij');
    const b = structuredClone(a);
    b.skippedPhases = [];
    const t = b.steps.find((s) => s.id === 'plan-afspreken')?.transitions.find((x) => x.to === 'deelnemen');
    if (t) t.guard = { field: 'planAgreed', present: true };
    const text = formatDiff(diffWerkwijzen(a, b), 'en');
    expect(text).toContain('- Phase besluit is no longer skipped');
    expect(text).toContain('~ Transition from "Plan afspreken met de inwoner" to deelnemen: "Plan is afgesproken, aan de slag" [(planAgreed = true and afspraken present)] -> "Plan is afgesproken, aan de slag" [planAgreed present]');
  });
});
