import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { libraryWerkwijzen, presetFor, presets, werkwijzeJsonSchema } from '../werkwijze';
import { werkwijzenContract } from '../contract';
import { activateWerkwijze, diffStoredWerkwijzen, getWerkwijzeVersion, importWerkwijze, listWerkwijzen } from './manage-werkwijzen';

export function werkwijzenRoutes(services: AccessServices) {
  return moduleRoutes(werkwijzenContract, {
    listWerkwijzen: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listWerkwijzen(services, tx, ctx));
    },
    getWerkwijzeVersion: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => getWerkwijzeVersion(services, tx, ctx, request.params.id, request.params.version));
    },
    getWerkwijzenVersionsExport: async (request, reply) => {
      const ctx = contextOf(request);
      const found = await runAsTenant(services, ctx, (tx) => getWerkwijzeVersion(services, tx, ctx, request.params.id, request.params.version));
      return reply
        .type('application/yaml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${found.werkwijzeId}-v${found.version}.yaml"`)
        .send(found.sourceYaml);
    },
    importWerkwijze: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => importWerkwijze(services, tx, ctx, request.body));
      return reply.code(201).send(result);
    },
    activateWerkwijze: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => activateWerkwijze(services, tx, ctx, request.params.id, request.params.version));
    },
    diffStoredWerkwijzen: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => diffStoredWerkwijzen(services, tx, ctx, request.query));
    },
    getWerkwijzeLibrary: async () => ({ werkwijzen: libraryWerkwijzen().map((l) => ({ id: l.id, name: l.werkwijze.name, description: l.werkwijze.description, yaml: l.yaml })) }),
    getWerkwijzePresets: async (request) => ({
      presets: presets(),
      suggested: request.query.residents !== undefined ? (presetFor(request.query.residents)?.id ?? null) : null,
    }),
    werkwijzeJsonSchema: async (_request, reply) => reply.send(werkwijzeJsonSchema()),
  });
}
