import { describe, expect, it } from 'vitest';
import { applyTransition, availableTransitions, startCase, WerkwijzeEngineError, type CaseState, type EngineActor } from './engine';
import { libraryWerkwijzen } from './library';
import type { Werkwijze } from './werkwijze.schema';

const anna: EngineActor = { id: 'anna', roles: ['wijkteam-generalist'] };
const dirk: EngineActor = { id: 'dirk', roles: ['decision-maker'] };
const wim: EngineActor = { id: 'wim', roles: ['wmo-consultant'] };
const jet: EngineActor = { id: 'jet', roles: ['youth-consultant'] };
/** Someone holding both front-office and decision roles: only segregation of duties stops her. */
const gerda: EngineActor = { id: 'gerda', roles: ['wijkteam-generalist', 'decision-maker'] };

const lib = (id: string): Werkwijze => {
  const w = libraryWerkwijzen().find((l) => l.id === id)?.werkwijze;
  if (!w) throw new Error(id);
  return w;
};
const at = (w: Werkwijze, caseTypeId: string, stepId: string, fields: Record<string, unknown> = {}, history: CaseState['history'] = []): CaseState => ({
  ...startCase(w, caseTypeId, anna, fields),
  stepId,
  history,
});
const acted = (stepId: string, actorId: string) => ({ stepId, actorId, at: '2026-03-02T09:00:00Z' });

describe('startCase', () => {
  it('starts on the case type start step with the melding fields and an empty history', () => {
    const w = lib('wijkteam-met-mandaat');
    expect(startCase(w, 'wmo-maatwerk', anna, { hulpvraag: 'x' })).toEqual({
      werkwijzeId: 'wijkteam-met-mandaat', version: 1, caseTypeId: 'wmo-maatwerk', stepId: 'melding', fields: { hulpvraag: 'x' }, history: [],
    });
  });
  it('refuses an unknown case type as a programming error', () => {
    expect(() => startCase(lib('wijkteam-met-mandaat'), 'bestaat-niet', anna)).toThrow(WerkwijzeEngineError);
  });
});

describe('applyTransition: refusals', () => {
  const w = lib('wijkteam-met-mandaat');

  it('refuses a transition the step does not have (no-such-transition)', () => {
    const r = applyTransition(w, at(w, 'wmo-maatwerk', 'melding'), anna, { to: 'afsluiten' });
    expect(r).toMatchObject({ ok: false, code: 'no-such-transition' });
    if (!r.ok) expect(r.message.en).toContain('possible: onderzoeken, spoedvoorziening, ingetrokken');
  });

  it('refuses an actor without a role of the step (not-your-role) and allows one with it', () => {
    const state = at(w, 'wmo-maatwerk', 'melding', { hulpvraag: 'Hulp' });
    expect(applyTransition(w, state, wim, { to: 'onderzoeken' })).toMatchObject({ ok: false, code: 'not-your-role', message: { nl: expect.stringContaining('wijkteam-generalist') } });
    expect(applyTransition(w, state, anna, { to: 'onderzoeken' }).ok).toBe(true);
  });

  it("validates the fields against the current step's schema before leaving it (invalid-fields)", () => {
    const state = at(w, 'wmo-maatwerk', 'melding');
    const missing = applyTransition(w, state, anna, { to: 'onderzoeken' });
    expect(missing).toMatchObject({ ok: false, code: 'invalid-fields', message: { en: expect.stringContaining('hulpvraag is required') } });
    const wrongType = applyTransition(w, state, anna, { to: 'onderzoeken', fields: { hulpvraag: 'Hulp', urgent: 'ja' } });
    expect(wrongType).toMatchObject({ ok: false, code: 'invalid-fields', message: { en: expect.stringContaining('urgent must be of type boolean') } });
    const toewijzen = at(w, 'wmo-maatwerk', 'toewijzen');
    expect(applyTransition(w, toewijzen, anna, { to: 'evalueren', fields: { zorgaanbieder: '123', startdatum: '9 maart' } })).toMatchObject({
      ok: false, code: 'invalid-fields', message: { en: expect.stringMatching(/at least 8 characters.*must be a date/) },
    });
  });

  it('keeps fields recorded earlier and merges the new ones', () => {
    const r = applyTransition(w, at(w, 'wmo-maatwerk', 'melding', { hulpvraag: 'Hulp' }), anna, { to: 'onderzoeken', fields: { urgent: false } });
    expect(r.ok && r.state.fields).toEqual({ hulpvraag: 'Hulp', urgent: false });
    expect(r.ok && r.state.history).toEqual([{ stepId: 'melding', actorId: 'anna', at: expect.any(String) }]);
  });
});

describe('guards', () => {
  it('equals: the urgent route opens only when urgent is true', () => {
    const w = lib('wijkteam-met-mandaat');
    const refused = applyTransition(w, at(w, 'wmo-maatwerk', 'melding'), anna, { to: 'spoedvoorziening', fields: { hulpvraag: 'Hulp', urgent: false } });
    expect(refused).toMatchObject({ ok: false, code: 'guard-failed', message: { en: expect.stringContaining('field urgent is false, must be true') } });
    expect(applyTransition(w, at(w, 'wmo-maatwerk', 'melding'), anna, { to: 'spoedvoorziening', fields: { hulpvraag: 'Hulp', urgent: true } }).ok).toBe(true);
  });

  it('present: the aanvraag needs a report of the onderzoek', () => {
    const w = structuredClone(lib('wijkteam-met-mandaat'));
    // The schema would already demand the report; drop that so the guard itself is what refuses.
    const onderzoeken = w.steps.find((s) => s.id === 'onderzoeken');
    if (onderzoeken?.fields) onderzoeken.fields.required = [];
    expect(applyTransition(w, at(w, 'wmo-maatwerk', 'onderzoeken'), anna, { to: 'aanvraag' })).toMatchObject({ ok: false, code: 'guard-failed', message: { en: expect.stringContaining('gespreksverslag must be filled in') } });
    expect(applyTransition(w, at(w, 'wmo-maatwerk', 'onderzoeken'), anna, { to: 'aanvraag', fields: { gespreksverslag: 'Gesprek gevoerd op 2 maart' } }).ok).toBe(true);
  });

  it('all and not: the agreed plan is the agreement in the community centre', () => {
    const w = lib('buurtcentrum-beschikkingsvrij');
    const plan = { afspraken: 'Twee keer per week naar de inloop', aanbod: 'Inloop' };
    const notAgreed = applyTransition(w, at(w, 'algemene-voorziening', 'plan-afspreken'), anna, { to: 'deelnemen', fields: { ...plan, planAgreed: false } });
    expect(notAgreed).toMatchObject({ ok: false, code: 'guard-failed', message: { en: expect.stringContaining('planAgreed is false, must be true') } });
    expect(applyTransition(w, at(w, 'algemene-voorziening', 'plan-afspreken'), anna, { to: 'deelnemen', fields: { ...plan, planAgreed: true } }).ok).toBe(true);
    // `not`: stepping away from the plan is only possible while it is not agreed.
    expect(applyTransition(w, at(w, 'algemene-voorziening', 'plan-afspreken'), anna, { to: 'afgesloten', fields: { ...plan, planAgreed: true } })).toMatchObject({
      ok: false, code: 'guard-failed', message: { en: expect.stringContaining('this must not hold: planAgreed = true') },
    });
    expect(applyTransition(w, at(w, 'algemene-voorziening', 'plan-afspreken'), anna, { to: 'afgesloten', fields: { ...plan, planAgreed: false } }).ok).toBe(true);
  });

  it('equals on an enum: the intake routes only where the question belongs', () => {
    const w = lib('een-loket');
    const state = at(w, 'integrale-intake', 'vraagverheldering', { vraag: 'Schulden' });
    expect(applyTransition(w, state, anna, { to: 'doorverwijzen-jeugd', fields: { leefgebied: 'schulden' } })).toMatchObject({ ok: false, code: 'guard-failed' });
    expect(applyTransition(w, state, anna, { to: 'doorverwijzen-schulden', fields: { leefgebied: 'schulden' } })).toMatchObject({ ok: true, routedCaseType: 'schuldhulp' });
  });
});

describe('segregation of duties', () => {
  const w = lib('frontoffice-backoffice');
  const besluit = { besluit: 'toekennen', toegekendeCategorieen: ['07'], motivering: 'Medisch noodzakelijk' };

  it('refuses the decision to the person who investigated, even when she holds the decision role', () => {
    const state = at(w, 'wmo-maatwerk', 'besluiten', {}, [acted('melding', 'gerda'), acted('onderzoeken', 'gerda'), acted('advies-opstellen', 'anna'), acted('aanvraag', 'wim')]);
    const r = applyTransition(w, state, gerda, { to: 'toewijzen', fields: besluit });
    expect(r).toMatchObject({ ok: false, code: 'segregation-of-duties', message: { nl: expect.stringContaining('Functiescheiding'), en: expect.stringContaining('"Onderzoek (keukentafelgesprek)"') } });
    expect(availableTransitions(w, state, gerda)).toContainEqual(expect.objectContaining({ to: 'toewijzen', allowed: false, reason: expect.stringContaining('Segregation of duties') }));
  });

  it('allows the decision to a decision maker who did not investigate', () => {
    const state = at(w, 'wmo-maatwerk', 'besluiten', {}, [acted('melding', 'gerda'), acted('onderzoeken', 'anna'), acted('advies-opstellen', 'anna'), acted('aanvraag', 'wim')]);
    // Gerda only registered the melding, which the rule does not name.
    expect(applyTransition(w, state, gerda, { to: 'toewijzen', fields: besluit }).ok).toBe(true);
    expect(applyTransition(w, state, dirk, { to: 'toewijzen', fields: besluit }).ok).toBe(true);
  });

  it('een-loket: whoever investigated the right to bijstand does not decide on it', () => {
    const e = lib('een-loket');
    const ivoBoth: EngineActor = { id: 'ivo', roles: ['income-consultant', 'decision-maker'] };
    const state = at(e, 'levensonderhoud', 'inkomen-besluiten', { rechtVastgesteld: true }, [acted('inkomen-melding', 'ivo'), acted('inkomen-onderzoek', 'ivo')]);
    expect(applyTransition(e, state, ivoBoth, { to: 'inkomen-uitkering' })).toMatchObject({ ok: false, code: 'segregation-of-duties' });
    expect(applyTransition(e, state, dirk, { to: 'inkomen-uitkering' }).ok).toBe(true);
  });
});

describe('mandates', () => {
  const w = lib('wijkteam-met-mandaat');
  const decide = (categories: string[]) => ({ besluit: 'toekennen', toegekendeCategorieen: categories, motivering: 'Past binnen de richtlijn' });
  const state = at(w, 'wmo-maatwerk', 'besluiten', {}, [acted('onderzoeken', 'anna')]);

  it('lets the generalist decide categories within the mandate (01-06)', () => {
    expect(applyTransition(w, state, anna, { to: 'toewijzen', fields: decide(['01', '06']) }).ok).toBe(true);
  });

  it('refuses the generalist a category outside the mandate, naming it', () => {
    const r = applyTransition(w, state, anna, { to: 'toewijzen', fields: decide(['02', '07']) });
    expect(r).toMatchObject({ ok: false, code: 'no-mandate', message: { en: 'You hold no mandate for provision category 07.', nl: 'U heeft geen mandaat voor productcategorie 07.' } });
    expect(availableTransitions(w, { ...state, fields: decide(['07']) }, anna)).toContainEqual(expect.objectContaining({ to: 'toewijzen', allowed: false }));
  });

  it('lets the decision maker decide category 07', () => {
    expect(applyTransition(w, state, dirk, { to: 'toewijzen', fields: decide(['07']) }).ok).toBe(true);
  });

  it('takes categories passed explicitly over the recorded field, and refuses a decision without categories', () => {
    expect(applyTransition(w, state, anna, { to: 'toewijzen', fields: decide([]), provisionCategories: ['12'] })).toMatchObject({ ok: false, code: 'no-mandate' });
    expect(applyTransition(w, state, anna, { to: 'afgewezen', fields: { besluit: 'afwijzen', motivering: 'Voorliggende voorziening' } })).toMatchObject({
      ok: false, code: 'no-mandate', message: { en: expect.stringContaining('Name the provision categories') },
    });
    expect(applyTransition(w, state, anna, { to: 'afgewezen', fields: { besluit: 'afwijzen', motivering: 'Voorliggende voorziening' }, provisionCategories: ['03'] }).ok).toBe(true);
  });

  it('een-loket: the youth consultant decides youth categories 40-45, the decision maker 40-55', () => {
    const e = lib('een-loket');
    const jeugd = at(e, 'jeugdhulp', 'jeugd-besluiten');
    expect(applyTransition(e, jeugd, jet, { to: 'jeugd-hulp', fields: { jeugdBesluit: 'toekennen', jeugdCategorieen: ['45'] } }).ok).toBe(true);
    expect(applyTransition(e, jeugd, jet, { to: 'jeugd-hulp', fields: { jeugdBesluit: 'toekennen', jeugdCategorieen: ['51'] } })).toMatchObject({ ok: false, code: 'no-mandate' });
    expect(applyTransition(e, jeugd, dirk, { to: 'jeugd-hulp', fields: { jeugdBesluit: 'toekennen', jeugdCategorieen: ['51'] } }).ok).toBe(true);
  });
});

describe('statutory terms', () => {
  it('entering a step starts and stops its terms; closing a case stops every term still running', () => {
    const w = lib('wijkteam-met-mandaat');
    const aanvraag = applyTransition(w, at(w, 'wmo-maatwerk', 'onderzoeken', { gespreksverslag: 'Gesprek gevoerd op 2 maart', clientondersteuningAangeboden: true }, [acted('melding', 'anna')]), anna, { to: 'aanvraag' });
    expect(aanvraag).toMatchObject({ ok: true, startedTerms: ['wmo-beschikking'], stoppedTerms: ['wmo-onderzoek'] });
    // Withdrawn during the onderzoek: the 6-week term started at the melding ends with the case.
    const withdrawn = applyTransition(w, at(w, 'wmo-maatwerk', 'melding', { hulpvraag: 'Hulp' }), anna, { to: 'ingetrokken' });
    expect(withdrawn).toMatchObject({ ok: true, startedTerms: [], stoppedTerms: ['wmo-onderzoek'] });
  });
});

describe('availableTransitions', () => {
  it('lists every transition with whether it is allowed now and why not', () => {
    const w = lib('wijkteam-met-mandaat');
    const state = at(w, 'wmo-maatwerk', 'melding', { hulpvraag: 'Hulp', urgent: false });
    expect(availableTransitions(w, state, anna)).toEqual([
      { to: 'onderzoeken', label: 'Onderzoek starten', allowed: true },
      { to: 'spoedvoorziening', label: 'Tijdelijke voorziening treffen (spoed)', allowed: false, reason: expect.stringContaining('field urgent is false'), message: expect.anything() },
      { to: 'ingetrokken', label: 'Melding ingetrokken', allowed: true },
    ]);
    expect(availableTransitions(w, state, dirk).every((t) => !t.allowed && t.reason?.includes('you do not hold that role'))).toBe(true);
  });
});

describe('availableTransitions and guards on the step\'s own fields', () => {
  it('keeps a transition open when its guard reads a field this step records, and judges it on taking the step', () => {
    const w = libraryWerkwijzen().find((l) => l.id === 'frontoffice-backoffice')?.werkwijze;
    if (!w) throw new Error('library');
    const state = { werkwijzeId: w.id, version: 1, caseTypeId: 'wmo-maatwerk', stepId: 'aanvraag', fields: {}, history: [] };
    const consultant = { id: 'c', roles: ['wmo-consultant'] };
    const open = availableTransitions(w, state, consultant);
    expect(open.find((t) => t.to === 'besluiten')?.allowed).toBe(true);
    const refused = applyTransition(w, state, consultant, { to: 'besluiten', fields: { adviesVolledig: false } });
    expect(refused).toMatchObject({ ok: false, code: 'guard-failed' });
    expect(applyTransition(w, state, consultant, { to: 'besluiten', fields: { adviesVolledig: true } }).ok).toBe(true);
  });
});
