import { sql, type Tx } from '@kern/db';
import { staffNames } from '@kern/identity';
import type { PlanAgreement, PlanContent } from './contract';

export interface PlanRow {
  id: string;
  municipalityCode: string;
  anchorBsn: string;
  coordinatorId: string;
  coordinatorName: string;
  teamId: string | null;
  status: 'open' | 'closed';
  createdAt: string;
}

export interface PlanVersionRow {
  version: number;
  content: PlanContent;
  changeNote: string | null;
  createdAt: string;
  agreedAt: string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export async function insertPlan(tx: Tx, p: Omit<PlanRow, 'coordinatorName'>, createdBy: string, members: { bsn: string; name: string }[]): Promise<void> {
  await sql`insert into plans (id, municipality_code, anchor_bsn, coordinator_id, team_id, status, created_at, created_by)
    values (${p.id}, ${p.municipalityCode}, ${p.anchorBsn}, ${p.coordinatorId}, ${p.teamId}, ${p.status}, ${p.createdAt}, ${createdBy})`.execute(tx);
  for (const m of members) {
    await sql`insert into plan_members (municipality_code, plan_id, bsn, name) values (${p.municipalityCode}, ${p.id}, ${m.bsn}, ${m.name})`.execute(tx);
  }
}

/** Members already in another open plan: one household, one plan. */
export async function membersInOpenPlans(tx: Tx, bsns: string[]): Promise<string[]> {
  const r = await sql<{ bsn: string }>`select bsn from plan_members where active and bsn = any(${bsns}::char(9)[])`.execute(tx);
  return r.rows.map((x) => x.bsn);
}

interface RawPlan { id: string; municipality_code: string; anchor_bsn: string; coordinator_id: string; team_id: string | null; status: 'open' | 'closed'; created_at: Date }
const toPlan = (r: RawPlan, coordinatorNames: Map<string, string>): PlanRow => ({
  id: r.id, municipalityCode: r.municipality_code, anchorBsn: r.anchor_bsn, coordinatorId: r.coordinator_id, coordinatorName: coordinatorNames.get(r.coordinator_id) ?? '',
  teamId: r.team_id, status: r.status, createdAt: new Date(r.created_at).toISOString(),
});
/** The coordinators' names come from identity's staff directory, not its tables. */
const coordinatorNamesOf = async (tx: Tx, rows: readonly RawPlan[]): Promise<Map<string, string>> =>
  (await staffNames(tx, { staff: rows.map((r) => r.coordinator_id) })).staff;

export async function findPlan(tx: Tx, id: string): Promise<PlanRow | undefined> {
  const r = await sql<RawPlan>`select p.* from plans p where p.id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toPlan(r.rows[0], await coordinatorNamesOf(tx, r.rows)) : undefined;
}

export async function findPlanOfMember(tx: Tx, bsn: string): Promise<PlanRow | undefined> {
  const r = await sql<RawPlan>`select p.* from plan_members m join plans p on p.id = m.plan_id
    where m.bsn = ${bsn} and m.active order by p.created_at desc limit 1`.execute(tx);
  return r.rows[0] ? toPlan(r.rows[0], await coordinatorNamesOf(tx, r.rows)) : undefined;
}

export async function findPlanMembers(tx: Tx, planId: string): Promise<{ bsn: string; name: string }[]> {
  const r = await sql<{ bsn: string; name: string }>`select bsn, name from plan_members where plan_id = ${planId}::uuid and active order by name`.execute(tx);
  return r.rows;
}

interface RawVersion { version: number; content: PlanContent | string; change_note: string | null; created_at: Date; agreed_at: Date | null }
const toVersion = (r: RawVersion): PlanVersionRow => ({
  version: Number(r.version), content: json(r.content), changeNote: r.change_note, createdAt: new Date(r.created_at).toISOString(), agreedAt: iso(r.agreed_at),
});

export async function findPlanVersions(tx: Tx, planId: string): Promise<PlanVersionRow[]> {
  const r = await sql<RawVersion>`select version, content, change_note, created_at, agreed_at from plan_versions where plan_id = ${planId}::uuid order by version`.execute(tx);
  return r.rows.map(toVersion);
}

/** Locks the plan's latest version, so two drafts or agreements at once cannot both win. */
export async function latestPlanVersionForUpdate(tx: Tx, planId: string): Promise<PlanVersionRow | undefined> {
  await sql`select id from plans where id = ${planId}::uuid for update`.execute(tx);
  const r = await sql<RawVersion>`select version, content, change_note, created_at, agreed_at from plan_versions where plan_id = ${planId}::uuid order by version desc limit 1`.execute(tx);
  return r.rows[0] ? toVersion(r.rows[0]) : undefined;
}

export async function insertPlanVersion(tx: Tx, municipalityCode: string, planId: string, v: { version: number; content: PlanContent; changeNote: string | null; createdAt: string; createdBy: string }): Promise<void> {
  await sql`insert into plan_versions (municipality_code, plan_id, version, content, change_note, created_at, created_by)
    values (${municipalityCode}, ${planId}, ${v.version}, ${JSON.stringify(v.content)}::jsonb, ${v.changeNote}, ${v.createdAt}, ${v.createdBy})`.execute(tx);
}

/** Only a draft can be rewritten; the database refuses it for an agreed version (0018_plans.sql). */
export async function updateDraftVersion(tx: Tx, planId: string, version: number, content: PlanContent, changeNote: string | null): Promise<void> {
  await sql`update plan_versions set content = ${JSON.stringify(content)}::jsonb, change_note = ${changeNote}
    where plan_id = ${planId}::uuid and version = ${version}`.execute(tx);
}

export async function markVersionAgreed(tx: Tx, planId: string, version: number, at: string): Promise<void> {
  await sql`update plan_versions set agreed_at = ${at} where plan_id = ${planId}::uuid and version = ${version}`.execute(tx);
}

export async function insertAgreement(
  tx: Tx,
  a: { id: string; municipalityCode: string; planId: string; version: number; agreedAt: string; partyBsn: string; partyName: string; partyRole: string; method: string; recordedByKind: string; recordedById: string },
): Promise<void> {
  await sql`insert into plan_agreements (id, municipality_code, plan_id, version, agreed_at, party_bsn, party_name, party_role, method, recorded_by_kind, recorded_by_id)
    values (${a.id}, ${a.municipalityCode}, ${a.planId}, ${a.version}, ${a.agreedAt}, ${a.partyBsn}, ${a.partyName}, ${a.partyRole}, ${a.method}, ${a.recordedByKind}, ${a.recordedById})`.execute(tx);
}

export async function insertChangeRequest(tx: Tx, c: { id: string; municipalityCode: string; planId: string; basedOnVersion: number; requestedAt: string; requestedByBsn: string; request: string }): Promise<void> {
  await sql`insert into plan_change_requests (id, municipality_code, plan_id, based_on_version, requested_at, requested_by_bsn, request)
    values (${c.id}, ${c.municipalityCode}, ${c.planId}, ${c.basedOnVersion}, ${c.requestedAt}, ${c.requestedByBsn}, ${c.request})`.execute(tx);
}

/** A new version answers the open change requests. */
export async function answerChangeRequests(tx: Tx, planId: string, version: number): Promise<void> {
  await sql`update plan_change_requests set answered_version = ${version} where plan_id = ${planId}::uuid and answered_version is null`.execute(tx);
}

/** A plan's parts, aggregated as JSON in one statement (see planPartsColumns). */
export interface RawPlanParts {
  members: { bsn: string; name: string }[] | string;
  versions: { version: number; content: PlanContent; change_note: string | null; created_at: string; agreed_at: string | null }[] | string;
  agreements: { version: number; agreed_at: string; party_bsn: string; party_name: string; party_role: PlanAgreement['partyRole']; method: PlanAgreement['method']; recorded_by_kind: string }[] | string;
  change_requests: { id: string; based_on_version: number; requested_at: string; requested_by_bsn: string; request: string; answered_version: number | null }[] | string;
}

/**
 * The select list for a plan's members, versions, agreements and change requests, each a JSON
 * array in the order the one-by-one reads used; `planId` names the plan id column of the outer
 * query. One round trip instead of four.
 */
export const planPartsColumns = (planId: string) => {
  const id = sql.raw(planId);
  return sql`
      coalesce((select json_agg(json_build_object('bsn', pm.bsn, 'name', pm.name) order by pm.name)
        from plan_members pm where pm.plan_id = ${id} and pm.active), '[]'::json) as members,
      coalesce((select json_agg(json_build_object('version', v.version, 'content', v.content, 'change_note', v.change_note,
          'created_at', v.created_at, 'agreed_at', v.agreed_at) order by v.version)
        from plan_versions v where v.plan_id = ${id}), '[]'::json) as versions,
      coalesce((select json_agg(json_build_object('version', a.version, 'agreed_at', a.agreed_at, 'party_bsn', a.party_bsn,
          'party_name', a.party_name, 'party_role', a.party_role, 'method', a.method, 'recorded_by_kind', a.recorded_by_kind) order by a.agreed_at)
        from plan_agreements a where a.plan_id = ${id}), '[]'::json) as agreements,
      coalesce((select json_agg(json_build_object('id', c.id, 'based_on_version', c.based_on_version, 'requested_at', c.requested_at,
          'requested_by_bsn', c.requested_by_bsn, 'request', c.request, 'answered_version', c.answered_version) order by c.requested_at)
        from plan_change_requests c where c.plan_id = ${id}), '[]'::json) as change_requests`;
};

export interface PlanParts {
  members: { bsn: string; name: string }[];
  versions: PlanVersionRow[];
  agreements: PlanAgreement[];
  changeRequests: { id: string; basedOnVersion: number; requestedAt: string; requestedByBsn: string; request: string; answeredVersion: number | null }[];
}

const isoOf = (d: Date | string): string => new Date(d).toISOString();

export function toPlanParts(row: RawPlanParts): PlanParts {
  return {
    members: json(row.members),
    versions: json(row.versions).map((v) => ({
      version: Number(v.version), content: json(v.content), changeNote: v.change_note, createdAt: isoOf(v.created_at), agreedAt: v.agreed_at === null ? null : isoOf(v.agreed_at),
    })),
    agreements: json(row.agreements).map((a): PlanAgreement => ({
      version: Number(a.version), agreedAt: isoOf(a.agreed_at), partyBsn: a.party_bsn, partyName: a.party_name, partyRole: a.party_role, method: a.method, recordedByKind: a.recorded_by_kind,
    })),
    changeRequests: json(row.change_requests).map((c) => ({
      id: c.id, basedOnVersion: Number(c.based_on_version), requestedAt: isoOf(c.requested_at), requestedByBsn: c.requested_by_bsn, request: c.request,
      answeredVersion: c.answered_version === null ? null : Number(c.answered_version),
    })),
  };
}

/** One plan's parts in one statement. */
export async function findPlanParts(tx: Tx, planId: string): Promise<PlanParts> {
  const r = await sql<RawPlanParts>`select ${planPartsColumns('f.id')} from (select ${planId}::uuid as id) f`.execute(tx);
  const row = r.rows[0];
  if (!row) throw new Error('findPlanParts: no row');
  return toPlanParts(row);
}

/** The household view's query: every open plan any of these residents belongs to, with its parts. */
export async function findPlansWithPartsOfMembers(tx: Tx, bsns: string[]): Promise<{ row: PlanRow; parts: PlanParts }[]> {
  if (bsns.length === 0) return [];
  const r = await sql<RawPlan & RawPlanParts>`
    with found as (
      select distinct p.id from plan_members m join plans p on p.id = m.plan_id
      where m.bsn = any(${bsns}::char(9)[]) and m.active
    )
    select p.*, ${planPartsColumns('p.id')}
    from found f join plans p on p.id = f.id`.execute(tx);
  const names = await coordinatorNamesOf(tx, r.rows);
  return r.rows.map((x) => ({ row: toPlan(x, names), parts: toPlanParts(x) }));
}
