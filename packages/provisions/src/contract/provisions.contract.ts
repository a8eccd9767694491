import { defineContract, defineRoute, isValidBsn } from '@kern/kit/contract';
import { z } from 'zod';
import {
  agbCodeSchema, allocateInputSchema, allocationDetailSchema, allocationSchema, changeAllocationInputSchema, endAllocationInputSchema, providerAllocationsFilterSchema, toewijzingNummerSchema,
} from './allocations.schema';
import { decisionSchema, recordDecisionInputSchema, recordDecisionOutputSchema } from './decisions.schema';

const idParam = z.object({ id: z.string().uuid() });
const bsnParam = z.object({ bsn: z.string().refine(isValidBsn, 'a BSN is nine digits that pass the 11-test') });
const nummerParam = z.object({ nummer: toewijzingNummerSchema });
const decisionsTags = ['decisions'];
const allocationsTags = ['allocations'];

/** Decisions (beschikkingen) and allocations (toewijzingen). */
export const provisionsContract = defineContract({
  recordDecision: defineRoute({
    method: 'POST', path: '/api/v1/cases/:id/decision', tags: decisionsTags, auth: 'staff', personalData: 'writes',
    summary: 'Record the decision (beschikking) at the case\'s besluit step: outcome, reasons, objection term, granted provisions; optionally take the next step',
    access: { resource: 'decision', action: 'create' },
    params: idParam, body: recordDecisionInputSchema,
    responses: { 201: recordDecisionOutputSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  caseDecisions: defineRoute({
    method: 'GET', path: '/api/v1/cases/:id/decision', tags: decisionsTags, auth: 'staff', personalData: 'reads',
    summary: 'The decisions recorded on a case',
    access: { resource: 'decision', action: 'read' },
    params: idParam,
    responses: { 200: z.object({ decisions: z.array(decisionSchema) }) },
    errors: ['forbidden', 'not-found'],
  }),
  readDecision: defineRoute({
    method: 'GET', path: '/api/v1/decisions/:id', tags: decisionsTags, auth: 'staff', personalData: 'reads',
    summary: 'One decision with its granted provisions',
    access: { resource: 'decision', action: 'read' },
    params: idParam,
    responses: { 200: decisionSchema },
    errors: ['forbidden', 'not-found'],
  }),
  residentDecisions: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/decisions', tags: decisionsTags, auth: 'staff', personalData: 'reads',
    summary: 'A resident\'s decisions under the purpose\'s law',
    access: { resource: 'decision', action: 'read' },
    params: bsnParam,
    responses: { 200: z.object({ decisions: z.array(decisionSchema) }) },
    errors: ['forbidden'],
  }),
  residentAllocations: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/allocations', tags: allocationsTags, auth: 'staff', personalData: 'reads',
    summary: 'A resident\'s allocations under the purpose\'s law',
    access: { resource: 'allocation', action: 'read' },
    params: bsnParam,
    responses: { 200: z.object({ allocations: z.array(allocationSchema) }) },
    errors: ['forbidden'],
  }),
  allocate: defineRoute({
    method: 'POST', path: '/api/v1/allocations', tags: allocationsTags, auth: 'staff', personalData: 'writes',
    summary: 'Allocate a granted zin provision to a contracted provider (new ToewijzingNummer)',
    access: { resource: 'allocation', action: 'create' },
    body: allocateInputSchema,
    responses: { 201: allocationDetailSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  providerAllocations: defineRoute({
    method: 'GET', path: '/api/v1/allocations', tags: allocationsTags, auth: 'staff', personalData: 'reads',
    summary: 'A care provider\'s allocations under the purpose\'s law (back office), with filters',
    access: { resource: 'allocation-list', action: 'read' },
    query: providerAllocationsFilterSchema.extend({ providerAgb: agbCodeSchema }),
    responses: { 200: z.object({ allocations: z.array(allocationSchema) }) },
    errors: ['forbidden', 'not-found'],
  }),
  readAllocation: defineRoute({
    method: 'GET', path: '/api/v1/allocations/:nummer', tags: allocationsTags, auth: 'staff', personalData: 'reads',
    summary: 'One allocation by its ToewijzingNummer, with its history',
    access: { resource: 'allocation', action: 'read' },
    params: nummerParam,
    responses: { 200: allocationDetailSchema },
    errors: ['forbidden', 'not-found'],
  }),
  changeAllocation: defineRoute({
    method: 'POST', path: '/api/v1/allocations/:nummer/changes', tags: allocationsTags, auth: 'staff', personalData: 'writes',
    summary: 'Change a running allocation (end date, volume, budget) with a RedenWijziging',
    access: { resource: 'allocation', action: 'update' },
    params: nummerParam, body: changeAllocationInputSchema,
    responses: { 200: allocationDetailSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  endAllocation: defineRoute({
    method: 'POST', path: '/api/v1/allocations/:nummer/ending', tags: allocationsTags, auth: 'staff', personalData: 'writes',
    summary: 'End an allocation on a day with a RedenBeeindiging (and RedenWijziging)',
    access: { resource: 'allocation', action: 'update' },
    params: nummerParam, body: endAllocationInputSchema,
    responses: { 200: allocationDetailSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  withdrawAllocation: defineRoute({
    method: 'POST', path: '/api/v1/allocations/:nummer/withdrawal', tags: allocationsTags, auth: 'staff', personalData: 'writes',
    summary: 'Withdraw an allocation sent in error (RedenWijziging 13: end date = start date)',
    access: { resource: 'allocation', action: 'update' },
    params: nummerParam, body: z.object({}).optional(),
    responses: { 200: allocationDetailSchema },
    errors: ['forbidden', 'not-found', 'conflict'],
  }),
});
