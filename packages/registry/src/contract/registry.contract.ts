import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { readHouseholdOutputSchema, readResidentOutputSchema, searchResidentsInputSchema, searchResidentsOutputSchema } from './registry.schema';

const bsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits') });

export const registryContract = defineContract({
  searchResidents: defineRoute({
    method: 'GET', path: '/api/v1/residents', tags: ['registry'], auth: 'staff', personalData: 'reads',
    summary: 'Find residents of your municipality by BSN, surname + birth date, or postcode + house number (search first, no listing)',
    query: searchResidentsInputSchema,
    responses: { 200: searchResidentsOutputSchema },
  }),
  readResident: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn', tags: ['registry'], auth: 'staff', personalData: 'reads',
    summary: 'A resident from the BRP, if your purpose and relation allow',
    params: bsnParam,
    responses: { 200: readResidentOutputSchema },
  }),
  readHousehold: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/household', tags: ['registry'], auth: 'staff', personalData: 'reads',
    summary: 'The household around a resident: members at the address and close relatives',
    params: bsnParam,
    responses: { 200: readHouseholdOutputSchema },
  }),
});
