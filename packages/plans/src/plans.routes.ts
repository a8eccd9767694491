import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { agreeToPlanVersion } from './agree-to-plan-version';
import { plansContract } from './contract';
import { draftPlanVersion } from './draft-plan-version';
import { openHouseholdPlan } from './open-plan';
import { renderPlanPdf } from './plan-pdf';
import { readHouseholdPlan } from './read-household-plan';
import { requestPlanChange } from './request-plan-change';

export function plansRoutes(services: AccessServices) {
  return moduleRoutes(plansContract, {
    householdPlan: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readHouseholdPlan(services, tx, ctx, request.params.bsn));
    },
    openPlan: async (request, reply) => {
      const ctx = contextOf(request);
      const plan = await runAsTenant(services, ctx, (tx) => openHouseholdPlan(services, tx, ctx, request.body));
      return reply.code(201).send(plan);
    },
    draftVersion: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => draftPlanVersion(services, tx, ctx, request.params.id, request.body));
    },
    agree: async (request, reply) => {
      const ctx = contextOf(request);
      const plan = await runAsTenant(services, ctx, (tx) => agreeToPlanVersion(services, tx, ctx, request.params.id, request.body));
      return reply.code(201).send(plan);
    },
    requestChange: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => requestPlanChange(services, tx, ctx, request.params.id, request.body));
      return reply.code(201).send(result);
    },
    planPdf: async (request, reply) => {
      const ctx = contextOf(request);
      const bytes = await runAsTenant(services, ctx, (tx) => renderPlanPdf(services, tx, ctx, request.params.id, { version: request.query.version, lang: request.query.lang }));
      return reply.type('application/pdf').header('Content-Disposition', `inline; filename="plan-${request.params.id.slice(0, 8)}.pdf"`).send(Buffer.from(bytes));
    },
  });
}
