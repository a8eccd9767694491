import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { conflict, invalidInput, isValidBsn, newId, notFound } from '@kern/kit';
import { findActiveEnrolment, findEnrolmentsOf, findOfferingForUpdate, insertEnrolment, upsertAttendance } from './offerings.repository';
import { attendanceInputSchema, enrolInputSchema, type AttendanceInput, type EnrolInput, type Enrolment } from './contract';

const offeringNotFound = () => notFound({ nl: 'Dit aanbod bestaat niet.', en: 'This offering does not exist.' });

/** Enrols a resident, linked to the plan action it carries out; a full group refuses. */
export async function enrolInOffering(services: AccessServices, tx: Tx, ctx: AccessContext, offeringId: string, raw: EnrolInput): Promise<{ enrolmentId: string; placesLeft: number | null }> {
  const input = enrolInputSchema.parse(raw);
  const purpose = requirePurpose(ctx);
  if (!isValidBsn(input.subjectBsn)) throw invalidInput({ nl: 'Dit is geen geldig BSN.', en: 'This is not a valid BSN.' }, [{ name: 'subjectBsn', reason: '11-test fails' }]);
  if ((input.planId === undefined) !== (input.planActionId === undefined)) {
    throw invalidInput({ nl: 'Geef het plan en de actie samen op.', en: 'Give the plan and the action together.' }, [{ name: 'planActionId', reason: 'planId and planActionId go together' }]);
  }
  await authorize(services, tx, ctx, { resource: 'offering-enrolment', action: 'create', subjectBsn: input.subjectBsn, detail: `enrol in offering ${offeringId}` });
  const offering = await findOfferingForUpdate(tx, offeringId);
  if (!offering) throw offeringNotFound();
  if (offering.status !== 'open') throw conflict({ nl: `${offering.name} is gesloten.`, en: `${offering.name} is closed.` });
  if (await findActiveEnrolment(tx, offeringId, input.subjectBsn)) throw conflict({ nl: `Deze inwoner doet al mee aan ${offering.name}.`, en: `This resident already takes part in ${offering.name}.` });
  if (offering.placesLeft !== null && offering.placesLeft <= 0) {
    throw conflict({ nl: `${offering.name} is vol (${offering.capacity ?? 0} plaatsen).`, en: `${offering.name} is full (${offering.capacity ?? 0} places).` });
  }
  const id = newId();
  const today = isoDay(services.clock.now());
  await insertEnrolment(tx, { id, municipalityCode: ctx.actor.municipalityCode, offeringId, subjectBsn: input.subjectBsn, planId: input.planId ?? null, planActionId: input.planActionId ?? null, enrolledOn: input.enrolledOn ?? today, enrolledBy: ctx.actor.id });
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'offering.enrolled', occurredOn: input.enrolledOn ?? today, subjectRef: id, law: purpose, teamId: ctx.actor.teamIds[0] ?? null, data: { kind: offering.kind, fromPlan: input.planId !== undefined } }]);
  return { enrolmentId: id, placesLeft: offering.placesLeft === null ? null : offering.placesLeft - 1 };
}

/** Records who was there at one session; only people enrolled in the offering can be marked. */
export async function recordAttendance(services: AccessServices, tx: Tx, ctx: AccessContext, offeringId: string, raw: AttendanceInput): Promise<{ recorded: number }> {
  const input = attendanceInputSchema.parse(raw);
  if (input.sessionOn > isoDay(services.clock.now())) throw invalidInput({ nl: 'Aanwezigheid wordt achteraf vastgelegd.', en: 'Attendance is recorded afterwards.' }, [{ name: 'sessionOn', reason: 'after today' }]);
  const offering = await findOfferingForUpdate(tx, offeringId);
  if (!offering) throw offeringNotFound();
  for (const [i, a] of input.attendance.entries()) {
    await authorize(services, tx, ctx, { resource: 'offering-enrolment', action: 'update', subjectBsn: a.subjectBsn, detail: `attendance ${offering.name} ${input.sessionOn}` });
    const enrolment = await findActiveEnrolment(tx, offeringId, a.subjectBsn);
    if (!enrolment) {
      throw invalidInput({ nl: `Aanwezigheid alleen voor wie is ingeschreven bij ${offering.name}.`, en: `Attendance only for people enrolled in ${offering.name}.` }, [{ name: `attendance.${i}.subjectBsn`, reason: 'not enrolled' }]);
    }
    await upsertAttendance(tx, { municipalityCode: ctx.actor.municipalityCode, enrolmentId: enrolment.id, sessionOn: input.sessionOn, present: a.present, at: services.clock.now().toISOString(), by: ctx.actor.id });
  }
  return { recorded: input.attendance.length };
}

/** A resident's enrolments with their attendance. */
export async function readEnrolments(services: AccessServices, tx: Tx, ctx: AccessContext, bsn: string): Promise<Enrolment[]> {
  if (!isValidBsn(bsn)) throw invalidInput({ nl: 'Dit is geen geldig BSN.', en: 'This is not a valid BSN.' }, [{ name: 'bsn', reason: '11-test fails' }]);
  await authorize(services, tx, ctx, { resource: 'offering-enrolment', action: 'read', subjectBsn: bsn, detail: 'enrolments' });
  return findEnrolmentsOf(tx, [bsn]);
}

/**
 * The household view's section source for offerings: every member's enrolments with attendance.
 * No access decision and no audit here: the household view decides per member and audits.
 */
export async function offeringSection(tx: Tx, memberBsns: string[]): Promise<Enrolment[]> {
  return findEnrolmentsOf(tx, memberBsns);
}
