import { corePhases, type CorePhase, type Law, type Werkwijze } from './werkwijze.schema';

export const phaseIndex = (p: CorePhase): number => corePhases.indexOf(p);

/**
 * Which phases a werkwijze may skip (documented rule, DOMAIN.md):
 * - `besluit`, for general provisions that need no beschikking (beschikkingsvrij), but never when a
 *   case type serves the Participatiewet or the Wgs: both require a decision (Wgs art. 4a).
 * - `evaluatie`, because no law prescribes a separate evaluation step.
 * - never `melding`, `onderzoek` (Wmo art. 2.3.2 requires the onderzoek), `uitvoering` or `afsluiting`.
 */
export function skippablePhase(phase: CorePhase, laws: readonly Law[]): { ok: true } | { ok: false; reason: string } {
  switch (phase) {
    case 'besluit': {
      const needs = laws.filter((l) => l === 'participatiewet' || l === 'wgs');
      return needs.length === 0 ? { ok: true } : { ok: false, reason: `the ${needs.join(' and ')} require a decision (beschikking), so besluit cannot be skipped` };
    }
    case 'evaluatie':
      return { ok: true };
    case 'melding':
    case 'onderzoek':
    case 'uitvoering':
    case 'afsluiting':
      return { ok: false, reason: `the ${phase} phase belongs to every case and cannot be skipped; only besluit (general provisions) and evaluatie can` };
  }
}

/**
 * Phase order along a transition (documented rule):
 * - within the same phase: always allowed;
 * - forward to the next phase that is not skipped: allowed;
 * - forward into `afsluiting` from anywhere: allowed (withdrawn, refused, referred elsewhere);
 * - any other forward jump passes over a phase the werkwijze has: refused;
 * - back to `onderzoek` (investigate again, e.g. after an evaluation or a decision that needs
 *   more information): allowed; back to any other phase: refused.
 */
export function phaseStepAllowed(from: CorePhase, to: CorePhase, skipped: ReadonlySet<CorePhase>): { ok: true } | { ok: false; reason: string } {
  const a = phaseIndex(from);
  const b = phaseIndex(to);
  if (a === b) return { ok: true };
  if (b < a) {
    return to === 'onderzoek' ? { ok: true } : { ok: false, reason: `goes back from ${from} to ${to}; going back is only allowed to onderzoek` };
  }
  if (to === 'afsluiting') return { ok: true };
  const passed = corePhases.slice(a + 1, b).filter((p) => !skipped.has(p));
  return passed.length === 0 ? { ok: true } : { ok: false, reason: `jumps from ${from} to ${to} past ${passed.join(', ')}, which this werkwijze does not skip` };
}

export const skippedSet = (w: Werkwijze): Set<CorePhase> => new Set(w.skippedPhases.map((s) => s.phase));
