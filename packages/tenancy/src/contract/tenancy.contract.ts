import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { municipalityCodeSchema, municipalitySchema, settingsOutputSchema, settingsUpdateSchema } from './tenancy.schema';

export const tenancyContract = defineContract({
  listMunicipalities: defineRoute({
    method: 'GET', path: '/api/v1/municipalities', tags: ['tenancy'], auth: 'public', personalData: 'none',
    summary: 'The 342 municipalities (CBS code list, 1 January 2026)',
    query: z.object({ q: z.string().trim().max(80).optional() }),
    responses: { 200: z.object({ municipalities: z.array(municipalitySchema) }) },
  }),
  getMunicipality: defineRoute({
    method: 'GET', path: '/api/v1/municipalities/:code', tags: ['tenancy'], auth: 'public', personalData: 'none',
    summary: 'One municipality by CBS code',
    params: z.object({ code: municipalityCodeSchema }),
    responses: { 200: z.object({ municipality: municipalitySchema }) },
  }),
  readSettings: defineRoute({
    method: 'GET', path: '/api/v1/municipality-settings', tags: ['tenancy'], auth: 'staff', personalData: 'none',
    summary: "Your municipality's settings and regions (functional administrator)",
    responses: { 200: settingsOutputSchema },
  }),
  updateSettings: defineRoute({
    method: 'PATCH', path: '/api/v1/municipality-settings', tags: ['tenancy'], auth: 'staff', personalData: 'none',
    summary: "Change your municipality's settings (functional administrator)",
    body: settingsUpdateSchema,
    responses: { 200: settingsOutputSchema },
  }),
});
