import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, clientPseudonym, isoDay, type Tx } from '@kern/db';
import { invalidInput, isValidBsn, newId, notFound } from '@kern/kit';
import { insertAssessment } from './assessments.repository';
import { findInstrument, recordAssessmentInputSchema, type Assessment, type RecordAssessmentInput } from './contract';
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
  // The insight vocabulary (docs/insight.md): one event per domain score, about the client's
  // pseudonym, so scores pair up per client and domain over time. The ZRM for adults is `zrm`.
  const client = await clientPseudonym(tx, ctx.actor.municipalityCode, input.subjectBsn);
  const eventInstrument = instrument.id === 'zrm-volwassenen' ? 'zrm' : instrument.id;
  const single = instrument.id === 'participatieladder'; // one step on one ladder: no domain
  await appendDomainEvents(tx, Object.entries(input.scores).map(([domain, score]) => ({
    municipalityCode: ctx.actor.municipalityCode, type: 'assessment.scored', occurredOn: input.assessedOn, subjectRef: client, law: purpose, teamId: ctx.actor.teamIds[0] ?? null,
    data: { instrument: eventInstrument, ...(single ? {} : { domain }), score },
  })));
  return a;
}
