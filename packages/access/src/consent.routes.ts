import { z } from 'zod';
import { runAsTenant, type AccessServices } from './authorize';
import { consentListSchema, consentSchema, privacyNoticeSchema, publishPrivacyNoticeInputSchema, recordConsentInputSchema, withdrawConsentInputSchema } from './contract';
import { contextOf, type KernApp } from './http-context';
import { publishPrivacyNotice, readPrivacyNotice } from './privacy-notice';
import { listConsents, recordConsent } from './record-consent';
import { withdrawConsent } from './withdraw-consent';

const bsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits') });

/** Consent and privacy notices for staff. The citizen portal calls the same use cases with its own actor. */
export function consentRoutes(app: KernApp, services: AccessServices): void {
  app.get('/api/v1/privacy-notice', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['consent'], summary: 'The privacy notice in force: what a consent may cover', response: { 200: privacyNoticeSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readPrivacyNotice(services, tx, ctx));
  });

  app.post('/api/v1/privacy-notice/versions', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['consent'], summary: 'Publish a new version of the privacy notice (functional administrator)', body: publishPrivacyNoticeInputSchema, response: { 201: privacyNoticeSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => publishPrivacyNotice(services, tx, ctx, request.body));
    return reply.code(201).send(result);
  });

  app.get('/api/v1/residents/:bsn/consents', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['consent'], summary: "A resident's consents, in effect and withdrawn", params: bsnParam, response: { 200: consentListSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listConsents(services, tx, ctx, request.params.bsn));
  });

  app.post('/api/v1/residents/:bsn/consents', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['consent'], summary: "Record a resident's consent for a purpose and recipient (within the privacy notice)", params: bsnParam, body: recordConsentInputSchema, response: { 201: consentSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => recordConsent(services, tx, ctx, request.params.bsn, request.body));
    return reply.code(201).send(result);
  });

  app.post('/api/v1/residents/:bsn/consents/:id/withdrawal', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['consent'], summary: 'Withdraw a consent (a new record; effective at once)',
      params: bsnParam.extend({ id: z.string().uuid() }), body: withdrawConsentInputSchema.optional(), response: { 200: consentSchema },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => withdrawConsent(services, tx, ctx, request.params.bsn, request.params.id, request.body ?? {}));
  });
}
