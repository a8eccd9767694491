import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { termijnenContract } from '../contract';
import { addStatutoryDecree, computeStatutoryTerm, installStoredDecrees, listStatutoryDecrees } from './statutory-calendar';

export function termijnenRoutes(services: AccessServices) {
  return moduleRoutes(termijnenContract, {
    computeStatutoryTerm: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => computeStatutoryTerm(services, tx, ctx, request.params.termId, request.query));
    },
    listStatutoryDecrees: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listStatutoryDecrees(services, tx, ctx));
    },
    addStatutoryDecree: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => addStatutoryDecree(services, tx, ctx, request.body));
      // After the commit: the calendar of this instance counts the new decree from the next request on.
      await installStoredDecrees(services.db);
      return reply.code(201).send(result);
    },
  });
}
