import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { assessmentHistorySchema, assessmentSchema, instrumentViewSchema, recordAssessmentInputSchema } from './assessments.schema';

export const assessmentsContract = defineContract({
  listInstruments: defineRoute({
    method: 'GET', path: '/api/v1/assessment-instruments', tags: ['assessments'], auth: 'staff', personalData: 'none',
    summary: 'The instruments (ZRM, Participatieladder, Positieve Gezondheid) with the level texts your municipality loaded',
    responses: { 200: z.object({ instruments: z.array(instrumentViewSchema) }) },
  }),
  importLevelTexts: defineRoute({
    method: 'POST', path: '/api/v1/assessment-level-texts', tags: ['assessments'], auth: 'staff', personalData: 'none',
    summary: 'Load the licensed per-level texts of an instrument (functional administrator) as { instrumentId, source, texts } or { instrumentId, source, csv: "domain;level;text" lines }; refused as a whole naming the path or line of each bad entry',
    body: z.unknown(),
    responses: { 200: z.object({ instrumentId: z.string(), loaded: z.number().int() }) },
  }),
  readAssessments: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/assessments', tags: ['assessments'], auth: 'staff', personalData: 'reads',
    summary: 'A resident\'s assessments over time, per instrument, oldest first',
    params: z.object({ bsn: z.string() }),
    responses: { 200: assessmentHistorySchema },
  }),
  recordAssessment: defineRoute({
    method: 'POST', path: '/api/v1/assessments', tags: ['assessments'], auth: 'staff', personalData: 'writes',
    summary: 'Record an assessment; a score off the instrument\'s scale is refused naming the domain',
    body: recordAssessmentInputSchema,
    responses: { 201: assessmentSchema },
  }),
});
