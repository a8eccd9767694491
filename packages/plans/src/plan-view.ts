import type { Tx } from '@kern/db';
import { findAgreements, findChangeRequests, findPlanMembers, findPlanVersions, type PlanRow } from './plans.repository';
import type { Plan } from './plans.schema';

/** The plan with its versions in order, each marked draft, agreed (in force) or superseded. */
export async function buildPlanView(tx: Tx, row: PlanRow): Promise<Plan> {
  const [members, versions, agreements, changeRequests] = await Promise.all([
    findPlanMembers(tx, row.id), findPlanVersions(tx, row.id), findAgreements(tx, row.id), findChangeRequests(tx, row.id),
  ]);
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
