import { contextOf, runAsTenant, type KernApp } from '@kern/access';
import { z } from 'zod';
import type { PortalServices } from './citizen-session';
import { dispatchOutbox } from './messages';
import { decideRepresentation, decideRepresentationInputSchema, listRepresentations, recordRepresentation, recordRepresentationInputSchema, recordRepresentationOutputSchema, representationSchema, representationsOutputSchema } from './record-representation';

/**
 * Representation with proof (issue 22), staff side: still hand-written routes; their contract is
 * the access module's part of issue 14 (they move there with it).
 */
export function representationRoutes(app: KernApp, services: PortalServices): void {
  const bsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/) });

  app.post('/api/v1/residents/:bsn/representations', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['portal'], summary: 'Record a court order that makes someone the resident\'s representative (curatele, mentorschap, bewind); effective after a second staff member approves it', params: bsnParam, body: recordRepresentationInputSchema, response: { 201: recordRepresentationOutputSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    return reply.code(201).send(await runAsTenant(services, ctx, (tx) => recordRepresentation(services, tx, ctx, request.params.bsn, request.body)));
  });

  // The second person's check, and where they find it.
  app.get('/api/v1/residents/:bsn/representations', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['portal'], summary: 'The representations recorded for the resident, pending or decided', params: bsnParam, response: { 200: representationsOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listRepresentations(services, tx, ctx, request.params.bsn));
  });

  app.post('/api/v1/representations/:id/decision', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['portal'], summary: 'A second staff member approves or rejects a recorded representation; the resident is told in the portal',
      params: z.object({ id: z.string().uuid() }), body: decideRepresentationInputSchema, response: { 200: z.object({ representation: representationSchema }) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => decideRepresentation(services, tx, ctx, request.params.id, request.body));
    // After the commit: the notification waits in the outbox, so a mail failure loses nothing.
    await dispatchOutbox(services, ctx.actor.municipalityCode).catch((e: unknown) => request.log.warn({ err: e }, 'portal mail dispatch failed'));
    return result;
  });
}
