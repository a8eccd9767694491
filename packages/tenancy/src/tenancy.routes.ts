import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { z } from 'zod';
import { readSettings, settingsOutputSchema, settingsUpdateSchema, updateSettings } from './municipality-settings';
import { getMunicipality, listMunicipalities } from './list-municipalities';
import { municipalityCodeSchema, municipalitySchema } from './tenancy.schema';

export function tenancyRoutes(app: KernApp, services: AccessServices): void {
  app.get('/api/v1/municipalities', {
    config: { auth: 'public', personalData: 'none' },
    schema: {
      tags: ['tenancy'], summary: 'The 342 municipalities (CBS code list, 1 January 2026)',
      querystring: z.object({ q: z.string().trim().max(80).optional() }),
      response: { 200: z.object({ municipalities: z.array(municipalitySchema) }) },
    },
  }, async (request) => ({ municipalities: await listMunicipalities(services.db, request.query.q) }));

  app.get('/api/v1/municipalities/:code', {
    config: { auth: 'public', personalData: 'none' },
    schema: {
      tags: ['tenancy'], summary: 'One municipality by CBS code',
      params: z.object({ code: municipalityCodeSchema }),
      response: { 200: z.object({ municipality: municipalitySchema }) },
    },
  }, async (request) => ({ municipality: await getMunicipality(services.db, request.params.code) }));

  app.get('/api/v1/municipality-settings', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['tenancy'], summary: "Your municipality's settings and regions (functional administrator)", response: { 200: settingsOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readSettings(services, tx, ctx));
  });

  app.patch('/api/v1/municipality-settings', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['tenancy'], summary: "Change your municipality's settings (functional administrator)", body: settingsUpdateSchema, response: { 200: settingsOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => updateSettings(services, tx, ctx, request.body));
  });
}
