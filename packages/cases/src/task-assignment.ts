import { AccessDenied, auditEntryFor, authorize, type AccessCheck, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { teamMembersWithRole } from '@kern/identity';
import { DomainError, invalidInput } from '@kern/kit';
import type { z } from 'zod';
import { findOpenTaskForUpdate, setTaskAccount, type OpenTaskRow } from './cases.repository';
import type { assignTaskInputSchema, assignTaskOutputSchema, taskColleaguesOutputSchema } from './contract';

const notFound = () => new DomainError('not-found', { nl: 'Deze taak bestaat niet of is al afgerond.', en: 'This task does not exist or is already done.' });

/**
 * A refusal after the access decision: its audit record is written in a transaction of its own
 * (runAsTenant, as for every AccessDenied), so the attempt stays on record though this one rolls back.
 */
const refused = (ctx: AccessContext, check: AccessCheck, reason: string, message: { nl: string; en: string }) =>
  new AccessDenied(auditEntryFor(ctx, check, { allowed: false, reason, legalBasis: undefined, relation: 'none' }), false, message);

/** The task, if it is open and belongs to one of the actor's teams (or is the actor's own); otherwise a refusal. */
async function ownTeamTask(tx: Tx, ctx: AccessContext, check: AccessCheck, taskId: string): Promise<OpenTaskRow> {
  const task = await findOpenTaskForUpdate(tx, taskId);
  if (!task) throw notFound();
  const inTeam = task.teamId !== null && ctx.actor.teamIds.includes(task.teamId);
  if (!inTeam && task.accountId !== ctx.actor.id) {
    throw refused(ctx, check, 'task of another team', { nl: 'U kunt alleen taken van uw eigen team oppakken of overdragen.', en: 'You can only take or hand over tasks of your own team.' });
  }
  return task;
}

const holdsRole = (task: OpenTaskRow, roles: readonly string[]) => task.roles.length === 0 || task.roles.some((r) => roles.includes(r));

/**
 * Claim a task ("ik pak hem op"), hand it to a colleague of its team who holds its role, or return
 * it to the team. The attempt is decided and audited before anything changes; the task's team and
 * role are checked here, and nothing of the resident is read or shown.
 */
export async function assignTask(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  taskId: string,
  input: z.infer<typeof assignTaskInputSchema>,
): Promise<z.infer<typeof assignTaskOutputSchema>> {
  const detail = input.action === 'hand-over' ? `hand-over ${taskId} to ${input.toAccountId}` : `${input.action} ${taskId}`;
  const check: AccessCheck = { resource: 'worklist', action: 'update', detail };
  await authorize(services, tx, ctx, check);
  const task = await ownTeamTask(tx, ctx, check, taskId);
  let accountId: string | null;
  switch (input.action) {
    case 'claim':
      if (!holdsRole(task, ctx.actor.roles)) {
        throw refused(ctx, check, 'task needs a role the actor lacks', { nl: 'Deze taak vraagt een rol die u niet heeft.', en: 'This task needs a role you do not hold.' });
      }
      accountId = ctx.actor.id;
      break;
    case 'return':
      if (!task.teamId) throw invalidInput({ nl: 'Deze taak hoort bij geen team; u kunt hem alleen overdragen.', en: 'This task belongs to no team; you can only hand it over.' }, [{ name: 'action', reason: 'task has no team' }]);
      accountId = null;
      break;
    case 'hand-over': {
      const colleagues = task.teamId ? await teamMembersWithRole(tx, task.teamId, task.roles) : [];
      if (!colleagues.some((c) => c.id === input.toAccountId)) {
        throw invalidInput(
          { nl: 'Kies een collega uit het team van de taak die de rol voor deze stap heeft.', en: 'Choose a colleague of the task\'s team who holds the role for this step.' },
          [{ name: 'toAccountId', reason: 'not a member of the task\'s team with its role' }],
        );
      }
      accountId = input.toAccountId;
      break;
    }
  }
  await setTaskAccount(tx, task.id, accountId);
  return { taskId: task.id, accountId, teamId: task.teamId };
}

/** Whom the task can be handed to: the active colleagues of its team with its role (the actor left out). */
export async function listTaskColleagues(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  taskId: string,
): Promise<z.infer<typeof taskColleaguesOutputSchema>> {
  const check: AccessCheck = { resource: 'worklist', action: 'read', detail: `colleagues for ${taskId}` };
  await authorize(services, tx, ctx, check);
  const task = await ownTeamTask(tx, ctx, check, taskId);
  const colleagues = task.teamId ? await teamMembersWithRole(tx, task.teamId, task.roles) : [];
  return { colleagues: colleagues.filter((c) => c.id !== ctx.actor.id) };
}
