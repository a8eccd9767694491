import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { z } from 'zod';
import type { BrpClient } from './brp-client';
import { notRegistered, readHousehold, readHouseholdOutputSchema, readResident, readResidentOutputSchema } from './read-resident';
import { searchResidents, searchResidentsInputSchema, searchResidentsOutputSchema } from './search-residents';

const bsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits') });

export function registryRoutes(app: KernApp, services: AccessServices & { brp: BrpClient }): void {
  app.get('/api/v1/residents', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: {
      tags: ['registry'],
      summary: 'Find residents of your municipality by BSN, surname + birth date, or postcode + house number (search first, no listing)',
      querystring: searchResidentsInputSchema,
      response: { 200: searchResidentsOutputSchema },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => searchResidents(services, tx, ctx, request.query));
  });

  app.get('/api/v1/residents/:bsn', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['registry'], summary: 'A resident from the BRP, if your purpose and relation allow', params: bsnParam, response: { 200: readResidentOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => readResident(services, tx, ctx, request.params.bsn));
    if (!result) throw notRegistered();
    return result;
  });

  app.get('/api/v1/residents/:bsn/household', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['registry'], summary: 'The household around a resident: members at the address and close relatives', params: bsnParam, response: { 200: readHouseholdOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => readHousehold(services, tx, ctx, request.params.bsn));
    if (!result) throw notRegistered();
    return result;
  });
}
