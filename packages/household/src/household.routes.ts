import { contextOf, moduleRoutes, runAsTenant } from '@kern/access';
import { viewHousehold, type HouseholdServices } from './read-household-view';
import { recordHouseholdSignal } from './record-household-signal';
import { householdContract } from './contract';

export function householdRoutes(services: HouseholdServices) {
  return moduleRoutes(householdContract, {
    getResidentsHouseholdView: async (request) => {
      const ctx = contextOf(request);
      return viewHousehold(services, ctx, request.params.bsn);
    },
    recordHouseholdSignal: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => recordHouseholdSignal(services, tx, ctx, request.params.bsn, request.body));
      return reply.code(201).send(result);
    },
  });
}
