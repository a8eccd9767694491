import { phaseIndex, skippedSet } from './phases';
import { corePhases, type CorePhase, type Werkwijze } from './werkwijze.schema';

export interface MappingError {
  code: 'other-werkwijze' | 'missing' | 'unknown-source-step' | 'unknown-target-step' | 'incompatible-phase';
  /** The step of the old version the error is about. */
  step?: string;
  message: string;
}

/**
 * A step may move to a step in the same phase, or, when the new version skips the old step's
 * phase (e.g. no more besluit), to the first phase after it that the new version has.
 */
function compatible(from: CorePhase, to: CorePhase, skippedInNew: ReadonlySet<CorePhase>): boolean {
  if (from === to) return true;
  if (!skippedInNew.has(from)) return false;
  const next = corePhases.slice(phaseIndex(from) + 1).find((p) => !skippedInNew.has(p));
  return next === to;
}

/**
 * A running case moves to another version only with a mapping that covers every step it has been
 * on or is on (`stepsInUse`), onto existing steps of the new version in a compatible phase.
 * An empty result means the mapping is complete and valid.
 */
export function validateStepMapping(from: Werkwijze, to: Werkwijze, mapping: Record<string, string>, stepsInUse: readonly string[]): MappingError[] {
  const errors: MappingError[] = [];
  if (from.id !== to.id) {
    errors.push({ code: 'other-werkwijze', message: `A case moves between versions of one werkwijze, not from ${from.id} to ${to.id}` });
    return errors;
  }
  const oldSteps = new Map(from.steps.map((s) => [s.id, s]));
  const newSteps = new Map(to.steps.map((s) => [s.id, s]));
  const skippedInNew = skippedSet(to);
  const missing = [...new Set(stepsInUse)].filter((id) => mapping[id] === undefined);
  for (const id of missing) {
    errors.push({ code: 'missing', step: id, message: `The mapping does not say where step "${id}" goes (missing: ${missing.join(', ')})` });
  }
  for (const [source, target] of Object.entries(mapping)) {
    const old = oldSteps.get(source);
    const next = newSteps.get(target);
    if (!old) {
      errors.push({ code: 'unknown-source-step', step: source, message: `Version ${from.version} has no step "${source}"` });
      continue;
    }
    if (!next) {
      errors.push({ code: 'unknown-target-step', step: source, message: `Step "${source}" maps onto "${target}", which version ${to.version} does not have` });
      continue;
    }
    if (!compatible(old.phase, next.phase, skippedInNew)) {
      errors.push({ code: 'incompatible-phase', step: source, message: `Step "${source}" (${old.phase}) cannot map onto "${target}" (${next.phase}): the phase must stay the same` });
    }
  }
  return errors;
}
