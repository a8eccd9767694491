import { authorize, closeRelationsOfCase, requirePurpose, type AccessContext, type AccessServices, type Grant } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput, newId, notFound } from '@kern/kit';
import { applyTransition, definitionOf, type CaseState, type Werkwijze } from '@kern/workflows';
import { emitStepTaken } from './case-domain-events';
import { startTerms, stopTerms } from './case-deadlines';
import { appendCaseEvent, closeOpenTasks, findCase, findCaseEvents, findDeadlines, insertTask, teamForRoles, updateCaseStep, type CaseEvent, type CaseRow } from './cases.repository';
import type { TransitionInput } from './contract';
import { createCase, involve } from './start-case';

const caseNotFound = () => notFound({ nl: 'Deze zaak bestaat niet.', en: 'This case does not exist.' });

/**
 * Loads a case for work under the actor's purpose. A case of another municipality is invisible
 * (row-level security), a case under another law is refused as the policy says.
 */
export async function loadCaseFor(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  caseId: string,
  /** 'step' = update, or decide when the case stands on a decision step. */
  action: 'read' | 'update' | 'step',
): Promise<{ row: CaseRow; werkwijze: Werkwijze; grant: Grant }> {
  const purpose = requirePurpose(ctx);
  const row = await findCase(tx, caseId);
  if (!row) throw caseNotFound();
  if (row.purpose !== purpose) {
    throw new DomainError('forbidden', {
      nl: `Deze zaak valt onder ${row.purpose}; werk onder dat doel om haar te openen (doelbinding).`,
      en: `This case falls under ${row.purpose}; work under that purpose to open it (purpose limitation).`,
    });
  }
  const werkwijze = await definitionOf(tx, row.werkwijzeId, row.werkwijzeVersion);
  if (!werkwijze) throw new Error(`werkwijze ${row.werkwijzeId}@${row.werkwijzeVersion} of case ${row.id} is missing`);
  const onDecision = werkwijze.steps.find((s) => s.id === row.stepId)?.decision !== undefined;
  const checked = action === 'step' ? (onDecision ? 'decide' : 'update') : action;
  const grant = await authorize(services, tx, ctx, { resource: 'case', action: checked, subjectBsn: row.subjectBsn, detail: `case ${row.reference}` });
  return { row, werkwijze, grant };
}

export async function stateOf(tx: Tx, row: CaseRow, events?: CaseEvent[]): Promise<CaseState> {
  events ??= await findCaseEvents(tx, row.id);
  return {
    werkwijzeId: row.werkwijzeId,
    version: row.werkwijzeVersion,
    caseTypeId: row.caseTypeId,
    stepId: row.stepId,
    fields: row.fields,
    // Who acted on which step: what segregation of duties is checked against.
    history: events.filter((e) => e.fromStep).map((e) => ({ stepId: e.fromStep ?? '', actorId: e.actorId, at: e.at })),
  };
}

/**
 * Moves a case along one transition of its werkwijze: role, guard, segregation of duties and
 * mandate are checked by the engine; the task, deadlines, relations and history follow.
 */
export async function advanceCase(services: AccessServices, tx: Tx, ctx: AccessContext, caseId: string, input: TransitionInput): Promise<{ stepId: string; status: 'open' | 'closed'; routedCaseIds: string[] }> {
  const { row, werkwijze } = await loadCaseFor(services, tx, ctx, caseId, 'step');
  if (row.status === 'closed') {
    throw new DomainError('conflict', { nl: 'Deze zaak is afgesloten.', en: 'This case is closed.' });
  }
  const state = await stateOf(tx, row);
  const result = applyTransition(werkwijze, state, { id: ctx.actor.id, roles: ctx.actor.roles }, {
    to: input.to,
    fields: input.fields,
    ...(input.provisionCategories ? { provisionCategories: input.provisionCategories } : {}),
    at: services.clock.now().toISOString(),
  });
  if (!result.ok) {
    const message = result.message;
    if (result.code === 'invalid-fields' || result.code === 'no-such-transition') throw invalidInput(message, [{ name: result.code === 'invalid-fields' ? 'fields' : 'to', reason: message.en }]);
    throw new DomainError('forbidden', message);
  }
  const now = services.clock.now();
  const today = isoDay(now);
  const next = werkwijze.steps.find((s) => s.id === result.state.stepId);
  if (!next) throw new Error(`step ${result.state.stepId} missing`);
  const closing = next.final === true;
  await closeOpenTasks(tx, row.id, 'done', now.toISOString(), ctx.actor.id);
  await updateCaseStep(tx, { id: row.id, stepId: next.id, phase: next.phase, fields: result.state.fields, status: closing ? 'closed' : 'open', closedAt: closing ? now.toISOString() : null });
  const stopping = result.stoppedTerms.length > 0 ? (await findDeadlines(tx, row.id)).filter((d) => d.metDate === null && result.stoppedTerms.includes(d.termId)) : [];
  await stopTerms(tx, row.id, result.stoppedTerms, today);
  const decided = werkwijze.steps.find((s) => s.id === row.stepId)?.decision !== undefined;
  await emitStepTaken(tx, row, { today, decided, closing, stopped: stopping });
  await appendCaseEvent(tx, row.municipalityCode, row.id, {
    at: now.toISOString(), actorId: ctx.actor.id, kind: closing ? 'closed' : 'transition', fromStep: row.stepId, toStep: next.id,
    // The values go into the journal: what was recorded at this step, shown back on the case page.
    detail: { ...(input.provisionCategories ? { provisionCategories: input.provisionCategories } : {}), fields: Object.keys(input.fields), values: input.fields },
  });
  const routedCaseIds: string[] = [];
  if (closing) {
    await closeRelationsOfCase(tx, row.id, now);
  } else {
    const stepTeam = await teamForRoles(tx, next.roles, row.teamId);
    // The werkwijze hands the next step to its team: the rule of the werkwijze made that relation.
    await involve(tx, row, [stepTeam], now, { createdBy: ctx.actor.id, source: 'werkwijze-rule' });
    await insertTask(tx, row.municipalityCode, {
      id: newId(), caseId: row.id, stepId: next.id, phase: next.phase, title: next.name, roles: next.roles, teamId: stepTeam, accountId: null,
      status: 'open', createdAt: now.toISOString(), doneAt: null, doneBy: null,
    });
    // A term started while the case is still in its melding phase (e.g. the urgent Wgs term,
    // chosen once the intake knows of an eviction) counts from the melding, not from the click.
    await startTerms(tx, row.municipalityCode, row.id, result.startedTerms, row.phase === 'melding' ? row.meldingDate : today);
  }
  if (result.routedCaseType) {
    const target = werkwijze.caseTypes.find((t) => t.id === result.routedCaseType);
    if (target) {
      const routed = await createCase(services, tx, ctx, {
        werkwijze,
        version: row.werkwijzeVersion,
        caseTypeId: target.id,
        purpose: target.law,
        input: { werkwijzeId: row.werkwijzeId, caseTypeId: target.id, subjectBsn: row.subjectBsn, householdBsns: row.householdBsns, meldingDate: row.meldingDate, fields: {} },
        teamId: null,
        parentCaseId: row.id,
      });
      routedCaseIds.push(routed.caseId);
    }
  }
  return { stepId: next.id, status: closing ? 'closed' : 'open', routedCaseIds };
}
