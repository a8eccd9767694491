import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { offeringsContract } from './contract';
import { enrolInOffering, readEnrolments, recordAttendance } from './enrol';
import { createOffering, listOfferings } from './manage-offerings';

export function offeringsRoutes(services: AccessServices) {
  return moduleRoutes(offeringsContract, {
    listOfferings: async (request) => {
      const ctx = contextOf(request);
      return { offerings: await runAsTenant(services, ctx, (tx) => listOfferings(services, tx, ctx, { openOnly: !request.query.all })) };
    },
    createOffering: async (request, reply) => {
      const ctx = contextOf(request);
      const o = await runAsTenant(services, ctx, (tx) => createOffering(services, tx, ctx, request.body));
      return reply.code(201).send(o);
    },
    enrol: async (request, reply) => {
      const ctx = contextOf(request);
      const r = await runAsTenant(services, ctx, (tx) => enrolInOffering(services, tx, ctx, request.params.offeringId, request.body));
      return reply.code(201).send(r);
    },
    recordAttendance: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => recordAttendance(services, tx, ctx, request.params.offeringId, request.body));
    },
    residentEnrolments: async (request) => {
      const ctx = contextOf(request);
      return { enrolments: await runAsTenant(services, ctx, (tx) => readEnrolments(services, tx, ctx, request.params.bsn)) };
    },
  });
}
