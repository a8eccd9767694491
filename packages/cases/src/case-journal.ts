import type { FieldSchema, Werkwijze } from '@kern/workflows';
import type { CaseEvent } from './cases.repository';
import type { JournalEntry, JournalField } from './contract';

type Step = Werkwijze['steps'][number];

/** The field's definition: at the step it was recorded at, else at any step of the werkwijze. */
function definitionOf(werkwijze: Werkwijze, stepId: string | null, name: string): FieldSchema | undefined {
  const own = werkwijze.steps.find((s) => s.id === stepId)?.fields?.properties?.[name];
  if (own) return own;
  for (const step of werkwijze.steps) {
    const found = step.fields?.properties?.[name];
    if (found) return found;
  }
  return undefined;
}

function kindOf(schema: FieldSchema | undefined, value: unknown): JournalField['kind'] {
  if (schema?.type === 'string' && schema.format === 'date') return 'date';
  if (schema?.type === 'boolean' || typeof value === 'boolean') return 'boolean';
  if (schema?.type === 'number' || schema?.type === 'integer' || typeof value === 'number') return 'number';
  if (schema?.type === 'array' || Array.isArray(value)) return 'list';
  if (schema?.type === 'string' || typeof value === 'string') return 'text';
  return 'other';
}

/**
 * The case's journal: per event, the fields recorded at that step with the labels of the
 * werkwijze's field definitions, who recorded them and when, newest first. An event from before
 * values were kept names only its fields; those show the case's current value.
 */
export function caseJournal(werkwijze: Werkwijze, events: CaseEvent[], current: Record<string, unknown>): JournalEntry[] {
  const stepName = (id: string | null) => (id ? (werkwijze.steps.find((s: Step) => s.id === id)?.name ?? id) : '');
  return [...events]
    .sort((a, b) => b.seq - a.seq)
    .map((event) => {
      // A start records the melding's fields at the first step; a transition records them at the step it leaves.
      const stepId = event.fromStep ?? event.toStep;
      const values = event.detail['values'];
      const recorded: [string, unknown][] =
        values && typeof values === 'object' && !Array.isArray(values)
          ? Object.entries(values as Record<string, unknown>)
          : Array.isArray(event.detail['fields'])
            ? (event.detail['fields'] as unknown[]).filter((n): n is string => typeof n === 'string').map((name) => [name, current[name]])
            : [];
      const fields = recorded.map(([name, value]): JournalField => {
        const schema = definitionOf(werkwijze, stepId, name);
        return { name, label: schema?.title ?? name, value: value ?? null, kind: kindOf(schema, value) };
      });
      return {
        seq: event.seq,
        at: event.at,
        actorId: event.actorId,
        ...(event.actorName ? { actorName: event.actorName } : {}),
        stepId,
        stepName: stepName(stepId),
        toStep: event.fromStep ? event.toStep : null,
        toStepName: event.fromStep && event.toStep ? stepName(event.toStep) : null,
        fields,
      };
    });
}
