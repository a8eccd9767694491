import { sql, type Tx } from '@kern/db';
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
  const teams = await sql<{ id: string; team_name: string | null; contact: string | null }>`
    select c.id, t.name as team_name, coalesce(co.display_name, op.display_name) as contact
    from cases c
    left join teams t on t.id = c.team_id
    left join staff_accounts co on co.id = c.coordinator_id
    left join staff_accounts op on op.id = c.opened_by
    where c.id = any(${caseIds}::uuid[])`.execute(tx);
  const teamOf = new Map(teams.rows.map((t) => [t.id, t.team_name ? { team: t.team_name, contact: t.contact ?? t.team_name } : null]));
  return decisions.map((decision) => {
    const provisionIds = new Set(decision.provisions.map((p) => p.id));
    return { decision, at: teamOf.get(decision.caseId) ?? null, allocations: allocations.filter((a) => provisionIds.has(a.grantedProvisionId)) };
  });
}
