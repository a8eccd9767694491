import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { z } from 'zod';
import { assessmentHistorySchema, assessmentSchema, instrumentViewSchema, recordAssessmentInputSchema } from './assessments.schema';
import { importLevelTexts, listInstruments } from './level-texts';
import { readAssessments } from './read-assessments';
import { recordAssessment } from './record-assessment';

export function assessmentsRoutes(app: KernApp, services: AccessServices): void {
  app.get('/api/v1/assessment-instruments', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['assessments'], summary: 'The instruments (ZRM, Participatieladder, Positieve Gezondheid) with the level texts your municipality loaded', response: { 200: z.object({ instruments: z.array(instrumentViewSchema) }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return { instruments: await runAsTenant(services, ctx, (tx) => listInstruments(services, tx, ctx)) };
  });

  app.post('/api/v1/assessment-level-texts', {
    config: { auth: 'staff', personalData: 'none' },
    schema: {
      tags: ['assessments'], summary: 'Load the licensed per-level texts of an instrument (functional administrator) as { instrumentId, source, texts } or { instrumentId, source, csv: "domain;level;text" lines }; refused as a whole naming the path or line of each bad entry',
      body: z.unknown(), response: { 200: z.object({ instrumentId: z.string(), loaded: z.number().int() }) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => importLevelTexts(services, tx, ctx, request.body));
  });

  app.get('/api/v1/residents/:bsn/assessments', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['assessments'], summary: 'A resident\'s assessments over time, per instrument, oldest first', params: z.object({ bsn: z.string() }), response: { 200: assessmentHistorySchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readAssessments(services, tx, ctx, request.params.bsn));
  });

  app.post('/api/v1/assessments', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['assessments'], summary: 'Record an assessment; a score off the instrument\'s scale is refused naming the domain', body: recordAssessmentInputSchema, response: { 201: assessmentSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const a = await runAsTenant(services, ctx, (tx) => recordAssessment(services, tx, ctx, request.body));
    return reply.code(201).send(a);
  });
}
