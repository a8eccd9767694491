import { contextOf, runAsTenant, type KernApp } from '@kern/access';
import type { Tx } from '@kern/db';
import { isValidBsn } from '@kern/kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { allocateProvision, type ProvisionsServices } from './allocations/allocate-provision';
import {
  agbCodeSchema, allocateInputSchema, allocationDetailSchema, allocationSchema, changeAllocationInputSchema, endAllocationInputSchema, providerAllocationsFilterSchema, toewijzingNummerSchema,
} from './allocations/allocations.schema';
import { changeAllocation, endAllocation, withdrawAllocation } from './allocations/change-allocation';
import { listClientAllocations, listProviderAllocations, readAllocation } from './allocations/read-allocations';
import { decisionSchema, recordDecisionInputSchema, recordDecisionOutputSchema } from './decisions/decisions.schema';
import { listResidentDecisions, readCaseDecisions, readDecision } from './decisions/read-decisions';
import { recordDecision } from './decisions/record-decision';

const idParam = z.object({ id: z.string().uuid() });
const bsnParam = z.object({ bsn: z.string().refine(isValidBsn, 'a BSN is nine digits that pass the 11-test') });
const nummerParam = z.object({ nummer: toewijzingNummerSchema });
const decisionsTags = ['decisions'];
const allocationsTags = ['allocations'];

/** Thin HTTP mapping for decisions (beschikkingen) and allocations (toewijzingen); each handler runs one use case in the actor's tenant. */
export function provisionsRoutes(app: KernApp, services: ProvisionsServices): void {
  const run = <T>(request: FastifyRequest, fn: (tx: Tx, ctx: ReturnType<typeof contextOf>) => Promise<T>): Promise<T> => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => fn(tx, ctx));
  };

  app.post('/api/v1/cases/:id/decision', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: decisionsTags, summary: 'Record the decision (beschikking) at the case\'s besluit step: outcome, reasons, objection term, granted provisions; optionally take the next step',
      params: idParam, body: recordDecisionInputSchema, response: { 201: recordDecisionOutputSchema },
    },
  }, async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => recordDecision(services, tx, ctx, request.params.id, request.body))));

  app.get('/api/v1/cases/:id/decision', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: decisionsTags, summary: 'The decisions recorded on a case', params: idParam, response: { 200: z.object({ decisions: z.array(decisionSchema) }) } },
  }, async (request) => ({ decisions: await run(request, (tx, ctx) => readCaseDecisions(services, tx, ctx, request.params.id)) }));

  app.get('/api/v1/decisions/:id', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: decisionsTags, summary: 'One decision with its granted provisions', params: idParam, response: { 200: decisionSchema } },
  }, async (request) => run(request, (tx, ctx) => readDecision(services, tx, ctx, request.params.id)));

  app.get('/api/v1/residents/:bsn/decisions', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: decisionsTags, summary: 'A resident\'s decisions under the purpose\'s law', params: bsnParam, response: { 200: z.object({ decisions: z.array(decisionSchema) }) } },
  }, async (request) => ({ decisions: await run(request, (tx, ctx) => listResidentDecisions(services, tx, ctx, request.params.bsn)) }));

  app.get('/api/v1/residents/:bsn/allocations', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: allocationsTags, summary: 'A resident\'s allocations under the purpose\'s law', params: bsnParam, response: { 200: z.object({ allocations: z.array(allocationSchema) }) } },
  }, async (request) => ({ allocations: await run(request, (tx, ctx) => listClientAllocations(services, tx, ctx, request.params.bsn)) }));

  app.post('/api/v1/allocations', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: allocationsTags, summary: 'Allocate a granted zin provision to a contracted provider (new ToewijzingNummer)', body: allocateInputSchema, response: { 201: allocationDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => allocateProvision(services, tx, ctx, request.body))));

  app.get('/api/v1/allocations', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: {
      tags: allocationsTags, summary: 'A care provider\'s allocations under the purpose\'s law (back office), with filters',
      querystring: providerAllocationsFilterSchema.extend({ providerAgb: agbCodeSchema }), response: { 200: z.object({ allocations: z.array(allocationSchema) }) },
    },
  }, async (request) => {
    const { providerAgb, ...filter } = request.query;
    return { allocations: await run(request, (tx, ctx) => listProviderAllocations(services, tx, ctx, providerAgb, filter)) };
  });

  app.get('/api/v1/allocations/:nummer', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: allocationsTags, summary: 'One allocation by its ToewijzingNummer, with its history', params: nummerParam, response: { 200: allocationDetailSchema } },
  }, async (request) => run(request, (tx, ctx) => readAllocation(services, tx, ctx, request.params.nummer)));

  app.post('/api/v1/allocations/:nummer/changes', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: allocationsTags, summary: 'Change a running allocation (end date, volume, budget) with a RedenWijziging', params: nummerParam, body: changeAllocationInputSchema, response: { 200: allocationDetailSchema } },
  }, async (request) => run(request, (tx, ctx) => changeAllocation(services, tx, ctx, request.params.nummer, request.body)));

  app.post('/api/v1/allocations/:nummer/ending', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: allocationsTags, summary: 'End an allocation on a day with a RedenBeeindiging (and RedenWijziging)', params: nummerParam, body: endAllocationInputSchema, response: { 200: allocationDetailSchema } },
  }, async (request) => run(request, (tx, ctx) => endAllocation(services, tx, ctx, request.params.nummer, request.body)));

  app.post('/api/v1/allocations/:nummer/withdrawal', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: allocationsTags, summary: 'Withdraw an allocation sent in error (RedenWijziging 13: end date = start date)', params: nummerParam, body: z.object({}).optional(), response: { 200: allocationDetailSchema } },
  }, async (request) => run(request, (tx, ctx) => withdrawAllocation(services, tx, ctx, request.params.nummer)));
}
