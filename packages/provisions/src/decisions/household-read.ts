import { caseContacts } from '@kern/cases';
import type { Tx } from '@kern/db';
import { findAllocationsOfSubjects } from '../allocations/allocations.repository';
import { withProviderNames } from '../allocations/provider-names';
import type { Allocation } from '../contract/allocations.schema';
import { findDecisionsOfSubjects } from './decisions.repository';
import type { Decision } from '../contract/decisions.schema';

export interface MemberProvisions {
  decision: Decision;
  /** The team that worked on the decision's case, and whom to ask there. */
  at: { team: string; contact: string } | null;
  allocations: Allocation[];
}

/**
 * Decisions with their provisions and allocations for household members (the household view's
 * "decisions and provisions" section). No access check: the view has decided per member and law.
 */
export async function provisionsOfPeople(tx: Tx, bsns: readonly string[]): Promise<MemberProvisions[]> {
  const decisions = await findDecisionsOfSubjects(tx, bsns);
  if (decisions.length === 0) return [];
  const allocations = await withProviderNames(tx, await findAllocationsOfSubjects(tx, bsns));
  const caseIds = [...new Set(decisions.map((d) => d.caseId))];
  // The team and contact of each decision's case: a fact of @kern/cases, not its tables.
  const teamOf = await caseContacts(tx, caseIds);
  return decisions.map((decision) => {
    const provisionIds = new Set(decision.provisions.map((p) => p.id));
    return { decision, at: teamOf.get(decision.caseId) ?? null, allocations: allocations.filter((a) => provisionIds.has(a.grantedProvisionId)) };
  });
}
