import type { z } from 'zod';
import type { fieldChangeSchema, PolicyDiff, PolicyDocument } from './contract';


const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): z.infer<typeof fieldChangeSchema>[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields.filter((f) => !same(before[f], after[f])).map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }));
}

export function diffPolicies(before: PolicyDocument, after: PolicyDocument): PolicyDiff {
  const beforeById = new Map(before.rules.map((r) => [r.id, r]));
  const afterById = new Map(after.rules.map((r) => [r.id, r]));
  return {
    ...(before.name !== after.name ? { name: { field: 'name', before: before.name, after: after.name } } : {}),
    addedRules: after.rules.filter((r) => !beforeById.has(r.id)),
    removedRules: before.rules.filter((r) => !afterById.has(r.id)),
    changedRules: after.rules.flatMap((r) => {
      const old = beforeById.get(r.id);
      if (!old) return [];
      const changes = fieldChanges(old, r);
      return changes.length ? [{ id: r.id, changes }] : [];
    }),
    breakGlass: fieldChanges(before.breakGlass, after.breakGlass),
  };
}

export const isEmptyDiff = (d: PolicyDiff): boolean =>
  !d.name && d.addedRules.length === 0 && d.removedRules.length === 0 && d.changedRules.length === 0 && d.breakGlass.length === 0;

/** A one-line summary for lists; the full difference travels with it. */
export function summariseDiff(d: PolicyDiff): string {
  const parts = [
    d.addedRules.length ? `added ${d.addedRules.map((r) => String(r.id)).join(', ')}` : '',
    d.removedRules.length ? `removed ${d.removedRules.map((r) => String(r.id)).join(', ')}` : '',
    d.changedRules.length ? `changed ${d.changedRules.map((r) => `${r.id} (${r.changes.map((c) => c.field).join(', ')})`).join(', ')}` : '',
    d.breakGlass.length ? `break-glass ${d.breakGlass.map((c) => c.field).join(', ')}` : '',
    d.name ? 'name' : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'no change';
}
