import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import type { BrpClient } from './brp-client';
import { notRegistered, readHousehold, readResident } from './read-resident';
import { searchResidents } from './search-residents';
import { registryContract } from './contract';

export function registryRoutes(services: AccessServices & { brp: BrpClient }) {
  return moduleRoutes(registryContract, {
    searchResidents: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => searchResidents(services, tx, ctx, request.query));
    },
    readResident: async (request) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => readResident(services, tx, ctx, request.params.bsn));
      if (!result) throw notRegistered();
      return result;
    },
    readHousehold: async (request) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => readHousehold(services, tx, ctx, request.params.bsn));
      if (!result) throw notRegistered();
      return result;
    },
  });
}
