import type { Tx } from '@kern/db';
import { assemblePlanView } from './plan-view';
import { findPlansWithPartsOfMembers } from './plans.repository';
import type { Plan } from './contract';

export interface PlanSectionEntry {
  /** The members of the asked-for household this plan covers. */
  memberBsns: string[];
  plan: Plan;
}

/**
 * The household view's section source for plans: the open plans the given residents belong to
 * (normally one: one household, one plan), whole. No access decision and no audit here: the
 * household view decides per section and member what is shown, and audits what it shows.
 * One statement (one round trip) for the plans with their members, versions, agreements and
 * change requests.
 */
export async function planSection(tx: Tx, memberBsns: string[]): Promise<PlanSectionEntry[]> {
  const found = await findPlansWithPartsOfMembers(tx, memberBsns);
  const asked = new Set(memberBsns);
  return found.map(({ row, parts }) => {
    const plan = assemblePlanView(row, parts);
    return { memberBsns: plan.members.map((m) => m.bsn).filter((b) => asked.has(b)), plan };
  });
}
