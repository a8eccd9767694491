import { authorize, openWorkRelation, purposeSchema, recordAuditEvent, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput, isValidBsn, newId, notFound } from '@kern/kit';
import { activeDefinition, startCase as engineStart, type Werkwijze } from '@kern/workflows';
import { emitCaseStarted } from './case-domain-events';
import { startTerms } from './case-deadlines';
import { appendCaseEvent, insertCase, insertTask, nextCaseReference, teamForRoles, type CaseRow } from './cases.repository';
import type { StartCaseInput } from './contract';

/**
 * Starts a case from a melding on the municipality's active werkwijze: the first task goes to
 * the team that holds the step's role, the statutory terms the first step names start from the
 * melding date, and the team's involvement gives it (and only it) the relation the access
 * policy asks for.
 */
export async function startCaseFromMelding(services: AccessServices, tx: Tx, ctx: AccessContext, input: StartCaseInput): Promise<{ caseId: string; reference: string }> {
  const purpose = requirePurpose(ctx);
  for (const bsn of [input.subjectBsn, ...input.householdBsns]) {
    if (!isValidBsn(bsn)) throw invalidInput({ nl: `${bsn} is geen geldig BSN.`, en: `${bsn} is not a valid BSN.` }, [{ name: 'subjectBsn', reason: '11-test fails' }]);
  }
  const active = await activeDefinition(tx, input.werkwijzeId);
  if (!active) {
    throw notFound({ nl: `Werkwijze ${input.werkwijzeId} is in uw gemeente niet actief.`, en: `Werkwijze ${input.werkwijzeId} is not active in your municipality.` });
  }
  const caseType = active.werkwijze.caseTypes.find((t) => t.id === input.caseTypeId);
  if (!caseType) {
    throw invalidInput({ nl: `De werkwijze kent zaaktype ${input.caseTypeId} niet.`, en: `The werkwijze has no case type ${input.caseTypeId}.` }, [{ name: 'caseTypeId', reason: 'unknown case type' }]);
  }
  if (caseType.law !== purpose) {
    throw new DomainError('forbidden', {
      nl: `Een ${caseType.law}-zaak start u onder het doel ${caseType.law}, niet onder ${purpose} (doelbinding).`,
      en: `A ${caseType.law} case is started under the purpose ${caseType.law}, not ${purpose} (purpose limitation).`,
    });
  }
  await authorize(services, tx, ctx, { resource: 'case', action: 'create', subjectBsn: input.subjectBsn, detail: `melding ${input.werkwijzeId}/${input.caseTypeId}` });
  const teamId = input.teamId ?? ctx.actor.teamIds[0] ?? null;
  if (input.teamId && !ctx.actor.teamIds.includes(input.teamId)) {
    throw new DomainError('forbidden', { nl: 'U kunt een zaak alleen in uw eigen team starten.', en: 'You can only start a case in your own team.' });
  }
  return createCase(services, tx, ctx, { werkwijze: active.werkwijze, version: active.version, caseTypeId: caseType.id, purpose, input, teamId, parentCaseId: null });
}

/** Shared with routing from a front-door intake: no access check here, the caller made one. */
export async function createCase(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  c: {
    werkwijze: Werkwijze; version: number; caseTypeId: string; purpose: string; input: StartCaseInput; teamId: string | null; parentCaseId: string | null;
    /** The day the first step's terms count from when the law names another event than the melding (an objection: Awb 7:10). */
    termsFrom?: string;
  },
): Promise<{ caseId: string; reference: string }> {
  const now = services.clock.now();
  const today = isoDay(now);
  const meldingDate = c.input.meldingDate ?? today;
  if (meldingDate > today) {
    throw invalidInput({ nl: 'Een melding kan niet in de toekomst liggen.', en: 'A melding cannot be in the future.' }, [{ name: 'meldingDate', reason: 'after today' }]);
  }
  const state = engineStart(c.werkwijze, c.caseTypeId, { id: ctx.actor.id, roles: ctx.actor.roles }, c.input.fields);
  const step = c.werkwijze.steps.find((s) => s.id === state.stepId);
  if (!step) throw new Error(`start step ${state.stepId} missing from werkwijze ${c.werkwijze.id}`);
  const caseId = newId();
  const reference = await nextCaseReference(tx, ctx.actor.municipalityCode, now.getUTCFullYear());
  const row: CaseRow = {
    id: caseId,
    municipalityCode: ctx.actor.municipalityCode,
    reference,
    werkwijzeId: c.werkwijze.id,
    werkwijzeVersion: c.version,
    caseTypeId: c.caseTypeId,
    purpose: c.purpose,
    subjectBsn: c.input.subjectBsn,
    householdBsns: c.input.householdBsns,
    teamId: c.teamId,
    // A citizen starting a case from the portal is never its coordinator: staff take that up.
    coordinatorId: c.purpose === 'integraal' && ctx.actor.kind === 'staff' ? ctx.actor.id : null,
    stepId: step.id,
    phase: step.phase,
    fields: state.fields,
    status: 'open',
    meldingDate,
    openedAt: now.toISOString(),
    openedBy: ctx.actor.id,
    closedAt: null,
    parentCaseId: c.parentCaseId,
  };
  await insertCase(tx, row);
  const stepTeam = await teamForRoles(tx, step.roles, c.teamId);
  // A case routed from another by the werkwijze is a referral; otherwise the case itself made the relation.
  await involve(tx, row, [c.teamId, stepTeam], now, { createdBy: ctx.actor.id, source: c.parentCaseId ? 'referral' : 'case' });
  await insertTask(tx, row.municipalityCode, {
    id: newId(), caseId, stepId: step.id, phase: step.phase, title: step.name, roles: step.roles, teamId: stepTeam, accountId: null,
    status: 'open', createdAt: now.toISOString(), doneAt: null, doneBy: null,
  });
  await startTerms(tx, row.municipalityCode, caseId, step.deadlines?.starts ?? [], c.termsFrom ?? meldingDate);
  await emitCaseStarted(tx, row);
  await appendCaseEvent(tx, row.municipalityCode, caseId, {
    at: now.toISOString(), actorId: ctx.actor.id, kind: c.parentCaseId ? 'routed' : 'started', fromStep: null, toStep: step.id,
    detail: { werkwijze: `${c.werkwijze.id}@${c.version}`, caseType: c.caseTypeId, meldingDate, ...(c.parentCaseId ? { parentCaseId: c.parentCaseId } : {}), values: c.input.fields },
  });
  if (c.parentCaseId) {
    await recordAuditEvent(tx, row.municipalityCode, now, ctx.actor, {
      purpose: c.purpose, action: 'create', resource: 'case', subjectBsn: row.subjectBsn, outcome: 'allowed',
      reason: `routed from case ${c.parentCaseId} by the werkwijze ${c.werkwijze.id}`, legalBasis: 'Integrale toegang: doorverwijzing volgens de werkwijze',
    });
  }
  return { caseId, reference };
}

/**
 * The teams working on a case get a relation with everyone the case is about; the coordinator of
 * an integral case gets the coordinator relation personally. Each relation records what made it.
 */
export async function involve(tx: Tx, c: CaseRow, teamIds: (string | null)[], at: Date, made: { createdBy: string; source: 'case' | 'referral' | 'werkwijze-rule' }): Promise<void> {
  const teams = [...new Set(teamIds.filter((t): t is string => t !== null))];
  const purpose = purposeSchema.parse(c.purpose);
  for (const bsn of [c.subjectBsn, ...c.householdBsns]) {
    const base = { municipalityCode: c.municipalityCode, subjectBsn: bsn, purpose, reason: `zaak ${c.reference}`, openedAt: at, caseId: c.id, createdBy: made.createdBy };
    for (const teamId of teams) {
      await openWorkRelation(tx, { ...base, id: newId(), kind: 'case', accountId: null, teamId, source: made.source });
    }
    if (purpose === 'integraal' && c.coordinatorId) {
      await openWorkRelation(tx, { ...base, id: newId(), kind: 'coordinator', accountId: c.coordinatorId, teamId: null, source: 'coordinator-assignment' });
    }
  }
}
