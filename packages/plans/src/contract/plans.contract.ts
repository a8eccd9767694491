import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import {
  agreeToPlanVersionInputSchema, draftPlanVersionInputSchema, householdPlanOutputSchema, openPlanInputSchema, planPdfQuerySchema, planSchema,
  requestPlanChangeInputSchema,
} from './plans.schema';

const planParam = z.object({ id: z.string().uuid() });

export const plansContract = defineContract({
  householdPlan: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/plan', tags: ['plans'], auth: 'staff', personalData: 'reads',
    summary: 'The plan of the household this resident belongs to: whole for the coordinator, a signal for a caseworker of another law',
    access: { resource: 'plan', action: 'read' },
    params: z.object({ bsn: z.string() }),
    responses: { 200: householdPlanOutputSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  openPlan: defineRoute({
    method: 'POST', path: '/api/v1/plans', tags: ['plans'], auth: 'staff', personalData: 'writes',
    summary: 'Open the household plan with yourself as coordinator (integral purpose); one household, one plan',
    access: { resource: 'plan', action: 'create' },
    body: openPlanInputSchema,
    responses: { 201: planSchema },
    errors: ['invalid-input', 'forbidden', 'conflict'],
  }),
  draftVersion: defineRoute({
    method: 'POST', path: '/api/v1/plans/:id/versions', tags: ['plans'], auth: 'staff', personalData: 'writes',
    summary: 'Write the plan: rewrites the draft, or makes the next version when the latest was agreed to',
    access: { resource: 'plan', action: 'update' },
    params: planParam, body: draftPlanVersionInputSchema,
    responses: { 200: planSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  agree: defineRoute({
    method: 'POST', path: '/api/v1/plans/:id/agreements', tags: ['plans'], auth: 'staff', personalData: 'writes',
    summary: 'Record that a member (or their representative) agreed to the latest version; it is frozen from then on',
    access: { resource: 'plan-agreement', action: 'create' },
    params: planParam, body: agreeToPlanVersionInputSchema,
    responses: { 201: planSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  requestChange: defineRoute({
    method: 'POST', path: '/api/v1/plans/:id/change-requests', tags: ['plans'], auth: 'staff', personalData: 'writes',
    summary: 'Record a member\'s request to change the agreed plan; the next version answers it',
    access: { resource: 'plan', action: 'update' },
    params: planParam, body: requestPlanChangeInputSchema,
    responses: { 201: z.object({ id: z.string().uuid(), basedOnVersion: z.number().int() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  planPdf: defineRoute({
    method: 'GET', path: '/api/v1/plans/:id/pdf', tags: ['plans'], auth: 'staff', personalData: 'reads',
    summary: 'The plan as a readable PDF for the citizen (application/pdf); default the version in force',
    access: { resource: 'plan', action: 'export' },
    params: planParam, query: planPdfQuerySchema,
    responses: {}, produces: 'application/pdf',
    errors: ['forbidden', 'not-found'],
  }),
});
