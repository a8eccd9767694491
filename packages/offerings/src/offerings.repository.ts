import { isoDay, sql, type Tx } from '@kern/db';
import type { Enrolment, Offering } from './contract';

interface RawOffering { id: string; name: string; description: string; kind: 'general' | 'group'; life_domain: string | null; location: string | null; capacity: number | null; starts_on: string | Date; ends_on: string | Date | null; status: 'open' | 'closed'; enrolled: number }
const toOffering = (r: RawOffering): Offering => {
  const enrolled = Number(r.enrolled);
  const capacity = r.capacity === null ? null : Number(r.capacity);
  return {
    id: r.id, name: r.name, description: r.description, kind: r.kind, lifeDomain: r.life_domain, location: r.location, capacity, enrolled,
    placesLeft: capacity === null ? null : Math.max(0, capacity - enrolled), startsOn: isoDay(r.starts_on), endsOn: r.ends_on === null ? null : isoDay(r.ends_on), status: r.status,
  };
};

export async function insertOffering(tx: Tx, o: Omit<Offering, 'enrolled' | 'placesLeft'> & { municipalityCode: string; createdAt: string }): Promise<void> {
  await sql`insert into offerings (id, municipality_code, name, description, kind, life_domain, location, capacity, starts_on, ends_on, status, created_at)
    values (${o.id}, ${o.municipalityCode}, ${o.name}, ${o.description}, ${o.kind}, ${o.lifeDomain}, ${o.location}, ${o.capacity}, ${o.startsOn}, ${o.endsOn}, ${o.status}, ${o.createdAt})`.execute(tx);
}

const offeringSelect = sql`select o.id, o.name, o.description, o.kind, o.life_domain, o.location, o.capacity, o.starts_on, o.ends_on, o.status,
  (select count(*) from offering_enrolments e where e.offering_id = o.id and e.status = 'enrolled')::int as enrolled from offerings o`;

export async function findOfferings(tx: Tx, openOnly: boolean): Promise<Offering[]> {
  const r = await sql<RawOffering>`${offeringSelect} where ${openOnly ? sql`o.status = 'open'` : sql`true`} order by o.name`.execute(tx);
  return r.rows.map(toOffering);
}

/** Locks the offering row: enrolments at the same moment are counted one after the other. */
export async function findOfferingForUpdate(tx: Tx, id: string): Promise<Offering | undefined> {
  await sql`select id from offerings where id = ${id}::uuid for update`.execute(tx);
  const r = await sql<RawOffering>`${offeringSelect} where o.id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toOffering(r.rows[0]) : undefined;
}

export async function insertEnrolment(tx: Tx, e: { id: string; municipalityCode: string; offeringId: string; subjectBsn: string; planId: string | null; planActionId: string | null; enrolledOn: string; enrolledBy: string }): Promise<void> {
  await sql`insert into offering_enrolments (id, municipality_code, offering_id, subject_bsn, plan_id, plan_action_id, enrolled_on, status, enrolled_by)
    values (${e.id}, ${e.municipalityCode}, ${e.offeringId}, ${e.subjectBsn}, ${e.planId}, ${e.planActionId}, ${e.enrolledOn}, 'enrolled', ${e.enrolledBy})`.execute(tx);
}

export async function findActiveEnrolment(tx: Tx, offeringId: string, bsn: string): Promise<{ id: string } | undefined> {
  const r = await sql<{ id: string }>`select id from offering_enrolments where offering_id = ${offeringId}::uuid and subject_bsn = ${bsn} and status = 'enrolled'`.execute(tx);
  return r.rows[0];
}

export async function upsertAttendance(tx: Tx, a: { municipalityCode: string; enrolmentId: string; sessionOn: string; present: boolean; at: string; by: string }): Promise<void> {
  await sql`insert into offering_attendance (municipality_code, enrolment_id, session_on, present, recorded_at, recorded_by)
    values (${a.municipalityCode}, ${a.enrolmentId}, ${a.sessionOn}, ${a.present}, ${a.at}, ${a.by})
    on conflict (enrolment_id, session_on) do update set present = excluded.present, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`.execute(tx);
}

export async function findEnrolmentsOf(tx: Tx, bsns: string[]): Promise<Enrolment[]> {
  if (bsns.length === 0) return [];
  const r = await sql<{ id: string; offering_id: string; name: string; kind: 'general' | 'group'; subject_bsn: string; plan_id: string | null; plan_action_id: string | null; enrolled_on: string | Date; status: 'enrolled' | 'ended'; ended_on: string | Date | null; attendance: { sessionOn: string; present: boolean }[] | string | null }>`
    select e.id, e.offering_id, o.name, o.kind, e.subject_bsn, e.plan_id, e.plan_action_id, e.enrolled_on, e.status, e.ended_on,
      (select coalesce(json_agg(json_build_object('sessionOn', a.session_on, 'present', a.present) order by a.session_on), '[]'::json) from offering_attendance a where a.enrolment_id = e.id) as attendance
    from offering_enrolments e join offerings o on o.id = e.offering_id
    where e.subject_bsn = any(${bsns}::char(9)[]) order by e.subject_bsn, e.enrolled_on`.execute(tx);
  return r.rows.map((x) => ({
    id: x.id, offeringId: x.offering_id, offeringName: x.name, kind: x.kind, subjectBsn: x.subject_bsn, planId: x.plan_id, planActionId: x.plan_action_id,
    enrolledOn: isoDay(x.enrolled_on), status: x.status, endedOn: x.ended_on === null ? null : isoDay(x.ended_on),
    attendance: (typeof x.attendance === 'string' ? (JSON.parse(x.attendance) as { sessionOn: string; present: boolean }[]) : (x.attendance ?? [])).map((a) => ({ sessionOn: String(a.sessionOn).slice(0, 10), present: a.present })),
  }));
}
