import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { z } from 'zod';
import { enrolInOffering, readEnrolments, recordAttendance } from './enrol';
import { createOffering, listOfferings } from './manage-offerings';
import { attendanceInputSchema, createOfferingInputSchema, enrolInputSchema, enrolmentSchema, shownOfferingSchema } from './offerings.schema';

const offeringParam = z.object({ offeringId: z.string().uuid() });

export function offeringsRoutes(app: KernApp, services: AccessServices): void {
  app.get('/api/v1/offerings', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['offerings'], summary: 'The catalogue of general and group provisions (no decision needed), with places left', querystring: z.object({ all: z.coerce.boolean().default(false) }), response: { 200: z.object({ offerings: z.array(shownOfferingSchema) }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return { offerings: await runAsTenant(services, ctx, (tx) => listOfferings(services, tx, ctx, { openOnly: !request.query.all })) };
  });

  app.post('/api/v1/offerings', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['offerings'], summary: 'Add a general or group provision to the catalogue (functional administrator)', body: createOfferingInputSchema, response: { 201: shownOfferingSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const o = await runAsTenant(services, ctx, (tx) => createOffering(services, tx, ctx, request.body));
    return reply.code(201).send(o);
  });

  app.post('/api/v1/offerings/:offeringId/enrolments', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['offerings'], summary: 'Enrol a resident, linked to the plan action it carries out; a full group refuses', params: offeringParam, body: enrolInputSchema, response: { 201: z.object({ enrolmentId: z.string().uuid(), placesLeft: z.number().int().nullable() }) } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const r = await runAsTenant(services, ctx, (tx) => enrolInOffering(services, tx, ctx, request.params.offeringId, request.body));
    return reply.code(201).send(r);
  });

  app.post('/api/v1/offerings/:offeringId/attendance', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['offerings'], summary: 'Record who was at one session; only enrolled residents', params: offeringParam, body: attendanceInputSchema, response: { 200: z.object({ recorded: z.number().int() }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => recordAttendance(services, tx, ctx, request.params.offeringId, request.body));
  });

  app.get('/api/v1/residents/:bsn/enrolments', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['offerings'], summary: 'A resident\'s enrolments in offerings, with attendance', params: z.object({ bsn: z.string() }), response: { 200: z.object({ enrolments: z.array(enrolmentSchema) }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return { enrolments: await runAsTenant(services, ctx, (tx) => readEnrolments(services, tx, ctx, request.params.bsn)) };
  });
}
