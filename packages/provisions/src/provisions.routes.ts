import { contextOf, moduleRoutes, runAsTenant } from '@kern/access';
import type { Tx } from '@kern/db';
import type { FastifyRequest } from 'fastify';
import { allocateProvision, type ProvisionsServices } from './allocations/allocate-provision';
import { changeAllocation, endAllocation, withdrawAllocation } from './allocations/change-allocation';
import { listClientAllocations, listProviderAllocations, readAllocation } from './allocations/read-allocations';
import { provisionsContract } from './contract';
import { listResidentDecisions, readCaseDecisions, readDecision } from './decisions/read-decisions';
import { recordDecision } from './decisions/record-decision';

/** Thin HTTP mapping for decisions (beschikkingen) and allocations (toewijzingen); each handler runs one use case in the actor's tenant. */
export function provisionsRoutes(services: ProvisionsServices) {
  const run = <T>(request: FastifyRequest, fn: (tx: Tx, ctx: ReturnType<typeof contextOf>) => Promise<T>): Promise<T> => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => fn(tx, ctx));
  };

  return moduleRoutes(provisionsContract, {
    recordDecision: async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => recordDecision(services, tx, ctx, request.params.id, request.body))),
    caseDecisions: async (request) => ({ decisions: await run(request, (tx, ctx) => readCaseDecisions(services, tx, ctx, request.params.id)) }),
    readDecision: async (request) => run(request, (tx, ctx) => readDecision(services, tx, ctx, request.params.id)),
    residentDecisions: async (request) => ({ decisions: await run(request, (tx, ctx) => listResidentDecisions(services, tx, ctx, request.params.bsn)) }),
    residentAllocations: async (request) => ({ allocations: await run(request, (tx, ctx) => listClientAllocations(services, tx, ctx, request.params.bsn)) }),
    allocate: async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => allocateProvision(services, tx, ctx, request.body))),
    providerAllocations: async (request) => {
      const { providerAgb, ...filter } = request.query;
      return { allocations: await run(request, (tx, ctx) => listProviderAllocations(services, tx, ctx, providerAgb, filter)) };
    },
    readAllocation: async (request) => run(request, (tx, ctx) => readAllocation(services, tx, ctx, request.params.nummer)),
    changeAllocation: async (request) => run(request, (tx, ctx) => changeAllocation(services, tx, ctx, request.params.nummer, request.body)),
    endAllocation: async (request) => run(request, (tx, ctx) => endAllocation(services, tx, ctx, request.params.nummer, request.body)),
    withdrawAllocation: async (request) => run(request, (tx, ctx) => withdrawAllocation(services, tx, ctx, request.params.nummer)),
  });
}
