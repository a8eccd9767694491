import { isoDay, sql, type TableRow, type Tx } from '@kern/db';
import type { Enrolment, Offering } from './contract';

type RawOffering = TableRow<'offerings', 'id' | 'name' | 'description' | 'life_domain' | 'location' | 'capacity' | 'starts_on' | 'ends_on'> & {
  kind: Offering['kind']; status: Offering['status']; enrolled: number;
};
const toOffering = (r: RawOffering): Offering => {
  const enrolled = Number(r.enrolled);
  const capacity = r.capacity === null ? null : Number(r.capacity);
  return {
    id: r.id, name: r.name, description: r.description, kind: r.kind, lifeDomain: r.life_domain, location: r.location, capacity, enrolled,
    placesLeft: capacity === null ? null : Math.max(0, capacity - enrolled), startsOn: isoDay(r.starts_on), endsOn: r.ends_on === null ? null : isoDay(r.ends_on), status: r.status,
  };
};

export async function insertOffering(tx: Tx, o: Omit<Offering, 'enrolled' | 'placesLeft'> & { municipalityCode: string; createdAt: string }): Promise<void> {
  await tx
    .insertInto('offerings')
    .values({
      id: o.id, municipality_code: o.municipalityCode, name: o.name, description: o.description, kind: o.kind, life_domain: o.lifeDomain,
      location: o.location, capacity: o.capacity, starts_on: o.startsOn, ends_on: o.endsOn, status: o.status, created_at: o.createdAt,
    })
    .execute();
}

const offeringSelect = sql`select o.id, o.name, o.description, o.kind, o.life_domain, o.location, o.capacity, o.starts_on, o.ends_on, o.status,
  (select count(*) from offering_enrolments e where e.offering_id = o.id and e.status = 'enrolled')::int as enrolled from offerings o`;

export async function findOfferings(tx: Tx, openOnly: boolean): Promise<Offering[]> {
  const r = await sql<RawOffering>`${offeringSelect} where ${openOnly ? sql`o.status = 'open'` : sql`true`} order by o.name`.execute(tx);
  return r.rows.map(toOffering);
}

/** Locks the offering row: enrolments at the same moment are counted one after the other. */
export async function findOfferingForUpdate(tx: Tx, id: string): Promise<Offering | undefined> {
  await tx.selectFrom('offerings').select('id').where('id', '=', id).forUpdate().execute();
  const r = await sql<RawOffering>`${offeringSelect} where o.id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toOffering(r.rows[0]) : undefined;
}

export async function insertEnrolment(tx: Tx, e: { id: string; municipalityCode: string; offeringId: string; subjectBsn: string; planId: string | null; planActionId: string | null; enrolledOn: string; enrolledBy: string }): Promise<void> {
  await tx
    .insertInto('offering_enrolments')
    .values({
      id: e.id, municipality_code: e.municipalityCode, offering_id: e.offeringId, subject_bsn: e.subjectBsn, plan_id: e.planId,
      plan_action_id: e.planActionId, enrolled_on: e.enrolledOn, status: 'enrolled', enrolled_by: e.enrolledBy,
    })
    .execute();
}

export async function findActiveEnrolment(tx: Tx, offeringId: string, bsn: string): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('offering_enrolments')
    .select('id')
    .where('offering_id', '=', offeringId)
    .where('subject_bsn', '=', bsn)
    .where('status', '=', 'enrolled')
    .executeTakeFirst();
}

export async function upsertAttendance(tx: Tx, a: { municipalityCode: string; enrolmentId: string; sessionOn: string; present: boolean; at: string; by: string }): Promise<void> {
  await tx
    .insertInto('offering_attendance')
    .values({ municipality_code: a.municipalityCode, enrolment_id: a.enrolmentId, session_on: a.sessionOn, present: a.present, recorded_at: a.at, recorded_by: a.by })
    .onConflict((oc) =>
      oc.columns(['enrolment_id', 'session_on']).doUpdateSet((eb) => ({
        present: eb.ref('excluded.present'), recorded_at: eb.ref('excluded.recorded_at'), recorded_by: eb.ref('excluded.recorded_by'),
      })),
    )
    .execute();
}

export async function findEnrolmentsOf(tx: Tx, bsns: string[]): Promise<Enrolment[]> {
  if (bsns.length === 0) return [];
  type Row = TableRow<'offering_enrolments', 'id' | 'offering_id' | 'subject_bsn' | 'plan_id' | 'plan_action_id' | 'enrolled_on' | 'ended_on'> & TableRow<'offerings', 'name'> & {
    kind: Enrolment['kind']; status: Enrolment['status']; attendance: { sessionOn: string; present: boolean }[] | string | null;
  };
  const r = await sql<Row>`
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
