import type { Plan, PlanVersion } from '@kern/plans';
import type { PlanChanges, PlanItemChange } from './contract';

type Content = PlanVersion['content'];

/**
 * What changed in a plan version since the version the person last agreed to: goals and actions
 * added, changed (which facts, before and after) and removed, matched by their id. Computed on the
 * server so that what the citizen is shown before agreeing is what the plan module holds.
 */
export function diffPlanContent(before: Content | null, after: Content, memberName: (bsn: string | null) => string): PlanItemChange[] {
  const out: PlanItemChange[] = [];
  const goalsBefore = new Map((before?.goals ?? []).map((g) => [g.id, g]));
  const goalsAfter = new Set(after.goals.map((g) => g.id));
  for (const g of after.goals) {
    const was = goalsBefore.get(g.id);
    if (!was) {
      out.push({ kind: 'goal', change: 'added', text: g.text, fields: [] });
      continue;
    }
    const fields: PlanItemChange['fields'] = [];
    if (was.text !== g.text) fields.push({ field: 'text', before: was.text, after: g.text });
    if (was.domain !== g.domain) fields.push({ field: 'domain', before: was.domain, after: g.domain });
    if (was.memberBsn !== g.memberBsn) fields.push({ field: 'member', before: memberName(was.memberBsn), after: memberName(g.memberBsn) });
    if (was.status !== g.status) fields.push({ field: 'status', before: was.status, after: g.status });
    if (fields.length > 0) out.push({ kind: 'goal', change: 'changed', text: g.text, fields });
  }
  for (const g of before?.goals ?? []) if (!goalsAfter.has(g.id)) out.push({ kind: 'goal', change: 'removed', text: g.text, fields: [] });

  const actionsBefore = new Map((before?.actions ?? []).map((a) => [a.id, a]));
  const actionsAfter = new Set(after.actions.map((a) => a.id));
  for (const a of after.actions) {
    const was = actionsBefore.get(a.id);
    if (!was) {
      out.push({ kind: 'action', change: 'added', text: a.text, fields: [] });
      continue;
    }
    const fields: PlanItemChange['fields'] = [];
    if (was.text !== a.text) fields.push({ field: 'text', before: was.text, after: a.text });
    if (was.owner.name !== a.owner.name) fields.push({ field: 'owner', before: was.owner.name, after: a.owner.name });
    if (was.dueDate !== a.dueDate) fields.push({ field: 'dueDate', before: was.dueDate, after: a.dueDate });
    if (was.status !== a.status) fields.push({ field: 'status', before: was.status, after: a.status });
    if (fields.length > 0) out.push({ kind: 'action', change: 'changed', text: a.text, fields });
  }
  for (const a of before?.actions ?? []) if (!actionsAfter.has(a.id)) out.push({ kind: 'action', change: 'removed', text: a.text, fields: [] });
  return out;
}

/**
 * The changes the person is asked to agree to: the latest version against the last version they
 * agreed to (or against nothing, when they never agreed). None when the latest version is already
 * agreed by them.
 */
export function planChangesFor(plan: Plan, bsn: string): PlanChanges | null {
  const latest = plan.versions.at(-1);
  if (!latest || latest.agreements.some((a) => a.partyBsn === bsn)) return null;
  const mine = plan.versions.filter((v) => v.version < latest.version && v.agreements.some((a) => a.partyBsn === bsn)).at(-1) ?? null;
  const memberName = (m: string | null) => (m === null ? '' : (plan.members.find((x) => x.bsn === m)?.name ?? ''));
  return { sinceVersion: mine?.version ?? null, toVersion: latest.version, items: diffPlanContent(mine?.content ?? null, latest.content, memberName) };
}
