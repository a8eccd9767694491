import { contextOf, runAsTenant, type KernApp } from '@kern/access';
import { z } from 'zod';
import { householdViewSchema, recordSignalInputSchema, recordSignalOutputSchema } from './household.schema';
import { viewHousehold, type HouseholdServices } from './read-household-view';
import { recordHouseholdSignal } from './record-household-signal';

const bsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits') });

export function householdRoutes(app: KernApp, services: HouseholdServices): void {
  app.get('/api/v1/residents/:bsn/household-view', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: {
      tags: ['household'], summary: 'The integral household view: members, sections per member and law (full, signal or withheld, as the policy decides), timeline',
      params: bsnParam, response: { 200: householdViewSchema },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return viewHousehold(services, ctx, request.params.bsn);
  });

  app.post('/api/v1/residents/:bsn/household-signals', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['household'], summary: 'Record an education or housing signal about a resident', params: bsnParam, body: recordSignalInputSchema, response: { 201: recordSignalOutputSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => recordHouseholdSignal(services, tx, ctx, request.params.bsn, request.body));
    return reply.code(201).send(result);
  });
}
