import type { Tx } from '@kern/db';
import { buildPlanView } from './plan-view';
import { findPlansOfMembers } from './plans.repository';
import type { Plan } from './plans.schema';

export interface PlanSectionEntry {
  /** The members of the asked-for household this plan covers. */
  memberBsns: string[];
  plan: Plan;
}

/**
 * The household view's section source for plans: the open plans the given residents belong to
 * (normally one: one household, one plan), whole. No access decision and no audit here: the
 * household view decides per section and member what is shown, and audits what it shows.
 */
export async function planSection(tx: Tx, memberBsns: string[]): Promise<PlanSectionEntry[]> {
  const rows = await findPlansOfMembers(tx, memberBsns);
  const asked = new Set(memberBsns);
  const out: PlanSectionEntry[] = [];
  for (const row of rows) {
    const plan = await buildPlanView(tx, row);
    out.push({ memberBsns: plan.members.map((m) => m.bsn).filter((b) => asked.has(b)), plan });
  }
  return out;
}
