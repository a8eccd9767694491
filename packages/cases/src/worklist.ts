import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { DomainError } from '@kern/kit';
import { deadlineStatus } from '@kern/workflows';
import type { z } from 'zod';
import { findWorklist } from './cases.repository';
import type { worklistInputSchema, worklistOutputSchema } from './contract';

/**
 * A person's or a team's open tasks, most urgent statutory deadline first. It shows case
 * references, steps and deadlines only: opening a case is a read of its own, checked and audited.
 */
export async function readWorklist(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof worklistInputSchema>,
): Promise<z.infer<typeof worklistOutputSchema>> {
  if (input.teamId && !ctx.actor.teamIds.includes(input.teamId)) {
    throw new DomainError('forbidden', { nl: 'U ziet alleen de werkvoorraad van uw eigen teams.', en: 'You only see the worklists of your own teams.' });
  }
  await authorize(services, tx, ctx, { resource: 'worklist', action: 'read', detail: `${input.scope}${input.teamId ? ` ${input.teamId}` : ''}` });
  const teamIds = input.teamId ? [input.teamId] : ctx.actor.teamIds;
  const rows = await findWorklist(tx, { municipalityCode: ctx.actor.municipalityCode, teamIds, ...(input.scope === 'mine' ? { accountId: ctx.actor.id, roles: ctx.actor.roles } : {}), limit: input.limit });
  const today = isoDay(services.clock.now());
  // Many tasks share a due date; the working-day arithmetic runs once per date.
  const statusByDue = new Map<string, ReturnType<typeof deadlineStatus>>();
  const statusOf = (due: string) => {
    let s = statusByDue.get(due);
    if (!s) statusByDue.set(due, (s = deadlineStatus({ due, today })));
    return s;
  };
  const items = rows.map((r) => ({
    taskId: r.taskId,
    caseId: r.caseId,
    reference: r.reference,
    caseTypeId: r.caseTypeId,
    purpose: r.purpose,
    stepId: r.stepId,
    phase: r.phase,
    title: r.title,
    teamId: r.teamId,
    assignedToMe: r.accountId === ctx.actor.id,
    createdAt: r.createdAt,
    dueDate: r.dueDate,
    termId: r.termId,
    deadlineStatus: r.dueDate ? statusOf(r.dueDate) : null,
  }));
  return {
    items,
    counts: {
      overdue: items.filter((i) => i.deadlineStatus === 'overdue').length,
      dueSoon: items.filter((i) => i.deadlineStatus === 'due-soon').length,
      onTime: items.filter((i) => i.deadlineStatus === 'on-time').length,
      noDeadline: items.filter((i) => i.deadlineStatus === null).length,
    },
  };
}
