import { authorize, recordAccess, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput, isValidBsn } from '@kern/kit';
import { assemblePlanView } from './plan-view';
import { findPlanOfMember, findPlanParts, findPlanVersions } from './plans.repository';
import type { HouseholdPlanOutput } from './contract';

/**
 * The plan of the household a resident belongs to. Access is decided on that resident first, so
 * whether a plan exists is only told to someone allowed to know; a signal-only grant learns that
 * there is a plan and who coordinates it, nothing of its content. Every member shown is audited.
 */
export async function readHouseholdPlan(services: AccessServices, tx: Tx, ctx: AccessContext, bsn: string): Promise<HouseholdPlanOutput> {
  if (!isValidBsn(bsn)) throw invalidInput({ nl: 'Dit is geen geldig BSN.', en: 'This is not a valid BSN.' }, [{ name: 'bsn', reason: '11-test fails' }]);
  const grant = await authorize(services, tx, ctx, { resource: 'plan', action: 'read', subjectBsn: bsn, detail: 'household plan' });
  const row = await findPlanOfMember(tx, bsn);
  if (!row) return { view: 'no-plan' };
  if (grant.view === 'signal') {
    const agreed = (await findPlanVersions(tx, row.id)).some((v) => v.agreedAt !== null);
    return { view: 'signal', signal: { planId: row.id, coordinatorName: row.coordinatorName, agreed } };
  }
  // The members (for the audit records) and the rest of the plan in one statement.
  const parts = await findPlanParts(tx, row.id);
  await recordAccess(services, tx, ctx, grant, parts.members.filter((m) => m.bsn !== bsn).map((m) => ({ resource: 'plan' as const, action: 'read' as const, subjectBsn: m.bsn, detail: `member of household plan ${row.id}` })));
  return { view: 'full', plan: assemblePlanView(row, parts) };
}
