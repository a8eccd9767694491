import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { invalidInput, isValidBsn, newId, notFound } from '@kern/kit';
import { insertAssessment } from './assessments.repository';
import { recordAssessmentInputSchema, type Assessment, type RecordAssessmentInput } from './assessments.schema';
import { findInstrument } from './instruments';
import { validateScores } from './validate-scores';

/** Records one assessment of a resident (or, for a household instrument, of the household through its member). */
export async function recordAssessment(services: AccessServices, tx: Tx, ctx: AccessContext, raw: RecordAssessmentInput): Promise<Assessment> {
  const input = recordAssessmentInputSchema.parse(raw);
  const purpose = requirePurpose(ctx);
  const instrument = findInstrument(input.instrumentId);
  if (!instrument) throw notFound({ nl: `Instrument ${input.instrumentId} bestaat niet.`, en: `Instrument ${input.instrumentId} does not exist.` });
  if (!isValidBsn(input.subjectBsn)) throw invalidInput({ nl: 'Dit is geen geldig BSN.', en: 'This is not a valid BSN.' }, [{ name: 'subjectBsn', reason: '11-test fails' }]);
  validateScores(instrument, input.scores);
  const now = services.clock.now();
  if (input.assessedOn > isoDay(now)) throw invalidInput({ nl: 'Een meting kan niet in de toekomst liggen.', en: 'An assessment cannot be in the future.' }, [{ name: 'assessedOn', reason: 'after today' }]);
  await authorize(services, tx, ctx, { resource: 'assessment', action: 'create', subjectBsn: input.subjectBsn, detail: `${instrument.id} on ${input.assessedOn}` });
  const a: Assessment = { id: newId(), instrumentId: instrument.id, subjectBsn: input.subjectBsn, assessedOn: input.assessedOn, scores: input.scores, note: input.note ?? null, recordedAt: now.toISOString() };
  await insertAssessment(tx, { ...a, municipalityCode: ctx.actor.municipalityCode, recordedBy: ctx.actor.id });
  const values = Object.values(input.scores);
  await appendDomainEvents(tx, [{
    municipalityCode: ctx.actor.municipalityCode, type: 'assessment.scored', occurredOn: input.assessedOn, subjectRef: a.id, law: purpose, teamId: ctx.actor.teamIds[0] ?? null,
    data: { instrument: instrument.id, domains: values.length, mean: Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100 },
  }]);
  return a;
}
