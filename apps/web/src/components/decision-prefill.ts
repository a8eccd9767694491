import type { WerkwijzeStep } from '../api';
import type { Decision } from '../api/provisions';
import type { JournalEntry } from './CaseJournal';

const REFUSING = /afwijz|weiger|refus|reject/i;
const REASONS = /motiver|reden|toelicht|reason/i;

/**
 * Record once: the beschikking recorded at this visit to the decision step fills the step's own
 * fields for the transition being taken: the outcome field (the transition's guard, when it agrees
 * with the decision), the categories field the werkwijze names, and the motivation. Nothing is
 * filled when no decision was recorded since the case came to this step.
 */
export function decisionPrefill(
  step: WerkwijzeStep | null | undefined,
  transitionTo: string,
  decisions: Decision[],
  journal: JournalEntry[],
): { decision: Decision; values: Record<string, unknown> } | null {
  if (!step?.decision) return null;
  // When the case came to this step: the newest journal entry that moved it here.
  const arrived = journal.find((entry) => (entry.toStep ?? entry.stepId) === step.id)?.at;
  const decision = [...decisions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!decision || (arrived !== undefined && Date.parse(decision.createdAt) < Date.parse(arrived))) return null;
  const properties = step.fields?.properties ?? {};
  const values: Record<string, unknown> = {};

  const guard = step.transitions?.find((transition) => transition.to === transitionTo)?.guard;
  if (guard && 'field' in guard && 'equals' in guard && guard.field in properties) {
    const refusing = REFUSING.test(String(guard.equals)) || guard.equals === false;
    if (refusing === (decision.outcome === 'refused')) values[guard.field] = guard.equals;
  }
  const categoryField = step.decision.provisionCategoryField;
  if (categoryField && categoryField in properties && decision.provisions.length > 0) {
    values[categoryField] = [...new Set(decision.provisions.map((p) => p.category))].sort();
  }
  const reasonsField = Object.entries(properties).find(([name, schema]) => schema.type === 'string' && !schema.enum && (REASONS.test(name) || REASONS.test(schema.title ?? '')))?.[0];
  if (reasonsField) values[reasonsField] = decision.reasons;
  return Object.keys(values).length > 0 ? { decision, values } : null;
}
