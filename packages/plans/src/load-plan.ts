import { authorize, recordAccess, type AccessCheck, type AccessContext, type AccessServices, type Grant } from '@kern/access';
import type { Tx } from '@kern/db';
import { notFound } from '@kern/kit';
import { findPlan, findPlanMembers, type PlanRow } from './plans.repository';

export const planNotFound = () => notFound({ nl: 'Dit plan bestaat niet.', en: 'This plan does not exist.' });

/**
 * Loads a plan for an action: the access check is made on the plan's anchor resident (its
 * household), and a plan of another municipality is invisible by row-level security. Every
 * answer built on it shows the plan's members, so each other member gets an audit record too.
 */
export async function loadPlanFor(
  services: AccessServices, tx: Tx, ctx: AccessContext, planId: string, check: Omit<AccessCheck, 'subjectBsn'> & { subjectBsn?: string },
): Promise<{ row: PlanRow; grant: Grant; members: { bsn: string; name: string }[] }> {
  const row = await findPlan(tx, planId);
  if (!row) throw planNotFound();
  const subjectBsn = check.subjectBsn ?? row.anchorBsn;
  const grant = await authorize(services, tx, ctx, { ...check, subjectBsn });
  const members = await findPlanMembers(tx, row.id);
  await recordAccess(services, tx, ctx, grant, members.filter((m) => m.bsn !== subjectBsn).map((m) => ({
    resource: check.resource, action: check.action, subjectBsn: m.bsn, detail: `member of household plan ${row.id}`,
  })));
  return { row, grant, members };
}
