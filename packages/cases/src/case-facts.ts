import { isoDay, sql, type Tx } from '@kern/db';
import { staffNames } from '@kern/identity';
import { findCaseEvents, findCasesOfSubject, findDeadlinesOfCases, type CaseEvent, type CaseRow, type DeadlineRow } from './cases.repository';

/**
 * Case facts for other modules, so that none of them reads the cases tables. Each runs in the
 * caller's transaction after the caller's own access decision about the subject (the portal's
 * citizen check, the household view's per-member decision, insight's learning-session check);
 * row-level security keeps it to the caller's municipality.
 */

export interface SubjectCase {
  case: CaseRow;
  /** the statutory terms of the case, in start order */
  deadlines: DeadlineRow[];
}

/** A resident's cases (own and as a household member), newest first, with their terms. */
export async function casesOfSubject(tx: Tx, bsn: string): Promise<SubjectCase[]> {
  const rows = await findCasesOfSubject(tx, bsn);
  const deadlines = await findDeadlinesOfCases(tx, rows.map((c) => c.id));
  return rows.map((c) => ({ case: c, deadlines: deadlines.get(c.id) ?? [] }));
}

/** The history of one case (steps taken, by whom), oldest first. */
export async function caseHistory(tx: Tx, caseId: string): Promise<CaseEvent[]> {
  return findCaseEvents(tx, caseId);
}

/** The team that works on each case and whom to ask there (the coordinator, else who opened it), by case id. */
export async function caseContacts(tx: Tx, caseIds: readonly string[]): Promise<Map<string, { team: string; contact: string } | null>> {
  if (caseIds.length === 0) return new Map();
  const r = await sql<{ id: string; team_id: string | null; coordinator_id: string | null; opened_by: string | null }>`
    select id, team_id, coordinator_id, opened_by from cases where id = any(${[...caseIds]}::uuid[])`.execute(tx);
  const names = await staffNames(tx, { teams: r.rows.map((c) => c.team_id), staff: r.rows.flatMap((c) => [c.coordinator_id, c.opened_by]) });
  return new Map(
    r.rows.map((c) => {
      const team = c.team_id ? names.teams.get(c.team_id) : undefined;
      const contact = (c.coordinator_id ? names.staff.get(c.coordinator_id) : undefined) ?? (c.opened_by ? names.staff.get(c.opened_by) : undefined);
      return [c.id, team ? { team, contact: contact ?? team } : null];
    }),
  );
}

export interface ClosedCaseRef { id: string; reference: string; caseTypeId: string; law: string; closedOn: string }

/**
 * Closed cases under one law that an actor worked on: the actor's teams' cases, cases the actor
 * coordinates or opened. References, case types and closing dates only: no resident data.
 */
export async function closedCasesWorkedOn(tx: Tx, actor: { municipalityCode: string; id: string; teamIds: readonly string[] }, q: { law: string; limit: number }): Promise<ClosedCaseRef[]> {
  const r = await sql<{ id: string; reference: string; case_type_id: string; purpose: string; closed_at: Date | string }>`
    select id, reference, case_type_id, purpose, closed_at from cases
    where municipality_code = ${actor.municipalityCode} and status = 'closed' and purpose = ${q.law}
      and (team_id = any(${[...actor.teamIds]}::uuid[]) or coordinator_id = ${actor.id}::uuid or opened_by = ${actor.id}::uuid)
    order by closed_at desc nulls last, reference
    limit ${q.limit}`.execute(tx);
  return r.rows.map((c) => ({ id: c.id, reference: c.reference, caseTypeId: c.case_type_id, law: c.purpose, closedOn: isoDay(c.closed_at) }));
}
