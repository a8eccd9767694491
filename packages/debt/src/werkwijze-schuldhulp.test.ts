import { applyTransition, libraryWerkwijzen, startCase, type CaseState, type Werkwijze } from '@kern/workflows';
import { describe, expect, it } from 'vitest';

const sara = { id: 'sara', roles: ['debt-counsellor' as const] };
const joost = { id: 'joost', roles: ['debt-counsellor' as const] };
const w = (): Werkwijze => {
  const found = libraryWerkwijzen().find((l) => l.id === 'schuldhulpverlening');
  if (!found) throw new Error('library has no schuldhulpverlening');
  return found.werkwijze;
};

function walk(start: Record<string, unknown>, moves: [string, typeof sara, Record<string, unknown>?][]) {
  let state: CaseState = startCase(w(), 'schuldhulptraject', sara, start);
  const started: string[] = [];
  const stopped: string[] = [];
  for (const [to, actor, fields] of moves) {
    const r = applyTransition(w(), state, actor, { to, fields, at: '2026-03-02T09:00:00Z' });
    if (!r.ok) return { refused: `${state.stepId} -> ${to}: ${r.code}`, state, started, stopped };
    state = r.state;
    started.push(...r.startedTerms);
    stopped.push(...r.stoppedTerms);
  }
  return { refused: null, state, started, stopped };
}

describe('the schuldhulpverlening werkwijze in the library', () => {
  it('runs on the Wgs terms: 4 weeks, beschikking, moratorium, solution, aftercare', () => {
    const r = walk({ herkomst: 'hulpvraag', dreigendeSituatie: 'geen' }, [
      ['eerste-gesprek-plannen', sara],
      ['eerste-gesprek', sara],
      ['afkoelingsperiode', sara, { afkoelingsperiodeNodig: true }],
      ['beschikking', sara],
      ['oplossing', joost, { besluit: 'toelaten' }],
      ['nazorg', sara, { oplossing: 'schuldbemiddeling' }],
      ['afgesloten', sara],
    ]);
    expect(r.refused).toBeNull();
    expect(r.started).toEqual(['wgs-eerste-gesprek', 'wgs-beschikking', 'wgs-moratorium']);
    expect(r.stopped).toEqual(expect.arrayContaining(['wgs-eerste-gesprek', 'wgs-beschikking', 'wgs-moratorium']));
  });

  it('starts the 3-working-day term in a threatening situation, and not the 4-week one', () => {
    const r = walk({ herkomst: 'vroegsignaal', dreigendeSituatie: 'afsluiting-energie' }, [['eerste-gesprek-spoed', sara]]);
    expect(r.refused).toBeNull();
    expect(r.started).toEqual(['wgs-eerste-gesprek-urgent']);
    expect(walk({ herkomst: 'vroegsignaal', dreigendeSituatie: 'afsluiting-energie' }, [['eerste-gesprek-plannen', sara]]).refused).not.toBeNull();
  });

  it('asks a second counsellor for the beschikking (four eyes)', () => {
    const r = walk({ herkomst: 'hulpvraag', dreigendeSituatie: 'geen' }, [['eerste-gesprek-plannen', sara], ['eerste-gesprek', sara], ['beschikking', sara, { afkoelingsperiodeNodig: false }], ['oplossing', sara, { besluit: 'toelaten' }]]);
    expect(r.refused).toMatch(/beschikking -> oplossing/);
  });

  it('refuses a refusal without a ground', () => {
    const base: [string, typeof sara, Record<string, unknown>?][] = [['eerste-gesprek-plannen', sara], ['eerste-gesprek', sara], ['beschikking', sara, { afkoelingsperiodeNodig: false }]];
    expect(walk({ herkomst: 'hulpvraag', dreigendeSituatie: 'geen' }, [...base, ['afgewezen', joost, { besluit: 'afwijzen' }]]).refused).not.toBeNull();
    const ok = walk({ herkomst: 'hulpvraag', dreigendeSituatie: 'geen' }, [...base, ['afgewezen', joost, { besluit: 'afwijzen', afwijzingsgrond: 'no-problematic-debts' }]]);
    expect(ok.refused).toBeNull();
    expect(ok.stopped).toContain('wgs-beschikking');
  });
});
