import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { z } from 'zod';
import { advanceCase } from './advance-case';
import { caseDetailSchema, startCaseInputSchema, transitionInputSchema, worklistInputSchema, worklistOutputSchema } from './cases.schema';
import { caseMigrationInputSchema, migrateCaseVersion } from './migrate-case-version';
import { readCase } from './read-case';
import { startCaseFromMelding } from './start-case';
import { suspendTerm, suspendTermInputSchema } from './suspend-term';
import { readWorklist } from './worklist';

const idParam = z.object({ id: z.string().uuid() });

export function casesRoutes(app: KernApp, services: AccessServices): void {
  app.post('/api/v1/cases', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['cases'], summary: 'Start a case from a melding on the active werkwijze (purpose = the case type\'s law)',
      body: startCaseInputSchema, response: { 201: z.object({ caseId: z.string().uuid(), reference: z.string() }) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => startCaseFromMelding(services, tx, ctx, request.body));
    return reply.code(201).send(result);
  });

  app.get('/api/v1/cases/:id', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['cases'], summary: 'A case: phases, current step, tasks, deadlines, next steps and history', params: idParam, response: { 200: caseDetailSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readCase(services, tx, ctx, request.params.id));
  });

  app.post('/api/v1/cases/:id/transitions', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['cases'], summary: 'Take a step: move the case along a transition of its werkwijze',
      params: idParam, body: transitionInputSchema,
      response: { 200: z.object({ stepId: z.string(), status: z.enum(['open', 'closed']), routedCaseIds: z.array(z.string()) }) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => advanceCase(services, tx, ctx, request.params.id, request.body));
  });

  app.post('/api/v1/cases/:id/version-migration', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['cases'], summary: 'Move a running case to another version of its werkwijze with an explicit step mapping (functional administrator)',
      params: idParam, body: caseMigrationInputSchema, response: { 200: z.object({ werkwijzeVersion: z.number().int(), stepId: z.string() }) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => migrateCaseVersion(services, tx, ctx, request.params.id, request.body));
  });

  app.post('/api/v1/cases/:id/suspensions', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['cases'], summary: 'Suspend a running statutory term (opschorting) on a ground the law allows; the due date moves',
      params: idParam, body: suspendTermInputSchema, response: { 201: z.object({ dueDate: z.string(), suspendedDays: z.number().int() }) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => suspendTerm(services, tx, ctx, request.params.id, request.body));
    return reply.code(201).send(result);
  });

  app.get('/api/v1/worklist', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['cases'], summary: 'Your or your team\'s open tasks with deadline status (no resident data)', querystring: worklistInputSchema, response: { 200: worklistOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readWorklist(services, tx, ctx, request.query));
  });
}
