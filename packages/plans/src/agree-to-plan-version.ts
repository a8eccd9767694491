import type { AccessContext, AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { conflict, invalidInput, newId } from '@kern/kit';
import { loadPlanFor } from './load-plan';
import { buildPlanView } from './plan-view';
import { findPlan, findPlanVersions, insertAgreement, latestPlanVersionForUpdate, markVersionAgreed, type PlanVersionRow } from './plans.repository';
import { agreeToPlanVersionInputSchema, type AgreeToPlanVersionInput, type Plan } from './contract';

/**
 * Records that a member of the household (or their representative) agreed to a version: by whom,
 * when, which version, how, and who recorded it. From then on that version is frozen, in the
 * database too. Only the latest version can be agreed to: agreeing to an older one would put a
 * plan in force that was already changed.
 */
export async function agreeToPlanVersion(services: AccessServices, tx: Tx, ctx: AccessContext, planId: string, raw: AgreeToPlanVersionInput): Promise<Plan> {
  const input = agreeToPlanVersionInputSchema.parse(raw);
  const { row, members } = await loadPlanFor(services, tx, ctx, planId, { resource: 'plan-agreement', action: 'create', detail: `agreement to version ${input.version} (${input.method})` });
  if (!members.some((m) => m.bsn === input.party.bsn)) {
    throw invalidInput({ nl: 'Alleen een lid van het huishouden (of diens vertegenwoordiger namens dat lid) stemt in met het plan.', en: 'Only a member of the household (or their representative on their behalf) agrees to the plan.' }, [{ name: 'party.bsn', reason: 'not a member' }]);
  }
  const latest = await latestPlanVersionForUpdate(tx, planId);
  if (!latest || latest.version !== input.version) {
    throw conflict({ nl: `Versie ${input.version} is niet de laatste versie van het plan.`, en: `Version ${input.version} is not the plan's latest version.` });
  }
  const now = services.clock.now().toISOString();
  // A second member agreeing to an already agreed version adds their agreement; the version stays as it is.
  const firstAgreement = latest.agreedAt === null;
  if (firstAgreement) await markVersionAgreed(tx, planId, input.version, now);
  await insertAgreement(tx, {
    id: newId(), municipalityCode: row.municipalityCode, planId, version: input.version, agreedAt: now,
    partyBsn: input.party.bsn, partyName: input.party.name, partyRole: input.party.role, method: input.method,
    recordedByKind: ctx.actor.kind, recordedById: ctx.actor.id,
  });
  await appendDomainEvents(tx, [{
    municipalityCode: row.municipalityCode, type: 'plan.agreed', occurredOn: isoDay(services.clock.now()), subjectRef: planId, law: 'integraal', teamId: row.teamId,
    data: { version: input.version, method: input.method, role: input.party.role },
  }]);
  // A goal counts as closed when a version that closes it is agreed to: the agreement is the plan.
  if (firstAgreement) {
    const previous = (await findPlanVersions(tx, planId)).filter((v) => v.version < input.version && v.agreedAt !== null).at(-1);
    await appendDomainEvents(tx, goalsClosedBy(previous, latest).map((g) => ({
      municipalityCode: row.municipalityCode, type: 'plan.goal-closed', occurredOn: isoDay(services.clock.now()), subjectRef: `${planId}:${g.id}`, law: 'integraal' as const, teamId: row.teamId,
      data: { reached: g.status === 'achieved', domain: g.domain },
    })));
  }
  const fresh = await findPlan(tx, planId);
  return buildPlanView(tx, fresh ?? row);
}

/** Goals achieved or dropped in `agreed` that were open (or not there) in the version agreed before it. */
export function goalsClosedBy(before: PlanVersionRow | undefined, agreed: PlanVersionRow): PlanVersionRow['content']['goals'] {
  const wasOpen = (id: string) => (before?.content.goals.find((g) => g.id === id)?.status ?? 'open') === 'open';
  return agreed.content.goals.filter((g) => g.status !== 'open' && wasOpen(g.id));
}
