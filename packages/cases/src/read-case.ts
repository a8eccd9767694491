import { recordAccess, type AccessContext, type AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { availableTransitions, corePhases } from '@kern/workflows';
import { withStatus } from './case-deadlines';
import { caseJournal } from './case-journal';
import { findCaseEvents, findDeadlines, findTasks } from './cases.repository';
import type { CaseDetail } from './contract';
import { loadCaseFor, stateOf } from './advance-case';

/** The case page: phase bar, current step, tasks, deadlines with status, what the actor can do next, history. */
export async function readCase(services: AccessServices, tx: Tx, ctx: AccessContext, caseId: string): Promise<CaseDetail> {
  const { row, werkwijze, grant } = await loadCaseFor(services, tx, ctx, caseId, 'read');
  // The page names the other household members too: each of them has been looked at.
  const others = row.householdBsns.filter((bsn) => bsn !== row.subjectBsn);
  await recordAccess(services, tx, ctx, grant, others.map((bsn) => ({ resource: 'case' as const, action: 'read' as const, subjectBsn: bsn, detail: `household member in case ${row.reference}` })));
  const today = isoDay(services.clock.now());
  const step = werkwijze.steps.find((s) => s.id === row.stepId);
  const skipped = new Set(werkwijze.skippedPhases?.map((p) => p.phase) ?? []);
  const currentIndex = corePhases.indexOf(row.phase as (typeof corePhases)[number]);
  const history = await findCaseEvents(tx, row.id);
  const state = await stateOf(tx, row, history);
  return {
    case: {
      id: row.id,
      reference: row.reference,
      werkwijzeId: row.werkwijzeId,
      werkwijzeVersion: row.werkwijzeVersion,
      caseTypeId: row.caseTypeId,
      purpose: row.purpose,
      subjectBsn: row.subjectBsn,
      householdBsns: row.householdBsns,
      stepId: row.stepId,
      stepName: step?.name ?? row.stepId,
      phase: row.phase,
      status: row.status,
      meldingDate: row.meldingDate,
      openedAt: row.openedAt,
      closedAt: row.closedAt,
      parentCaseId: row.parentCaseId,
      fields: row.fields,
    },
    phases: corePhases.map((phase, i) => ({
      phase,
      state: skipped.has(phase) ? 'skipped' : row.status === 'closed' || i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'todo',
    })),
    tasks: (await findTasks(tx, row.id)).map((t) => ({ id: t.id, stepId: t.stepId, title: t.title, roles: t.roles, teamId: t.teamId, status: t.status, createdAt: t.createdAt, doneAt: t.doneAt })),
    deadlines: (await findDeadlines(tx, row.id)).map((d) => {
      const { id: _id, caseId: _c, ...rest } = withStatus(d, today);
      return rest;
    }),
    transitions: row.status === 'open' ? availableTransitions(werkwijze, state, { id: ctx.actor.id, roles: ctx.actor.roles }) : [],
    // The values live in the journal; history keeps its shape.
    history: history.map(({ detail: { values: _values, ...detail }, ...event }) => ({ ...event, detail })),
    // Read under the same grant and audit entry as the case itself.
    journal: caseJournal(werkwijze, history, row.fields),
  };
}
