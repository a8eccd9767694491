import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { z } from 'zod';
import { agreeToPlanVersion } from './agree-to-plan-version';
import { draftPlanVersion } from './draft-plan-version';
import { openHouseholdPlan } from './open-plan';
import { renderPlanPdf } from './plan-pdf';
import { agreeToPlanVersionInputSchema, draftPlanVersionInputSchema, householdPlanOutputSchema, openPlanInputSchema, planSchema, requestPlanChangeInputSchema } from './plans.schema';
import { readHouseholdPlan } from './read-household-plan';
import { requestPlanChange } from './request-plan-change';

const idParam = z.object({ id: z.string().uuid() });
const bsnParam = z.object({ bsn: z.string() });

export function plansRoutes(app: KernApp, services: AccessServices): void {
  app.get('/api/v1/residents/:bsn/plan', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['plans'], summary: 'The plan of the household this resident belongs to: whole for the coordinator, a signal for a caseworker of another law', params: bsnParam, response: { 200: householdPlanOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readHouseholdPlan(services, tx, ctx, request.params.bsn));
  });

  app.post('/api/v1/plans', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['plans'], summary: 'Open the household plan with yourself as coordinator (integral purpose); one household, one plan', body: openPlanInputSchema, response: { 201: planSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const plan = await runAsTenant(services, ctx, (tx) => openHouseholdPlan(services, tx, ctx, request.body));
    return reply.code(201).send(plan);
  });

  app.post('/api/v1/plans/:id/versions', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['plans'], summary: 'Write the plan: rewrites the draft, or makes the next version when the latest was agreed to', params: idParam, body: draftPlanVersionInputSchema, response: { 200: planSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => draftPlanVersion(services, tx, ctx, request.params.id, request.body));
  });

  app.post('/api/v1/plans/:id/agreements', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['plans'], summary: 'Record that a member (or their representative) agreed to the latest version; it is frozen from then on', params: idParam, body: agreeToPlanVersionInputSchema, response: { 201: planSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const plan = await runAsTenant(services, ctx, (tx) => agreeToPlanVersion(services, tx, ctx, request.params.id, request.body));
    return reply.code(201).send(plan);
  });

  app.post('/api/v1/plans/:id/change-requests', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['plans'], summary: 'Record a member\'s request to change the agreed plan; the next version answers it', params: idParam, body: requestPlanChangeInputSchema, response: { 201: z.object({ id: z.string().uuid(), basedOnVersion: z.number().int() }) } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => requestPlanChange(services, tx, ctx, request.params.id, request.body));
    return reply.code(201).send(result);
  });

  app.get('/api/v1/plans/:id/pdf', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: {
      tags: ['plans'], summary: 'The plan as a readable PDF for the citizen (application/pdf); default the version in force',
      params: idParam, querystring: z.object({ version: z.coerce.number().int().positive().optional(), lang: z.enum(['nl', 'en']).default('nl') }),
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const bytes = await runAsTenant(services, ctx, (tx) => renderPlanPdf(services, tx, ctx, request.params.id, { version: request.query.version, lang: request.query.lang }));
    return reply.type('application/pdf').header('Content-Disposition', `inline; filename="plan-${request.params.id.slice(0, 8)}.pdf"`).send(Buffer.from(bytes));
  });
}
