import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { attendanceInputSchema, createOfferingInputSchema, enrolInputSchema, enrolmentSchema, shownOfferingSchema } from './offerings.schema';

const offeringParam = z.object({ offeringId: z.string().uuid() });

export const offeringsContract = defineContract({
  listOfferings: defineRoute({
    method: 'GET', path: '/api/v1/offerings', tags: ['offerings'], auth: 'staff', personalData: 'none',
    summary: 'The catalogue of general and group provisions (no decision needed), with places left',
    access: { resource: 'offering', action: 'read' },
    query: z.object({ all: z.coerce.boolean().default(false) }),
    responses: { 200: z.object({ offerings: z.array(shownOfferingSchema) }) },
  }),
  createOffering: defineRoute({
    method: 'POST', path: '/api/v1/offerings', tags: ['offerings'], auth: 'staff', personalData: 'none',
    summary: 'Add a general or group provision to the catalogue (functional administrator)',
    access: { resource: 'offering', action: 'create' },
    body: createOfferingInputSchema,
    responses: { 201: shownOfferingSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  enrol: defineRoute({
    method: 'POST', path: '/api/v1/offerings/:offeringId/enrolments', tags: ['offerings'], auth: 'staff', personalData: 'writes',
    summary: 'Enrol a resident, linked to the plan action it carries out; a full group refuses',
    access: { resource: 'offering-enrolment', action: 'create' },
    params: offeringParam, body: enrolInputSchema,
    responses: { 201: z.object({ enrolmentId: z.string().uuid(), placesLeft: z.number().int().nullable() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  recordAttendance: defineRoute({
    method: 'POST', path: '/api/v1/offerings/:offeringId/attendance', tags: ['offerings'], auth: 'staff', personalData: 'writes',
    summary: 'Record who was at one session; only enrolled residents',
    access: { resource: 'offering-enrolment', action: 'update' },
    params: offeringParam, body: attendanceInputSchema,
    responses: { 200: z.object({ recorded: z.number().int() }) },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
  residentEnrolments: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/enrolments', tags: ['offerings'], auth: 'staff', personalData: 'reads',
    summary: "A resident's enrolments in offerings, with attendance",
    access: { resource: 'offering-enrolment', action: 'read' },
    params: z.object({ bsn: z.string() }),
    responses: { 200: z.object({ enrolments: z.array(enrolmentSchema) }) },
    errors: ['forbidden'],
  }),
});
