import { runAsTenant, type AccessServices } from './authorize';
import { consentContract } from './contract';
import { contextOf } from './http-context';
import { publishPrivacyNotice, readPrivacyNotice } from './privacy-notice';
import { listConsents, recordConsent } from './record-consent';
import { moduleRoutes } from './route-handlers';
import { withdrawConsent } from './withdraw-consent';

/** Consent and privacy notices for staff. The citizen portal calls the same use cases with its own actor. */
export function consentRoutes(services: AccessServices) {
  return moduleRoutes(consentContract, {
    readPrivacyNotice: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readPrivacyNotice(services, tx, ctx));
    },
    publishPrivacyNotice: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => publishPrivacyNotice(services, tx, ctx, request.body));
      return reply.code(201).send(result);
    },
    listConsents: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listConsents(services, tx, ctx, request.params.bsn));
    },
    recordConsent: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => recordConsent(services, tx, ctx, request.params.bsn, request.body));
      return reply.code(201).send(result);
    },
    withdrawConsent: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => withdrawConsent(services, tx, ctx, request.params.bsn, request.params.id, request.body ?? {}));
    },
  });
}
