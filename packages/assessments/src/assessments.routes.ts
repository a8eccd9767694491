import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { importLevelTexts, listInstruments } from './level-texts';
import { readAssessments } from './read-assessments';
import { recordAssessment } from './record-assessment';
import { assessmentsContract } from './contract';

export function assessmentsRoutes(services: AccessServices) {
  return moduleRoutes(assessmentsContract, {
    listInstruments: async (request) => {
      const ctx = contextOf(request);
      return { instruments: await runAsTenant(services, ctx, (tx) => listInstruments(services, tx, ctx)) };
    },
    importLevelTexts: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => importLevelTexts(services, tx, ctx, request.body));
    },
    readAssessments: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readAssessments(services, tx, ctx, request.params.bsn));
    },
    recordAssessment: async (request, reply) => {
      const ctx = contextOf(request);
      const a = await runAsTenant(services, ctx, (tx) => recordAssessment(services, tx, ctx, request.body));
      return reply.code(201).send(a);
    },
  });
}
