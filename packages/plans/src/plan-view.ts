import type { Tx } from '@kern/db';
import { findPlanParts, type PlanParts, type PlanRow } from './plans.repository';
import type { Plan } from './contract';

/** The plan with its versions in order, each marked draft, agreed (in force) or superseded (one statement). */
export async function buildPlanView(tx: Tx, row: PlanRow): Promise<Plan> {
  return assemblePlanView(row, await findPlanParts(tx, row.id));
}

/** The pure part of the plan view: versions marked draft, agreed (in force) or superseded. */
export function assemblePlanView(row: PlanRow, { members, versions, agreements, changeRequests }: PlanParts): Plan {
  const agreedVersion = versions.filter((v) => v.agreedAt !== null).at(-1)?.version ?? null;
  const latest = versions.at(-1);
  return {
    id: row.id,
    anchorBsn: row.anchorBsn,
    members,
    coordinator: { id: row.coordinatorId, name: row.coordinatorName },
    status: row.status,
    createdAt: row.createdAt,
    agreedVersion,
    draftVersion: latest && latest.agreedAt === null ? latest.version : null,
    versions: versions.map((v) => ({
      version: v.version,
      state: v.agreedAt === null ? 'draft' : v.version === agreedVersion ? 'agreed' : 'superseded',
      content: v.content,
      changeNote: v.changeNote,
      createdAt: v.createdAt,
      agreedAt: v.agreedAt,
      agreements: agreements.filter((a) => a.version === v.version),
    })),
    changeRequests,
  };
}
