import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { z } from 'zod';
import { libraryWerkwijzen, presetFor, presets, presetSchema, werkwijzeJsonSchema } from '../werkwijze';
import {
  activateWerkwijze,
  diffInputSchema,
  diffStoredWerkwijzen,
  getWerkwijzeVersion,
  importWerkwijze,
  importWerkwijzeInputSchema,
  listWerkwijzen,
  werkwijzeDetailSchema,
  werkwijzeSummarySchema,
} from './manage-werkwijzen';

const versionParams = z.object({ id: z.string().regex(/^[a-z0-9-]{2,64}$/), version: z.coerce.number().int().positive() });

export function werkwijzenRoutes(app: KernApp, services: AccessServices): void {
  app.get('/api/v1/werkwijzen', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['werkwijzen'], summary: 'The werkwijzen (versions) of your municipality', response: { 200: z.object({ werkwijzen: z.array(werkwijzeSummarySchema) }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listWerkwijzen(services, tx, ctx));
  });

  app.get('/api/v1/werkwijzen/:id/versions/:version', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['werkwijzen'], summary: 'One werkwijze version with its YAML and definition', params: versionParams, response: { 200: werkwijzeDetailSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => getWerkwijzeVersion(services, tx, ctx, request.params.id, request.params.version));
  });

  app.get('/api/v1/werkwijzen/:id/versions/:version/export', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['werkwijzen'], summary: 'Export a werkwijze version as one YAML file, to share with another municipality', params: versionParams, response: { 200: z.string() } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const found = await runAsTenant(services, ctx, (tx) => getWerkwijzeVersion(services, tx, ctx, request.params.id, request.params.version));
    return reply
      .type('application/yaml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${found.werkwijzeId}-v${found.version}.yaml"`)
      .send(found.sourceYaml);
  });

  app.post('/api/v1/werkwijzen', {
    config: { auth: 'staff', personalData: 'none' },
    schema: {
      tags: ['werkwijzen'], summary: 'Import a werkwijze (YAML) as a new version; invalid files are refused with paths and lines',
      body: importWerkwijzeInputSchema, response: { 201: z.object({ werkwijze: werkwijzeSummarySchema, created: z.boolean() }) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => importWerkwijze(services, tx, ctx, request.body));
    return reply.code(201).send(result);
  });

  app.post('/api/v1/werkwijzen/:id/versions/:version/activation', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['werkwijzen'], summary: 'Make this version the one new cases start on', params: versionParams, response: { 200: z.object({ werkwijze: werkwijzeSummarySchema }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => activateWerkwijze(services, tx, ctx, request.params.id, request.params.version));
  });

  app.get('/api/v1/werkwijze-diffs', {
    config: { auth: 'staff', personalData: 'none' },
    schema: {
      tags: ['werkwijzen'], summary: 'Compare two werkwijzen (id@version or library:id): a readable diff',
      querystring: diffInputSchema,
      response: { 200: z.object({ entries: z.array(z.object({ kind: z.string(), path: z.string(), summary: z.string() }).passthrough()), text: z.string() }) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => diffStoredWerkwijzen(services, tx, ctx, request.query));
  });

  app.get('/api/v1/werkwijze-library', {
    config: { auth: 'public', personalData: 'none' },
    schema: {
      tags: ['werkwijzen'], summary: 'The shared library of werkwijzen shipped with Kern',
      response: { 200: z.object({ werkwijzen: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), yaml: z.string() })) }) },
    },
  }, async () => ({ werkwijzen: libraryWerkwijzen().map((l) => ({ id: l.id, name: l.werkwijze.name, description: l.werkwijze.description, yaml: l.yaml })) }));

  app.get('/api/v1/werkwijze-presets', {
    config: { auth: 'public', personalData: 'none' },
    schema: {
      tags: ['werkwijzen'], summary: 'Scenario presets for small, medium and large municipalities (teams, staffing, fitting werkwijzen); ?residents= picks one',
      querystring: z.object({ residents: z.coerce.number().int().min(0).max(2_000_000).optional() }),
      response: { 200: z.object({ presets: z.array(presetSchema), suggested: z.string().nullable() }) },
    },
  }, async (request) => ({
    presets: presets(),
    suggested: request.query.residents !== undefined ? (presetFor(request.query.residents)?.id ?? null) : null,
  }));

  app.get('/api/v1/werkwijze-schema.json', {
    config: { auth: 'public', personalData: 'none' },
    schema: { tags: ['werkwijzen'], summary: 'JSON Schema of the werkwijze format, for editors', hide: true },
  }, async () => werkwijzeJsonSchema());
}
