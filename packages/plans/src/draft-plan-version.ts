import type { AccessContext, AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { conflict, invalidInput } from '@kern/kit';
import { loadPlanFor } from './load-plan';
import { buildPlanView } from './plan-view';
import { answerChangeRequests, findPlan, insertPlanVersion, latestPlanVersionForUpdate, updateDraftVersion } from './plans.repository';
import { draftPlanVersionInputSchema, type DraftPlanVersionInput, type Plan } from './contract';

/**
 * Writes the plan's content. While the latest version is a draft it is rewritten in place; once
 * the citizen agreed to it, a change makes the next version (the agreed one stays as it was).
 */
export async function draftPlanVersion(services: AccessServices, tx: Tx, ctx: AccessContext, planId: string, raw: DraftPlanVersionInput): Promise<Plan> {
  const input = draftPlanVersionInputSchema.parse(raw);
  const { row, members } = await loadPlanFor(services, tx, ctx, planId, { resource: 'plan', action: 'update', detail: 'draft plan version' });
  if (row.status === 'closed') throw conflict({ nl: 'Dit plan is gesloten.', en: 'This plan is closed.' });
  const memberBsns = new Set(members.map((m) => m.bsn));
  input.content.goals.forEach((g, i) => {
    if (g.memberBsn !== null && !memberBsns.has(g.memberBsn)) {
      throw invalidInput({ nl: 'Een doel gaat over iemand die niet in het plan staat.', en: 'A goal is about someone who is not in the plan.' }, [{ name: `content.goals.${i}.memberBsn`, reason: 'not a member' }]);
    }
  });
  const latest = await latestPlanVersionForUpdate(tx, planId);
  const now = services.clock.now();
  const step = whereToWrite(latest);
  const version = step.version;
  if (step.kind === 'rewrite-draft') {
    await updateDraftVersion(tx, planId, version, input.content, input.changeNote ?? null);
  } else {
    await insertPlanVersion(tx, row.municipalityCode, planId, { version, content: input.content, changeNote: input.changeNote ?? null, createdAt: now.toISOString(), createdBy: ctx.actor.id });
    await answerChangeRequests(tx, planId, version);
  }
  await appendDomainEvents(tx, [{
    municipalityCode: row.municipalityCode, type: 'plan.version-drafted', occurredOn: isoDay(now), subjectRef: planId, law: 'integraal', teamId: row.teamId,
    data: { version, goals: input.content.goals.length, actions: input.content.actions.length },
  }]);
  const fresh = await findPlan(tx, planId);
  return buildPlanView(tx, fresh ?? row);
}

/**
 * The versioning rule, pure: a draft nobody agreed to is rewritten in place; an agreed version is
 * never touched, so a change goes into the next version.
 */
export function whereToWrite(latest: { version: number; agreedAt: string | null } | undefined): { kind: 'rewrite-draft' | 'new-version'; version: number } {
  if (latest && latest.agreedAt === null) return { kind: 'rewrite-draft', version: latest.version };
  return { kind: 'new-version', version: (latest?.version ?? 0) + 1 };
}
