import { caseFilesOfResident, type CaseRow } from '@kern/cases';
import { isoDay, type Tx } from '@kern/db';
import { findTeamNames } from '@kern/identity';
import { decisionsForCase, type DecisionOutcome } from '@kern/provisions';
import { computeDeadline, deadlineStatus, definitionOf, statutoryTerms, type Werkwijze } from '@kern/workflows';
import { citizenStatusOf } from './citizen-status';
import type { PortalCase } from './contract';

/**
 * A resident's cases as the portal shows them: where the case is, which statutory terms run and
 * when they end, and the decisions taken with their reasons and the objection term. No staff
 * names, no internal notes: the step names and the law's own words.
 */

// Stored werkwijze versions never change, so a definition read once is good for the process's life.
const definitions = new Map<string, Werkwijze>();

export async function definition(tx: Tx, c: Pick<CaseRow, 'municipalityCode' | 'werkwijzeId' | 'werkwijzeVersion'>): Promise<Werkwijze | undefined> {
  const key = `${c.municipalityCode}:${c.werkwijzeId}@${c.werkwijzeVersion}`;
  const cached = definitions.get(key);
  if (cached) return cached;
  const found = await definitionOf(tx, c.werkwijzeId, c.werkwijzeVersion);
  if (found) definitions.set(key, found);
  return found;
}

export const termText = (termId: string): { nl: string; en: string } =>
  (statutoryTerms as Record<string, { description: { nl: string; en: string } } | undefined>)[termId]?.description ?? { nl: termId, en: termId };

const outcomeLabel: Record<DecisionOutcome, string> = { granted: 'Toegekend', 'partly-granted': 'Gedeeltelijk toegekend', refused: 'Afgewezen' };

/** Awb art. 6:7: six weeks to object, from the day after the decision was made known. */
export function objectionTermEnd(decidedOn: string): string {
  return computeDeadline({ termId: 'awb-bezwaar', start: decidedOn }).due;
}

export async function casesOfPerson(tx: Tx, bsn: string, today: string, options: { decisions: boolean }): Promise<PortalCase[]> {
  const result: PortalCase[] = [];
  const files = await caseFilesOfResident(tx, bsn);
  const teams = await findTeamNames(tx, [...new Set(files.map((f) => f.row.teamId).filter((t): t is string => t !== null))]);
  for (const { row: c, deadlines, history } of files) {
    const w = await definition(tx, c);
    const step = w?.steps.find((s) => s.id === c.stepId);
    const caseType = w?.caseTypes.find((t) => t.id === c.caseTypeId);
    const decisions: PortalCase['decisions'] = [];
    // A recorded beschikking (@kern/provisions) carries its own reasons and objection term; cases
    // decided before decisions were recorded fall back to the decision step in the case history.
    const recorded = options.decisions ? await decisionsForCase(tx, c.id) : [];
    const events = recorded.length > 0 ? await history() : [];
    const isDecisionStep = (id: string | null) => w?.steps.find((s) => s.id === id)?.decision !== undefined;
    for (const d of recorded) {
      // The decision step the case left after this decision, or stands on now.
      const left = events.find((e) => isDecisionStep(e.fromStep) && e.at >= d.createdAt)?.fromStep ?? (isDecisionStep(c.stepId) ? c.stepId : null);
      const stepName = w?.steps.find((s) => s.id === left)?.name ?? 'Besluit';
      decisions.push({ on: d.decidedOn, stepName, outcome: outcomeLabel[d.outcome], reason: d.reasons, objectionUntil: d.objectionUntil });
    }
    if (options.decisions && w && recorded.length === 0) {
      for (const e of await history()) {
        const from = w.steps.find((s) => s.id === e.fromStep);
        if (!from?.decision || !e.toStep) continue;
        const to = w.steps.find((s) => s.id === e.toStep);
        const on = e.at.slice(0, 10);
        const reason = typeof e.detail.reason === 'string' ? e.detail.reason : typeof e.detail.motivering === 'string' ? e.detail.motivering : null;
        decisions.push({ on, stepName: from.name, outcome: to?.name ?? e.toStep, reason, objectionUntil: objectionTermEnd(on) });
      }
    }
    result.push({
      id: c.id,
      reference: c.reference,
      law: c.purpose,
      title: caseType?.name ?? c.caseTypeId,
      phase: c.phase,
      stepName: step?.name ?? c.stepId,
      status: c.status,
      meldingDate: c.meldingDate,
      terms: deadlines.map((d) => ({
        termId: d.termId,
        dueDate: d.dueDate,
        metDate: d.metDate,
        status: deadlineStatus({ due: d.dueDate, today, ...(d.metDate ? { met: d.metDate } : {}) }),
        description: termText(d.termId),
      })),
      decisions,
      citizenStatus: citizenStatusOf(c, w, deadlines, c.teamId ? (teams.get(c.teamId) ?? null) : null),
    });
  }
  return result;
}

export const todayOf = (now: Date): string => isoDay(now);
