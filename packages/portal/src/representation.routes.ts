import { contextOf, moduleRoutes, representationsContract, runAsTenant } from '@kern/access';
import type { PortalServices } from './citizen-session';
import { dispatchOutbox } from './messages';
import { decideRepresentation, listRepresentations, recordRepresentation } from './record-representation';

/**
 * Representation with proof (issue 22), the staff side: one staff member records a court order, a
 * second one decides on it. The routes are access's contract; the use cases are the portal's,
 * because the resident is told in the portal.
 */
export function representationRoutes(services: PortalServices) {
  return moduleRoutes(representationsContract, {
    recordRepresentation: async (request, reply) => {
      const ctx = contextOf(request);
      return reply.code(201).send(await runAsTenant(services, ctx, (tx) => recordRepresentation(services, tx, ctx, request.params.bsn, request.body)));
    },
    listRepresentations: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listRepresentations(services, tx, ctx, request.params.bsn));
    },
    decideRepresentation: async (request) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => decideRepresentation(services, tx, ctx, request.params.id, request.body));
      // After the commit: the notification waits in the outbox, so a mail failure loses nothing.
      await dispatchOutbox(services, ctx.actor.municipalityCode).catch((e: unknown) => request.log.warn({ err: e }, 'portal mail dispatch failed'));
      return result;
    },
  });
}
