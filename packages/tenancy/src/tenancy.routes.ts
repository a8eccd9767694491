import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { readSettings, updateSettings } from './municipality-settings';
import { getMunicipality, listMunicipalities } from './list-municipalities';
import { tenancyContract } from './contract';

export function tenancyRoutes(services: AccessServices) {
  return moduleRoutes(tenancyContract, {
    listMunicipalities: async (request) => ({ municipalities: await listMunicipalities(services.db, request.query.q) }),
    getMunicipality: async (request) => ({ municipality: await getMunicipality(services.db, request.params.code) }),
    readSettings: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readSettings(services, tx, ctx));
    },
    updateSettings: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => updateSettings(services, tx, ctx, request.body));
    },
  });
}
