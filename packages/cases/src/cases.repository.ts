import { isoDay, sql, type Tx } from '@kern/db';
import { staffNames, teamWithRole } from '@kern/identity';

export interface CaseRow {
  id: string;
  municipalityCode: string;
  reference: string;
  werkwijzeId: string;
  werkwijzeVersion: number;
  caseTypeId: string;
  purpose: string;
  subjectBsn: string;
  householdBsns: string[];
  teamId: string | null;
  coordinatorId: string | null;
  stepId: string;
  phase: string;
  fields: Record<string, unknown>;
  status: 'open' | 'closed';
  meldingDate: string;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  parentCaseId: string | null;
}

interface RawCase {
  id: string; municipality_code: string; reference: string; werkwijze_id: string; werkwijze_version: number; case_type_id: string;
  purpose: string; subject_bsn: string; household_bsns: string[]; team_id: string | null; coordinator_id: string | null; step_id: string;
  phase: string; fields: Record<string, unknown> | string; status: 'open' | 'closed'; melding_date: string | Date; opened_at: Date; opened_by: string;
  closed_at: Date | null; parent_case_id: string | null;
}

const toCase = (r: RawCase): CaseRow => ({
  id: r.id,
  municipalityCode: r.municipality_code,
  reference: r.reference,
  werkwijzeId: r.werkwijze_id,
  werkwijzeVersion: Number(r.werkwijze_version),
  caseTypeId: r.case_type_id,
  purpose: r.purpose,
  subjectBsn: r.subject_bsn,
  householdBsns: r.household_bsns,
  teamId: r.team_id,
  coordinatorId: r.coordinator_id,
  stepId: r.step_id,
  phase: r.phase,
  fields: typeof r.fields === 'string' ? (JSON.parse(r.fields) as Record<string, unknown>) : r.fields,
  status: r.status,
  meldingDate: isoDay(r.melding_date),
  openedAt: new Date(r.opened_at).toISOString(),
  openedBy: r.opened_by,
  closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  parentCaseId: r.parent_case_id,
});

/** Atomic per municipality and year: concurrent starts on several instances never collide. */
export async function nextCaseReference(tx: Tx, municipalityCode: string, year: number): Promise<string> {
  const r = await sql<{ last: number }>`insert into case_reference_counters (municipality_code, year, last) values (${municipalityCode}, ${year}, 1)
    on conflict (municipality_code, year) do update set last = case_reference_counters.last + 1 returning last`.execute(tx);
  return `Z-${year}-${String(r.rows[0]?.last ?? 1).padStart(6, '0')}`;
}

export async function insertCase(tx: Tx, c: CaseRow): Promise<void> {
  await sql`insert into cases (id, municipality_code, reference, werkwijze_id, werkwijze_version, case_type_id, purpose, subject_bsn, household_bsns,
      team_id, coordinator_id, step_id, phase, fields, status, melding_date, opened_at, opened_by, parent_case_id)
    values (${c.id}, ${c.municipalityCode}, ${c.reference}, ${c.werkwijzeId}, ${c.werkwijzeVersion}, ${c.caseTypeId}, ${c.purpose}, ${c.subjectBsn},
      ${c.householdBsns}::text[], ${c.teamId}, ${c.coordinatorId}, ${c.stepId}, ${c.phase}, ${JSON.stringify(c.fields)}::jsonb, ${c.status},
      ${c.meldingDate}, ${c.openedAt}, ${c.openedBy}, ${c.parentCaseId})`.execute(tx);
}

export async function findCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  const r = await sql<RawCase>`select * from cases where id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toCase(r.rows[0]) : undefined;
}

export async function findCasesOfSubject(tx: Tx, bsn: string): Promise<CaseRow[]> {
  const r = await sql<RawCase>`select * from (
      -- Two branches, so each uses its own index (an OR over both made the planner scan every case).
      -- The household branch goes through case_household_members (migration 0060): array
      -- containment on cases.household_bsns cannot use its index under row-level security.
      select * from cases where subject_bsn = ${bsn}
      union all
      select c.* from case_household_members h join cases c on c.id = h.case_id
        where h.bsn = ${bsn}::text and c.subject_bsn <> ${bsn}
    ) c order by opened_at desc`.execute(tx);
  return r.rows.map(toCase);
}

export async function updateCaseStep(
  tx: Tx,
  c: { id: string; stepId: string; phase: string; fields: Record<string, unknown>; status: 'open' | 'closed'; closedAt: string | null; werkwijzeVersion?: number },
): Promise<void> {
  await sql`update cases set step_id = ${c.stepId}, phase = ${c.phase}, fields = ${JSON.stringify(c.fields)}::jsonb, status = ${c.status},
      closed_at = ${c.closedAt}, werkwijze_version = coalesce(${c.werkwijzeVersion ?? null}::int, werkwijze_version)
    where id = ${c.id}::uuid`.execute(tx);
}

export interface TaskRow {
  id: string;
  caseId: string;
  stepId: string;
  phase: string;
  title: string;
  roles: string[];
  teamId: string | null;
  accountId: string | null;
  status: 'open' | 'done' | 'cancelled';
  createdAt: string;
  doneAt: string | null;
  doneBy: string | null;
}

export async function insertTask(tx: Tx, municipalityCode: string, t: TaskRow): Promise<void> {
  await sql`insert into case_tasks (id, municipality_code, case_id, step_id, phase, title, roles, team_id, account_id, status, created_at)
    values (${t.id}, ${municipalityCode}, ${t.caseId}, ${t.stepId}, ${t.phase}, ${t.title}, ${t.roles}::text[], ${t.teamId}, ${t.accountId}, 'open', ${t.createdAt})`.execute(tx);
}

export async function closeOpenTasks(tx: Tx, caseId: string, status: 'done' | 'cancelled', at: string, by: string): Promise<void> {
  await sql`update case_tasks set status = ${status}, done_at = ${at}, done_by = ${by} where case_id = ${caseId}::uuid and status = 'open'`.execute(tx);
}

export async function findTasks(tx: Tx, caseId: string): Promise<TaskRow[]> {
  const r = await sql<{ id: string; case_id: string; step_id: string; phase: string; title: string; roles: string[]; team_id: string | null; account_id: string | null; status: TaskRow['status']; created_at: Date; done_at: Date | null; done_by: string | null }>`
    select * from case_tasks where case_id = ${caseId}::uuid order by created_at`.execute(tx);
  return r.rows.map((t) => ({
    id: t.id, caseId: t.case_id, stepId: t.step_id, phase: t.phase, title: t.title, roles: t.roles, teamId: t.team_id, accountId: t.account_id,
    status: t.status, createdAt: new Date(t.created_at).toISOString(), doneAt: t.done_at ? new Date(t.done_at).toISOString() : null, doneBy: t.done_by,
  }));
}

export interface DeadlineRow {
  id: string;
  caseId: string;
  termId: string;
  startDate: string;
  dueDate: string;
  metDate: string | null;
  suspendedDays: number;
  explanation: string[];
}

export async function insertDeadline(tx: Tx, municipalityCode: string, d: DeadlineRow): Promise<void> {
  await sql`insert into case_deadlines (id, municipality_code, case_id, term_id, start_date, due_date, suspended_days, explanation)
    values (${d.id}, ${municipalityCode}, ${d.caseId}, ${d.termId}, ${d.startDate}, ${d.dueDate}, ${d.suspendedDays}, ${JSON.stringify(d.explanation)}::jsonb)`.execute(tx);
}

export async function meetDeadlines(tx: Tx, caseId: string, termIds: string[], on: string): Promise<void> {
  if (termIds.length === 0) return;
  await sql`update case_deadlines set met_date = ${on} where case_id = ${caseId}::uuid and met_date is null and term_id = any(${termIds}::text[])`.execute(tx);
}

export async function updateDeadlineSuspensions(
  tx: Tx,
  d: { id: string; dueDate: string; suspendedDays: number; explanation: string[]; suspensions: { from: string; to: string; ground: string }[] },
): Promise<void> {
  await sql`update case_deadlines set due_date = ${d.dueDate}, suspended_days = ${d.suspendedDays}, explanation = ${JSON.stringify(d.explanation)}::jsonb,
      suspensions = ${JSON.stringify(d.suspensions)}::jsonb
    where id = ${d.id}::uuid`.execute(tx);
}

export async function findDeadlineSuspensions(tx: Tx, id: string): Promise<{ from: string; to: string; ground: string }[]> {
  const r = await sql<{ suspensions: { from: string; to: string; ground: string }[] | string }>`select suspensions from case_deadlines where id = ${id}::uuid`.execute(tx);
  const raw = r.rows[0]?.suspensions ?? [];
  return typeof raw === 'string' ? (JSON.parse(raw) as { from: string; to: string; ground: string }[]) : raw;
}

interface RawDeadline { id: string; case_id: string; term_id: string; start_date: string | Date; due_date: string | Date; met_date: string | Date | null; suspended_days: number; explanation: string[] | string }
const toDeadline = (d: RawDeadline): DeadlineRow => ({
  id: d.id, caseId: d.case_id, termId: d.term_id, startDate: isoDay(d.start_date), dueDate: isoDay(d.due_date), metDate: isoDay(d.met_date), suspendedDays: Number(d.suspended_days),
  explanation: typeof d.explanation === 'string' ? (JSON.parse(d.explanation) as string[]) : d.explanation,
});

export async function findDeadlines(tx: Tx, caseId: string): Promise<DeadlineRow[]> {
  const r = await sql<RawDeadline>`
    select * from case_deadlines where case_id = ${caseId}::uuid order by start_date, term_id`.execute(tx);
  return r.rows.map(toDeadline);
}

/** The deadlines of several cases in one statement (a list of cases, not one query per case), each case's in findDeadlines order. */
export async function findDeadlinesOfCases(tx: Tx, caseIds: string[]): Promise<Map<string, DeadlineRow[]>> {
  const byCase = new Map<string, DeadlineRow[]>();
  if (caseIds.length === 0) return byCase;
  const r = await sql<RawDeadline>`
    select * from case_deadlines where case_id = any(${caseIds}::uuid[]) order by case_id, start_date, term_id`.execute(tx);
  for (const d of r.rows.map(toDeadline)) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d]);
  return byCase;
}

export interface CaseEvent {
  seq: number;
  at: string;
  actorId: string;
  actorName?: string;
  kind: string;
  fromStep: string | null;
  toStep: string | null;
  detail: Record<string, unknown>;
}

export async function appendCaseEvent(tx: Tx, municipalityCode: string, caseId: string, e: Omit<CaseEvent, 'seq' | 'actorName'>): Promise<void> {
  await sql`insert into case_events (municipality_code, case_id, seq, at, actor_id, kind, from_step, to_step, detail)
    select ${municipalityCode}, ${caseId}, coalesce(max(seq), 0) + 1, ${e.at}, ${e.actorId}, ${e.kind}, ${e.fromStep}, ${e.toStep}, ${JSON.stringify(e.detail)}::jsonb
    from case_events where case_id = ${caseId}::uuid`.execute(tx);
}

export async function findCaseEvents(tx: Tx, caseId: string): Promise<CaseEvent[]> {
  const r = await sql<{ seq: number; at: Date; actor_id: string; kind: string; from_step: string | null; to_step: string | null; detail: Record<string, unknown> | string }>`
    select e.seq, e.at, e.actor_id, e.kind, e.from_step, e.to_step, e.detail
    from case_events e where e.case_id = ${caseId}::uuid order by e.seq`.execute(tx);
  // Who took each step, by name: identity's staff directory, not its tables.
  const names = (await staffNames(tx, { staff: r.rows.map((e) => e.actor_id) })).staff;
  return r.rows.map((e) => {
    const actorName = names.get(e.actor_id);
    return {
      seq: Number(e.seq), at: new Date(e.at).toISOString(), actorId: e.actor_id, ...(actorName ? { actorName } : {}), kind: e.kind,
      fromStep: e.from_step, toStep: e.to_step, detail: typeof e.detail === 'string' ? (JSON.parse(e.detail) as Record<string, unknown>) : e.detail,
    };
  });
}

/** The team that takes a step: the case's own team if one of its members holds a role for it, else the first such team. */
export async function teamForRoles(tx: Tx, roles: string[], preferredTeamId: string | null): Promise<string | null> {
  return teamWithRole(tx, roles, preferredTeamId);
}

export interface WorklistRow {
  taskId: string;
  caseId: string;
  reference: string;
  caseTypeId: string;
  purpose: string;
  stepId: string;
  phase: string;
  title: string;
  teamId: string | null;
  accountId: string | null;
  createdAt: string;
  dueDate: string | null;
  termId: string | null;
}

/** Copies the case's nearest open statutory deadline onto its open task (what the worklist sorts on). */
export async function refreshTaskDeadline(tx: Tx, caseId: string): Promise<void> {
  await sql`update case_tasks t set due_date = d.due_date, term_id = d.term_id
    from (select (select due_date from case_deadlines where case_id = ${caseId}::uuid and met_date is null order by due_date limit 1) as due_date,
                 (select term_id from case_deadlines where case_id = ${caseId}::uuid and met_date is null order by due_date limit 1) as term_id) d
    where t.case_id = ${caseId}::uuid and t.status = 'open'`.execute(tx);
}

/**
 * Open tasks, nearest statutory deadline first. One team's list is one ordered index scan
 * (case_tasks_team_worklist) plus a primary-key lookup per row shown; the deadline status is
 * derived from the due date by the caller.
 */
export async function findWorklist(tx: Tx, q: { municipalityCode: string; teamIds: string[]; accountId?: string; roles?: readonly string[]; limit: number }): Promise<WorklistRow[]> {
  // "Mijn taken": only tasks of a role the person holds (a task that names no role is anyone's in the team).
  const fits = q.roles ? sql`and (cardinality(t.roles) = 0 or t.roles && ${q.roles}::text[])` : sql``;
  const who = q.accountId
    ? sql`(t.account_id = ${q.accountId}::uuid or (t.account_id is null and t.team_id = any(${q.teamIds}::uuid[])))`
    : q.teamIds.length === 1
      ? sql`t.team_id = ${q.teamIds[0]}::uuid`
      : sql`t.team_id = any(${q.teamIds}::uuid[])`;
  const r = await sql<{ task_id: string; case_id: string; reference: string; case_type_id: string; purpose: string; step_id: string; phase: string; title: string; team_id: string | null; account_id: string | null; created_at: Date; due_date: string | Date | null; term_id: string | null }>`
    select t.id as task_id, t.case_id, c.reference, c.case_type_id, c.purpose, t.step_id, t.phase, t.title, t.team_id, t.account_id, t.created_at,
      t.due_date, t.term_id
    from case_tasks t
    join cases c on c.id = t.case_id
    where t.status = 'open' and ${who} ${fits}
      -- Stated explicitly although row-level security implies it: the planner cannot see
      -- through current_setting(), and with the literal it walks the worklist index in order.
      and t.municipality_code = ${q.municipalityCode} and c.municipality_code = ${q.municipalityCode}
    order by t.due_date nulls last, t.created_at
    limit ${q.limit}`.execute(tx);
  return r.rows.map((w) => ({
    taskId: w.task_id, caseId: w.case_id, reference: w.reference, caseTypeId: w.case_type_id, purpose: w.purpose, stepId: w.step_id, phase: w.phase,
    title: w.title, teamId: w.team_id, accountId: w.account_id, createdAt: new Date(w.created_at).toISOString(), dueDate: isoDay(w.due_date), termId: w.term_id,
  }));
}

export interface MemberCaseRow {
  id: string; reference: string; caseTypeId: string; purpose: string; subjectBsn: string; stepId: string; phase: string; status: 'open' | 'closed';
  meldingDate: string; closedOn: string | null; teamName: string | null; contact: string | null;
}

/** The cases of these members under these purposes (`<bsn>:<purpose>` pairs), newest melding first; one indexed query per household. */
export async function findCasesOfMembers(tx: Tx, q: { municipalityCode: string; bsns: string[]; pairs: string[] }): Promise<MemberCaseRow[]> {
  const r = await sql<{
    id: string; reference: string; case_type_id: string; purpose: string; subject_bsn: string; step_id: string; phase: string; status: 'open' | 'closed';
    melding_date: string | Date; closed_at: Date | null; team_id: string | null; coordinator_id: string | null; opened_by: string | null;
  }>`
    select c.id, c.reference, c.case_type_id, c.purpose, c.subject_bsn, c.step_id, c.phase, c.status, c.melding_date, c.closed_at,
      c.team_id, c.coordinator_id, c.opened_by
    from cases c
    where c.municipality_code = ${q.municipalityCode} and c.subject_bsn = any(${q.bsns}::char(9)[])
      and (c.subject_bsn || ':' || c.purpose) = any(${q.pairs}::text[])
    order by c.melding_date desc, c.reference`.execute(tx);
  // Team and contact names come from identity's staff directory: one query for the whole household.
  const names = await staffNames(tx, { teams: r.rows.map((c) => c.team_id), staff: r.rows.flatMap((c) => [c.coordinator_id, c.opened_by]) });
  const nameOf = (id: string | null) => (id ? names.staff.get(id) ?? null : null);
  return r.rows.map((c) => ({
    id: c.id, reference: c.reference, caseTypeId: c.case_type_id, purpose: c.purpose, subjectBsn: c.subject_bsn, stepId: c.step_id, phase: c.phase, status: c.status,
    meldingDate: isoDay(c.melding_date), closedOn: c.closed_at ? isoDay(c.closed_at) : null,
    teamName: c.team_id ? names.teams.get(c.team_id) ?? null : null, contact: nameOf(c.coordinator_id) ?? nameOf(c.opened_by),
  }));
}

export interface OpenTaskRow { id: string; caseId: string; teamId: string | null; accountId: string | null; roles: string[] }

/** An open task of the tenant (row-level security keeps other municipalities' tasks out), locked for its assignment. */
export async function findOpenTaskForUpdate(tx: Tx, taskId: string): Promise<OpenTaskRow | null> {
  const r = await sql<{ id: string; case_id: string; team_id: string | null; account_id: string | null; roles: string[] }>`
    select id, case_id, team_id, account_id, roles from case_tasks where id = ${taskId}::uuid and status = 'open' for update`.execute(tx);
  const t = r.rows[0];
  return t ? { id: t.id, caseId: t.case_id, teamId: t.team_id, accountId: t.account_id, roles: t.roles } : null;
}

export async function setTaskAccount(tx: Tx, taskId: string, accountId: string | null): Promise<void> {
  await sql`update case_tasks set account_id = ${accountId}::uuid where id = ${taskId}::uuid and status = 'open'`.execute(tx);
}
