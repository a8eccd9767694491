import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { diffInputSchema, importWerkwijzeInputSchema, presetSchema, werkwijzeDetailSchema, werkwijzeSummarySchema } from './werkwijzen.schema';

const versionParams = z.object({ id: z.string().regex(/^[a-z0-9-]{2,64}$/), version: z.coerce.number().int().positive() });

export const werkwijzenContract = defineContract({
  listWerkwijzen: defineRoute({
    method: 'GET', path: '/api/v1/werkwijzen', tags: ['werkwijzen'], auth: 'staff', personalData: 'none',
    summary: 'The werkwijzen (versions) of your municipality',
    responses: { 200: z.object({ werkwijzen: z.array(werkwijzeSummarySchema) }) },
  }),
  getWerkwijzeVersion: defineRoute({
    method: 'GET', path: '/api/v1/werkwijzen/:id/versions/:version', tags: ['werkwijzen'], auth: 'staff', personalData: 'none',
    summary: 'One werkwijze version with its YAML and definition',
    params: versionParams,
    responses: { 200: werkwijzeDetailSchema },
  }),
  getWerkwijzenVersionsExport: defineRoute({
    method: 'GET', path: '/api/v1/werkwijzen/:id/versions/:version/export', tags: ['werkwijzen'], auth: 'staff', personalData: 'none',
    summary: 'Export a werkwijze version as one YAML file, to share with another municipality',
    params: versionParams,
    responses: { 200: z.string() },
  }),
  importWerkwijze: defineRoute({
    method: 'POST', path: '/api/v1/werkwijzen', tags: ['werkwijzen'], auth: 'staff', personalData: 'none',
    summary: 'Import a werkwijze (YAML) as a new version; invalid files are refused with paths and lines',
    body: importWerkwijzeInputSchema,
    responses: { 201: z.object({ werkwijze: werkwijzeSummarySchema, created: z.boolean() }) },
  }),
  activateWerkwijze: defineRoute({
    method: 'POST', path: '/api/v1/werkwijzen/:id/versions/:version/activation', tags: ['werkwijzen'], auth: 'staff', personalData: 'none',
    summary: 'Make this version the one new cases start on',
    params: versionParams,
    responses: { 200: z.object({ werkwijze: werkwijzeSummarySchema }) },
  }),
  diffStoredWerkwijzen: defineRoute({
    method: 'GET', path: '/api/v1/werkwijze-diffs', tags: ['werkwijzen'], auth: 'staff', personalData: 'none',
    summary: 'Compare two werkwijzen (id@version or library:id): a readable diff',
    query: diffInputSchema,
    responses: { 200: z.object({ entries: z.array(z.object({ kind: z.string(), path: z.string(), summary: z.string() }).passthrough()), text: z.string() }) },
  }),
  getWerkwijzeLibrary: defineRoute({
    method: 'GET', path: '/api/v1/werkwijze-library', tags: ['werkwijzen'], auth: 'public', personalData: 'none',
    summary: 'The shared library of werkwijzen shipped with Kern',
    responses: { 200: z.object({ werkwijzen: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), yaml: z.string() })) }) },
  }),
  getWerkwijzePresets: defineRoute({
    method: 'GET', path: '/api/v1/werkwijze-presets', tags: ['werkwijzen'], auth: 'public', personalData: 'none',
    summary: 'Scenario presets for small, medium and large municipalities (teams, staffing, fitting werkwijzen); ?residents= picks one',
    query: z.object({ residents: z.coerce.number().int().min(0).max(2_000_000).optional() }),
    responses: { 200: z.object({ presets: z.array(presetSchema), suggested: z.string().nullable() }) },
  }),
  werkwijzeJsonSchema: defineRoute({
    method: 'GET', path: '/api/v1/werkwijze-schema.json', tags: ['werkwijzen'], auth: 'public', personalData: 'none',
    summary: 'JSON Schema of the werkwijze format, for editors',
    hide: true,
    responses: {},
  }),
});
