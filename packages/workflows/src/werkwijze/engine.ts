import { evaluateGuard, guardFields } from './guards';
import { validateFields } from './json-schema-subset';
import type { Step, Transition, Werkwijze } from './werkwijze.schema';

/**
 * The werkwijze engine: pure functions over a case's state. It decides whether an actor may move
 * a case along a transition (role, segregation of duties, fields, guard, mandate) and which
 * statutory terms start or stop; storing, tasks and audit are the caller's (packages/cases).
 *
 * "Acting on a step" means recording its fields and taking one of its transitions; `history`
 * holds one entry per step left, with who left it.
 */
export interface CaseState {
  werkwijzeId: string;
  version: number;
  caseTypeId: string;
  stepId: string;
  fields: Record<string, unknown>;
  history: { stepId: string; actorId: string; at: string }[];
}

export interface EngineActor {
  id: string;
  roles: readonly string[];
}

export type Message = { nl: string; en: string };

export type TransitionRefusal = 'not-your-role' | 'guard-failed' | 'segregation-of-duties' | 'no-mandate' | 'invalid-fields' | 'no-such-transition';

export type ApplyResult =
  | { ok: true; state: CaseState; startedTerms: string[]; stoppedTerms: string[]; routedCaseType?: string }
  | { ok: false; code: TransitionRefusal; message: Message };

export interface AvailableTransition {
  to: string;
  label: string;
  allowed: boolean;
  /** Why not, in English (the Dutch text is in `message`). */
  reason?: string;
  message?: Message;
}

/** A programming error (unknown case type or step): the caller passed a state that does not belong to the werkwijze. */
export class WerkwijzeEngineError extends Error {}

const stepOf = (w: Werkwijze, id: string): Step => {
  const step = w.steps.find((s) => s.id === id);
  if (!step) throw new WerkwijzeEngineError(`werkwijze ${w.id} has no step ${id}`);
  return step;
};

/** Starts a case on its case type's start step. Terms of the start step are the caller's to start (from the melding date). */
export function startCase(w: Werkwijze, caseTypeId: string, actor: EngineActor, fields: Record<string, unknown> = {}): CaseState {
  const caseType = w.caseTypes.find((c) => c.id === caseTypeId);
  if (!caseType) throw new WerkwijzeEngineError(`werkwijze ${w.id} has no case type ${caseTypeId}`);
  stepOf(w, caseType.start);
  if (actor.id === '') throw new WerkwijzeEngineError('a case is started by an identified actor');
  return { werkwijzeId: w.id, version: w.version, caseTypeId, stepId: caseType.start, fields: { ...fields }, history: [] };
}

/** The terms a step starts when a case enters it (for the start step: at the melding). */
export const termsStartedBy = (step: Step): string[] => [...(step.deadlines?.starts ?? [])];

/** Replays the steps a case went through: the terms started and not yet stopped. */
export function runningTerms(w: Werkwijze, stepIds: readonly string[]): string[] {
  const running = new Set<string>();
  for (const id of stepIds) {
    const step = w.steps.find((s) => s.id === id);
    for (const t of step?.deadlines?.starts ?? []) running.add(t);
    for (const t of step?.deadlines?.stops ?? []) running.delete(t);
  }
  return [...running];
}

type Check = { ok: true } | { ok: false; code: TransitionRefusal; message: Message };
const refuse = (code: TransitionRefusal, nl: string, en: string): Check => ({ ok: false, code, message: { nl, en } });

function checkRole(step: Step, actor: EngineActor): Check {
  return step.roles.some((r) => actor.roles.includes(r))
    ? { ok: true }
    : refuse('not-your-role', `Stap "${step.name}" is voor ${step.roles.join(' of ')}; u heeft die rol niet.`, `Step "${step.name}" is for ${step.roles.join(' or ')}; you do not hold that role.`);
}

function checkSegregation(w: Werkwijze, state: CaseState, step: Step, actor: EngineActor): Check {
  for (const rule of w.segregationOfDuties.filter((r) => r.step === step.id)) {
    const conflict = state.history.find((h) => h.actorId === actor.id && rule.notSameActorAs.includes(h.stepId));
    if (conflict) {
      const other = w.steps.find((s) => s.id === conflict.stepId)?.name ?? conflict.stepId;
      return refuse(
        'segregation-of-duties',
        `Functiescheiding: wie "${other}" deed, mag "${step.name}" niet doen.`,
        `Segregation of duties: whoever did "${other}" may not do "${step.name}".`,
      );
    }
  }
  return { ok: true };
}

function categoriesOf(step: Step, fields: Record<string, unknown>, given: readonly string[] | undefined): string[] {
  if (given) return [...given];
  const field = step.decision?.provisionCategoryField;
  const v = field ? fields[field] : undefined;
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

function checkMandate(w: Werkwijze, step: Step, actor: EngineActor, categories: string[]): Check {
  if (!step.decision) return { ok: true };
  const mandates = w.mandates.filter((m) => m.step === step.id);
  if (mandates.length === 0) return { ok: true };
  if (categories.length === 0) {
    return refuse('no-mandate', `Noem de productcategorieën waarover u besluit; dit besluit valt onder mandaten.`, `Name the provision categories you decide on; this decision is bound by mandates.`);
  }
  const held = new Set(mandates.filter((m) => actor.roles.includes(m.role)).flatMap((m) => m.categories));
  const outside = categories.filter((c) => !held.has(c));
  return outside.length === 0
    ? { ok: true }
    : refuse('no-mandate', `U heeft geen mandaat voor productcategorie ${outside.join(', ')}.`, `You hold no mandate for provision category ${outside.join(', ')}.`);
}

function checkGuard(t: Transition, fields: Record<string, unknown>): Check {
  if (!t.guard) return { ok: true };
  const r = evaluateGuard(t.guard, fields);
  return r.ok ? { ok: true } : refuse('guard-failed', `"${t.label}" kan nog niet: ${r.reason.nl}.`, `"${t.label}" is not possible yet: ${r.reason.en}.`);
}

/** What the actor can do next, each transition with whether it is allowed now and why not. */
export function availableTransitions(w: Werkwijze, state: CaseState, actor: EngineActor): AvailableTransition[] {
  const step = stepOf(w, state.stepId);
  return step.transitions.map((t) => {
    const checks = [checkRole(step, actor), checkSegregation(w, state, step, actor)];
    // A guard on a field this very step records but has not recorded yet is judged when the
    // step is taken (its fields come with the transition); otherwise it can be judged now.
    const ownFields = new Set(Object.keys(step.fields?.properties ?? {}));
    const pending = t.guard ? guardFields(t.guard).some((f) => ownFields.has(f) && state.fields[f] === undefined) : false;
    if (!pending) checks.push(checkGuard(t, state.fields));
    const recordedCategories = categoriesOf(step, state.fields, undefined);
    // A mandate can only be judged once the categories are known; before that the transition stays open.
    if (recordedCategories.length > 0) checks.push(checkMandate(w, step, actor, recordedCategories));
    const failed = checks.find((c) => !c.ok);
    return failed && !failed.ok
      ? { to: t.to, label: t.label, allowed: false, reason: failed.message.en, message: failed.message }
      : { to: t.to, label: t.label, allowed: true };
  });
}

/**
 * Moves a case along one transition. Checks, in order: the transition exists, the actor holds a
 * role of the current step, segregation of duties, the fields (merged with what the case already
 * recorded) satisfy the current step's field schema, the guard, and for a decision step the mandate.
 * Entering the next step starts and stops its terms; entering a final step also stops every term
 * the case started, since a closed case has no running term.
 */
export function applyTransition(
  w: Werkwijze,
  state: CaseState,
  actor: EngineActor,
  input: { to: string; fields?: Record<string, unknown> | undefined; provisionCategories?: readonly string[] | undefined; /** When (ISO); pass the injected clock's time. */ at?: string | undefined },
): ApplyResult {
  const step = stepOf(w, state.stepId);
  const transition = step.transitions.find((t) => t.to === input.to);
  const target = w.steps.find((s) => s.id === input.to);
  if (!transition || !target) {
    const options = step.transitions.map((t) => t.to).join(', ') || '-';
    return {
      ok: false,
      code: 'no-such-transition',
      message: { nl: `Vanuit "${step.name}" kan de zaak niet naar "${input.to}" (wel: ${options}).`, en: `From "${step.name}" the case cannot go to "${input.to}" (possible: ${options}).` },
    };
  }
  const fields = { ...state.fields, ...(input.fields ?? {}) };
  const fieldErrors = validateFields(step.fields, fields);
  const categories = categoriesOf(step, fields, input.provisionCategories);
  const checks: (() => Check)[] = [
    () => checkRole(step, actor),
    () => checkSegregation(w, state, step, actor),
    () =>
      fieldErrors.length === 0
        ? { ok: true }
        : refuse('invalid-fields', `De gegevens van "${step.name}" kloppen niet: ${fieldErrors.map((e) => e.message.nl).join(' ')}`, `The fields of "${step.name}" are invalid: ${fieldErrors.map((e) => e.message.en).join(' ')}`),
    () => checkGuard(transition, fields),
    () => checkMandate(w, step, actor, categories),
  ];
  for (const check of checks) {
    const r = check();
    if (!r.ok) return r;
  }
  const history = [...state.history, { stepId: step.id, actorId: actor.id, at: input.at ?? new Date().toISOString() }];
  const startedTerms = target.final ? [] : termsStartedBy(target);
  const stopped = new Set<string>(target.deadlines?.stops ?? []);
  if (target.final) for (const t of runningTerms(w, history.map((h) => h.stepId))) stopped.add(t);
  const next: CaseState = { ...state, stepId: target.id, fields, history };
  return {
    ok: true,
    state: next,
    startedTerms,
    stoppedTerms: [...stopped],
    ...(target.routesTo !== undefined ? { routedCaseType: target.routesTo } : {}),
  };
}
