import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyTransition, startCase, type CaseState, type EngineActor } from './engine';
import { jsonSchemaFile, jsonSchemaText } from './json-schema';
import { libraryWerkwijzen, presetFor, presets } from './library';
import { werkwijzeRoles, type Werkwijze } from './index';

const generalist: EngineActor = { id: 'anna', roles: ['wijkteam-generalist'] };
const tweedeGeneralist: EngineActor = { id: 'bram', roles: ['wijkteam-generalist'] };
const beslisser: EngineActor = { id: 'dirk', roles: ['decision-maker'] };
const wmoConsulent: EngineActor = { id: 'wim', roles: ['wmo-consultant'] };
const jeugdConsulent: EngineActor = { id: 'jet', roles: ['youth-consultant'] };
const inkomensConsulent: EngineActor = { id: 'ivo', roles: ['income-consultant'] };
const schuldhulpverlener: EngineActor = { id: 'sara', roles: ['debt-counsellor'] };

const werkwijze = (id: string): Werkwijze => {
  const found = libraryWerkwijzen().find((l) => l.id === id);
  if (!found) throw new Error(`library has no ${id}`);
  return found.werkwijze;
};

type Move = [to: string, actor: EngineActor, fields?: Record<string, unknown>, categories?: string[]];

/** Walks a case through the moves, failing on the first refusal; returns the state and every term event. */
function walk(w: Werkwijze, caseTypeId: string, starter: EngineActor, moves: Move[], fields: Record<string, unknown> = {}) {
  let state: CaseState = startCase(w, caseTypeId, starter, fields);
  const startStep = w.steps.find((s) => s.id === state.stepId);
  const started: string[] = [...(startStep?.deadlines?.starts ?? [])];
  const stopped: string[] = [];
  const phases: string[] = [startStep?.phase ?? ''];
  const routed: string[] = [];
  for (const [to, actor, f, categories] of moves) {
    const r = applyTransition(w, state, actor, { to, fields: f, provisionCategories: categories, at: '2026-03-02T09:00:00Z' });
    if (!r.ok) throw new Error(`${state.stepId} -> ${to} refused: ${r.code} ${r.message.en}`);
    state = r.state;
    started.push(...r.startedTerms);
    stopped.push(...r.stoppedTerms);
    if (r.routedCaseType) routed.push(r.routedCaseType);
    phases.push(w.steps.find((s) => s.id === to)?.phase ?? '');
  }
  const final = w.steps.find((s) => s.id === state.stepId)?.final === true;
  return { state, started, stopped, phases: [...new Set(phases)], final, routed };
}

describe('the werkwijze library', () => {
  it('ships at least the four werkwijzen of the issue, each valid', () => {
    expect(libraryWerkwijzen().map((l) => l.id)).toEqual(['buurtcentrum-beschikkingsvrij', 'een-loket', 'frontoffice-backoffice', 'schuldhulpverlening', 'wijkteam-met-mandaat']);
  });

  it('wijkteam-met-mandaat: the generalist carries a Wmo case from melding to afsluiting, deciding within the mandate', () => {
    const w = werkwijze('wijkteam-met-mandaat');
    const run = walk(w, 'wmo-maatwerk', generalist, [
      ['onderzoeken', generalist, { hulpvraag: 'Hulp bij het huishouden' }],
      ['aanvraag', generalist, { gespreksverslag: 'Keukentafelgesprek gevoerd met mevrouw', clientondersteuningAangeboden: true }],
      ['besluiten', generalist, { aangevraagdeCategorieen: ['02'] }],
      ['toewijzen', generalist, { besluit: 'toekennen', toegekendeCategorieen: ['02'], motivering: 'Past binnen de richtlijn' }],
      ['evalueren', generalist, { zorgaanbieder: '12345678', startdatum: '2026-03-09' }],
      ['afsluiten', generalist, { doelenBereikt: true }],
    ]);
    expect(run.final).toBe(true);
    expect(run.phases).toEqual(['melding', 'onderzoek', 'besluit', 'uitvoering', 'evaluatie', 'afsluiting']);
    expect(run.started).toEqual(['wmo-onderzoek', 'wmo-beschikking']);
    expect(run.stopped).toEqual(expect.arrayContaining(['wmo-onderzoek', 'wmo-beschikking']));
    expect(run.state.history.map((h) => h.actorId)).toEqual(Array(6).fill('anna'));
  });

  it('frontoffice-backoffice: the front office investigates, the back office tests and a different person decides', () => {
    const w = werkwijze('frontoffice-backoffice');
    const run = walk(w, 'wmo-maatwerk', generalist, [
      ['onderzoeken', generalist, { hulpvraag: 'Woningaanpassing' }],
      ['advies-opstellen', generalist, { gespreksverslag: 'Traplift nodig volgens ergotherapeut', clientondersteuningAangeboden: true }],
      ['aanvraag', generalist, { advies: 'Traplift toekennen als woonvoorziening', geadviseerdeCategorieen: ['07'] }],
      ['besluiten', wmoConsulent, { adviesVolledig: true }],
      ['toewijzen', beslisser, { besluit: 'toekennen', toegekendeCategorieen: ['07'], motivering: 'Medisch noodzakelijk' }],
      ['evalueren', wmoConsulent, { zorgaanbieder: '87654321', startdatum: '2026-04-01' }],
      ['afsluiten', tweedeGeneralist, { doelenBereikt: true }],
    ]);
    expect(run.final).toBe(true);
    expect(run.phases).toEqual(['melding', 'onderzoek', 'besluit', 'uitvoering', 'evaluatie', 'afsluiting']);
    expect(run.started).toEqual(['wmo-onderzoek', 'wmo-beschikking']);
  });

  it('een-loket: one intake routes to each follow-up case type, and each follow-up runs to afsluiting', () => {
    const w = werkwijze('een-loket');
    const intake = (leefgebied: string, to: string) =>
      walk(w, 'integrale-intake', generalist, [
        ['vraagverheldering', generalist, { vraag: 'We komen niet rond en de zorg voor opa valt zwaar' }],
        [to, generalist, { leefgebied }],
      ]);
    expect(intake('zorg-en-ondersteuning', 'doorverwijzen-wmo').routed).toEqual(['wmo-ondersteuning']);
    expect(intake('jeugd', 'doorverwijzen-jeugd').routed).toEqual(['jeugdhulp']);
    expect(intake('inkomen', 'doorverwijzen-inkomen').routed).toEqual(['levensonderhoud']);
    expect(intake('schulden', 'doorverwijzen-schulden').routed).toEqual(['schuldhulp']);
    expect(intake('geen-vervolg', 'intake-afgerond')).toMatchObject({ routed: [], final: true });

    const wmo = walk(w, 'wmo-ondersteuning', generalist, [
      ['wmo-onderzoek', wmoConsulent],
      ['wmo-aanvraag', wmoConsulent, { wmoVerslag: 'Begeleiding individueel nodig' }],
      ['wmo-besluiten', wmoConsulent],
      ['wmo-levering', beslisser, { wmoBesluit: 'toekennen', wmoCategorieen: ['10'] }],
      ['wmo-evaluatie', wmoConsulent],
      ['wmo-afgesloten', wmoConsulent],
    ]);
    expect(wmo).toMatchObject({ final: true, started: ['wmo-onderzoek', 'wmo-beschikking'] });
    expect(wmo.phases).toHaveLength(6);

    const jeugd = walk(w, 'jeugdhulp', generalist, [
      ['jeugd-onderzoek', jeugdConsulent],
      ['jeugd-aanvraag', jeugdConsulent, { jeugdVerslag: 'Ambulante jeugdhulp voor de zoon' }],
      ['jeugd-besluiten', jeugdConsulent],
      ['jeugd-hulp', jeugdConsulent, { jeugdBesluit: 'toekennen', jeugdCategorieen: ['45'] }],
      ['jeugd-evaluatie', jeugdConsulent],
      ['jeugd-afgesloten', jeugdConsulent],
    ]);
    expect(jeugd).toMatchObject({ final: true, started: ['jeugdwet-beschikking'], stopped: ['jeugdwet-beschikking'] });

    const inkomen = walk(w, 'levensonderhoud', generalist, [
      ['inkomen-onderzoek', inkomensConsulent],
      ['inkomen-besluiten', inkomensConsulent, { rechtVastgesteld: true }],
      ['inkomen-uitkering', beslisser],
      ['inkomen-heronderzoek', inkomensConsulent],
      ['inkomen-afgesloten', inkomensConsulent, { participatieladder: 5 }],
    ]);
    expect(inkomen.final).toBe(true);
    expect(inkomen.phases).toHaveLength(6);

    const schulden = walk(w, 'schuldhulp', generalist, [
      ['eerste-gesprek-spoed', schuldhulpverlener, { dreigendeUitzettingOfAfsluiting: true }],
      ['eerste-gesprek', schuldhulpverlener],
      ['moratorium', schuldhulpverlener, { totaleSchuldCent: 1_250_000, moratoriumNodig: true }],
      ['schuld-besluiten', schuldhulpverlener],
      ['schuldregeling', beslisser, { schuldBesluit: 'toelaten' }],
      ['nazorg', schuldhulpverlener],
      ['schuld-afgesloten', schuldhulpverlener],
    ]);
    expect(schulden.final).toBe(true);
    expect(schulden.started).toEqual(['wgs-eerste-gesprek-urgent', 'wgs-beschikking', 'wgs-moratorium']);
    expect(schulden.stopped).toEqual(expect.arrayContaining(['wgs-eerste-gesprek-urgent', 'wgs-beschikking', 'wgs-moratorium']));
  });

  it('een-loket: a Wgs request without eviction or cut-off starts the 4-week term, not the 3-working-day one', () => {
    const w = werkwijze('een-loket');
    const run = walk(w, 'schuldhulp', schuldhulpverlener, [['eerste-gesprek-plannen', schuldhulpverlener, { dreigendeUitzettingOfAfsluiting: false }]]);
    expect(run.started).toEqual(['wgs-eerste-gesprek']);
    const state = startCase(w, 'schuldhulp', schuldhulpverlener);
    const refused = applyTransition(w, state, schuldhulpverlener, { to: 'eerste-gesprek-spoed', fields: { dreigendeUitzettingOfAfsluiting: false } });
    expect(refused).toMatchObject({ ok: false, code: 'guard-failed' });
  });

  it('buurtcentrum-beschikkingsvrij: without besluit, the agreed plan leads to participation and afsluiting', () => {
    const w = werkwijze('buurtcentrum-beschikkingsvrij');
    expect(w.skippedPhases.map((s) => s.phase)).toEqual(['besluit']);
    const run = walk(w, 'algemene-voorziening', generalist, [
      ['gesprek', generalist, { vraag: 'Ik zit veel alleen thuis' }],
      ['plan-afspreken', generalist, { maatwerkNodig: false }],
      ['deelnemen', generalist, { afspraken: 'Twee keer per week naar de inloop', aanbod: 'Inloop en lotgenotengroep', planAgreed: true }],
      ['terugblikken', generalist, { startdatum: '2026-03-10' }],
      ['afgesloten', generalist, { goalsMet: true }],
    ]);
    expect(run.final).toBe(true);
    expect(run.phases).toEqual(['melding', 'onderzoek', 'uitvoering', 'evaluatie', 'afsluiting']);
    expect(run.started).toEqual([]);
  });
});

describe('scenario presets', () => {
  it('cover small, medium and large municipalities and name only library werkwijzen and known roles', () => {
    const ids = new Set(libraryWerkwijzen().map((l) => l.id));
    expect(presets().map((p) => p.id)).toEqual(['klein', 'middel', 'groot']);
    for (const p of presets()) {
      for (const w of p.werkwijzen) expect(ids.has(w), `${p.id} names ${w}`).toBe(true);
      for (const t of p.teams) for (const role of Object.keys(t.staffing)) expect(werkwijzeRoles).toContain(role);
    }
    expect(presetFor(15_000)?.id).toBe('klein');
    expect(presetFor(20_000)?.id).toBe('middel');
    expect(presetFor(900_000)?.werkwijzen).toContain('een-loket');
  });
});

describe('the published JSON Schema', () => {
  it('library/werkwijze.schema.json is current (regenerate: npx tsx packages/workflows/src/werkwijze/json-schema.ts)', () => {
    expect(readFileSync(jsonSchemaFile, 'utf8')).toBe(jsonSchemaText());
  });
});
