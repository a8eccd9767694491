import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { householdViewSchema, recordSignalInputSchema, recordSignalOutputSchema } from './household.schema';

const bsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits') });

export const householdContract = defineContract({
  getResidentsHouseholdView: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/household-view', tags: ['household'], auth: 'staff', personalData: 'reads',
    summary: 'The integral household view: members, sections per member and law (full, signal or withheld, as the policy decides), timeline',
    params: bsnParam,
    responses: { 200: householdViewSchema },
  }),
  recordHouseholdSignal: defineRoute({
    method: 'POST', path: '/api/v1/residents/:bsn/household-signals', tags: ['household'], auth: 'staff', personalData: 'writes',
    summary: 'Record an education or housing signal about a resident',
    params: bsnParam,
    body: recordSignalInputSchema,
    responses: { 201: recordSignalOutputSchema },
  }),
});
