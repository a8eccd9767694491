import { guardFields } from './guards';
import { phaseStepAllowed, skippablePhase, skippedSet } from './phases';
import { categoriesForLaw, type Law, type Werkwijze } from './werkwijze.schema';

export type PathSegment = string | number;

/** A semantic error: the path into the document and a message in English (with the Dutch gist). */
export interface SemanticError {
  path: PathSegment[];
  message: string;
}

/** Steps reachable from a case type's start step, following transitions. */
export function reachableFrom(w: Werkwijze, start: string): Set<string> {
  const byId = new Map(w.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const id = todo.pop() ?? '';
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    for (const t of byId.get(id)?.transitions ?? []) todo.push(t.to);
  }
  return seen;
}

/**
 * The checks that need the whole document. Runs on a werkwijze that passed the zod schema;
 * every error carries the path of the offending value so the editor can point at its line.
 */
export function checkWerkwijze(w: Werkwijze): SemanticError[] {
  const errors: SemanticError[] = [];
  const err = (path: PathSegment[], message: string) => errors.push({ path, message });
  const stepIndex = new Map<string, number>();
  const byId = new Map(w.steps.map((s) => [s.id, s]));
  const skipped = skippedSet(w);
  const laws = [...new Set(w.caseTypes.map((c) => c.law))];

  // Duplicate ids.
  const seenCaseTypes = new Set<string>();
  w.caseTypes.forEach((c, i) => {
    if (seenCaseTypes.has(c.id)) err(['caseTypes', i, 'id'], `Duplicate case type id "${c.id}" (dubbel zaaktype)`);
    seenCaseTypes.add(c.id);
  });
  w.steps.forEach((s, i) => {
    if (stepIndex.has(s.id)) err(['steps', i, 'id'], `Duplicate step id "${s.id}" (dubbele stap)`);
    else stepIndex.set(s.id, i);
  });

  // Skipped phases: only where the law allows, and no step may live in one.
  const seenSkipped = new Set<string>();
  w.skippedPhases.forEach((s, i) => {
    const allowed = skippablePhase(s.phase, laws);
    if (!allowed.ok) err(['skippedPhases', i, 'phase'], `Phase ${s.phase} cannot be skipped: ${allowed.reason} (fase mag niet worden overgeslagen)`);
    if (seenSkipped.has(s.phase)) err(['skippedPhases', i, 'phase'], `Phase ${s.phase} is listed twice`);
    seenSkipped.add(s.phase);
  });

  // Which fields any step records: guards may only read those.
  const recorded = new Set(w.steps.flatMap((s) => Object.keys(s.fields?.properties ?? {})));

  w.steps.forEach((s, i) => {
    const at = ['steps', i] as PathSegment[];
    if (skipped.has(s.phase)) err([...at, 'phase'], `Step "${s.id}" is in phase ${s.phase}, which this werkwijze skips (stap in overgeslagen fase)`);
    if (s.final && s.phase !== 'afsluiting') err([...at, 'final'], `Final step "${s.id}" must be in phase afsluiting, not ${s.phase} (eindstap hoort in afsluiting)`);
    if (s.final && s.transitions.length > 0) err([...at, 'transitions'], `Final step "${s.id}" cannot have transitions: the case ends there`);
    if (!s.final && s.transitions.length === 0) err([...at], `Step "${s.id}" is a dead end: it is not final and has no transitions (doodlopende stap)`);
    if (s.decision && s.phase !== 'besluit') err([...at, 'decision'], `Decision step "${s.id}" must be in phase besluit, not ${s.phase}`);
    const catField = s.decision?.provisionCategoryField;
    if (catField !== undefined && !s.fields?.properties[catField]) {
      err([...at, 'decision', 'provisionCategoryField'], `Decision step "${s.id}" names the category field "${catField}", but the step does not record it`);
    }
    (s.fields?.required ?? []).forEach((name, j) => {
      if (!s.fields?.properties[name]) err([...at, 'fields', 'required', j], `Required field "${name}" is not among the step's properties`);
    });
    if (s.routesTo !== undefined && !w.caseTypes.some((c) => c.id === s.routesTo)) {
      err([...at, 'routesTo'], `Step "${s.id}" routes to unknown case type "${s.routesTo}" (onbekend zaaktype)`);
    }
    const targets = new Set<string>();
    s.transitions.forEach((t, j) => {
      const tat = [...at, 'transitions', j];
      if (targets.has(t.to)) err([...tat, 'to'], `Step "${s.id}" has two transitions to "${t.to}"; merge their guards with any`);
      targets.add(t.to);
      const target = byId.get(t.to);
      if (!target) {
        err([...tat, 'to'], `Transition from "${s.id}" goes to unknown step "${t.to}" (onbekende stap)`);
      } else {
        const order = phaseStepAllowed(s.phase, target.phase, skipped);
        if (!order.ok) err([...tat, 'to'], `Transition from "${s.id}" to "${t.to}" ${order.reason} (fasevolgorde)`);
      }
      if (t.guard) {
        for (const f of guardFields(t.guard)) {
          if (!recorded.has(f)) err([...tat, 'guard'], `Guard reads field "${f}", which no step records (onbekend veld in voorwaarde)`);
        }
      }
    });
  });

  // Case types: start step known and in melding; reachability.
  const reachable = new Set<string>();
  const lawsOfStep = new Map<string, Set<Law>>();
  w.caseTypes.forEach((c, i) => {
    const start = byId.get(c.start);
    if (!start) {
      err(['caseTypes', i, 'start'], `Case type "${c.id}" starts at unknown step "${c.start}"`);
      return;
    }
    if (start.phase !== 'melding') err(['caseTypes', i, 'start'], `Case type "${c.id}" must start at a step in phase melding, not ${start.phase}`);
    for (const id of reachableFrom(w, c.start)) {
      reachable.add(id);
      const set = lawsOfStep.get(id) ?? new Set<Law>();
      set.add(c.law);
      lawsOfStep.set(id, set);
    }
  });
  w.steps.forEach((s, i) => {
    if (!reachable.has(s.id)) err(['steps', i, 'id'], `Step "${s.id}" is unreachable from the start of every case type (onbereikbare stap)`);
  });

  // Every reachable step must be able to reach a final step; otherwise cases get stuck in a loop.
  if (!w.steps.some((s) => s.final)) err(['steps'], 'The werkwijze has no final step in phase afsluiting (geen eindstap)');
  const canFinish = new Set(w.steps.filter((s) => s.final).map((s) => s.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of w.steps) {
      if (!canFinish.has(s.id) && s.transitions.some((t) => canFinish.has(t.to))) {
        canFinish.add(s.id);
        changed = true;
      }
    }
  }
  const stuck = w.steps.filter((s) => reachable.has(s.id) && !canFinish.has(s.id) && s.transitions.length > 0);
  for (const s of stuck) {
    err(['steps', stepIndex.get(s.id) ?? 0, 'transitions'], `Cycle without exit: from step "${s.id}" no final step can be reached (${stuck.map((x) => x.id).join(' -> ')}) (lus zonder uitgang)`);
  }

  // Segregation of duties and mandates refer to known steps; the ruled step is a decision step.
  w.segregationOfDuties.forEach((rule, i) => {
    const step = byId.get(rule.step);
    if (!step) err(['segregationOfDuties', i, 'step'], `Segregation of duties names unknown step "${rule.step}"`);
    else if (!step.decision) err(['segregationOfDuties', i, 'step'], `Segregation of duties is about the decision; step "${rule.step}" is not a decision step`);
    rule.notSameActorAs.forEach((id, j) => {
      if (!byId.has(id)) err(['segregationOfDuties', i, 'notSameActorAs', j], `Segregation of duties names unknown step "${id}"`);
      if (id === rule.step) err(['segregationOfDuties', i, 'notSameActorAs', j], `Step "${id}" cannot be segregated from itself`);
    });
  });
  w.mandates.forEach((m, i) => {
    const step = byId.get(m.step);
    if (!step) {
      err(['mandates', i, 'step'], `Mandate names unknown step "${m.step}"`);
      return;
    }
    if (!step.decision) err(['mandates', i, 'step'], `Mandate on step "${m.step}", which is not a decision step`);
    if (!step.roles.includes(m.role)) err(['mandates', i, 'role'], `Role ${m.role} has a mandate on step "${m.step}" but may not act on that step`);
    const stepLaws = [...(lawsOfStep.get(m.step) ?? [])];
    m.categories.forEach((cat, j) => {
      for (const law of stepLaws) {
        const valid = categoriesForLaw(law);
        if (!valid.includes(cat)) {
          err(['mandates', i, 'categories', j], valid.length === 0
            ? `Category ${cat}: decisions under the ${law} have no iStandaarden provision categories`
            : `Category ${cat} is not a ${law} provision category (${law === 'wmo' ? '01-18' : '31-38, 40-55'}) (ongeldige productcategorie)`);
        }
      }
    });
  });

  return errors;
}
