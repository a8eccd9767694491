import type {} from '@fastify/cookie';
import { contextOf, moduleRoutes, requireCsrfToken, runAsTenant, type KernApp } from '@kern/access';
import { DomainError, newSecret, secureCookieFor, type Config } from '@kern/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorizeSubject, portalContext } from './citizen-access';
import {
  citizenLogout, completeBrokerLogin, demoLogin, requireCitizenSession, resolveCitizenSession, toCitizenSession,
  type PortalServices, type ResolvedCitizenSession,
} from './citizen-session';
import { CITIZEN_SESSION_COOKIE, portalBrokerContract, portalContract } from './contract';
import { myDataPdf } from './export-pdf';
import { answerAsStaff, dispatchOutbox, listMyMessages, markHandledAsStaff, readInbox, readThreadAsStaff, sendMyMessage, setMyContactEmail } from './messages';
import { readAccessLog, readMyData } from './my-data';
import { listMyConsents, withdrawMyConsent } from './portal-consents';
import { addToMyPlan, agreeToMyPlan, askPlanChange, myPlanPdf, readMyPlan } from './portal-plan';
import { listTogether, signUp } from './portal-together';
import { readHome, readMyCases } from './read-home';
import { createDraft, readOwnRequest, saveDraft, uploadDocument } from './requests';
import { submitRequest } from './submit-request';
import { lodgeObjection } from './lodge-objection';
import { readMyDecisions } from './portal-decisions';

declare module 'fastify' {
  interface FastifyRequest {
    citizenSession?: ResolvedCitizenSession;
  }
}

const BROKER_STATE_COOKIE = 'kern_citizen_broker';

type PortalRouteServices = PortalServices & { config: { secureCookies: Config['secureCookies'] } };

/**
 * Citizen routes have their own session cookie: a staff session never counts on a citizen route,
 * and a citizen session never on a staff route. State-changing requests carry the CSRF token
 * (X-CSRF-Token), as for staff. The hook runs in the portal's scope only.
 */
function citizenHook(services: PortalServices) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.routeOptions.config.auth !== 'citizen') return;
    request.actor = undefined;
    const cookie = request.cookies[CITIZEN_SESSION_COOKIE];
    const resolved = requireCitizenSession(cookie ? await resolveCitizenSession(services, cookie) : undefined);
    requireCsrfToken(request, resolved.csrfToken, {
      nl: 'De beveiligingscode ontbreekt of klopt niet. Laad de pagina opnieuw; wat u invulde, is bewaard.',
      en: 'The security code is missing or wrong. Reload the page; what you filled in has been kept.',
    });
    request.citizenSession = resolved;
    request.actor = resolved.actor;
  };
}

export const citizenScope = (services: PortalServices) => (app: KernApp) => {
  app.addHook('onRequest', citizenHook(services));
};

const session = (request: FastifyRequest): ResolvedCitizenSession => requireCitizenSession(request.citizenSession);

/** Runs a citizen use case in the citizen's municipality, with the denial audited as for staff. */
function asCitizen<T>(services: PortalServices, request: FastifyRequest, fn: (tx: Parameters<Parameters<typeof runAsTenant>[2]>[0], s: ResolvedCitizenSession) => Promise<T>): Promise<T> {
  const s = session(request);
  return runAsTenant(services, portalContext(s, request.id), (tx) => fn(tx, s));
}

/**
 * Strict: the portal's own pages send it on their API calls; the broker's cross-site redirect
 * back to the callback needs only the state cookie, which therefore stays Lax.
 */
function sessionCookie(services: PortalRouteServices) {
  const secure = (request: FastifyRequest) => secureCookieFor(services.config.secureCookies, request.hostname);
  return {
    secure,
    set: (request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) =>
      reply.setCookie(CITIZEN_SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: secure(request), path: '/', maxAge }),
  };
}

/** `services` is read on every request (not copied), so a test or an operator can swap the mail seam. */
export function portalRoutes(services: PortalRouteServices) {
  const cookie = sessionCookie(services);
  return moduleRoutes(portalContract, {
    loginOptions: async () => ({ broker: Boolean(services.citizenIdentityProvider), demo: services.demoMode }),
    demoLogin: async (request, reply) => {
      const { sessionId, session: s } = await demoLogin(services, request.body);
      cookie.set(request, reply, sessionId, services.sessionTtlMinutes * 60);
      return reply.code(201).send({ session: s });
    },
    session: async (request) => asCitizen(services, request, async (tx, s) => {
      const self = s.people.find((p) => p.relation === 'self');
      if (self) await authorizeSubject(services, tx, s, self, { resource: 'portal-data', action: 'read', detail: 'portal session' }, request.id);
      return { session: toCitizenSession(s) };
    }),
    logout: async (request, reply) => {
      await citizenLogout(services, session(request));
      reply.clearCookie(CITIZEN_SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
    home: async (request) => asCitizen(services, request, (tx, s) => readHome(services, tx, s, request.params.ref, request.id)),
    cases: async (request) => asCitizen(services, request, (tx, s) => readMyCases(services, tx, s, request.params.ref, request.id)),
    decisions: async (request) => asCitizen(services, request, (tx, s) => readMyDecisions(services, tx, s, request.params.ref, request.id)),
    lodgeObjection: async (request, reply) =>
      reply.code(201).send(await asCitizen(services, request, (tx, s) => lodgeObjection(services, tx, s, request.params.ref, request.params.decisionId, request.body, request.id))),
    createDraft: async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => createDraft(services, tx, s, request.params.ref, request.body))),
    readRequest: async (request) => asCitizen(services, request, (tx, s) => readOwnRequest(services, tx, s, request.params.id)),
    saveDraft: async (request) => asCitizen(services, request, (tx, s) => saveDraft(services, tx, s, request.params.id, request.body)),
    uploadDocument: async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => uploadDocument(services, tx, s, request.params.id, request.body))),
    submitRequest: async (request) => asCitizen(services, request, (tx, s) => submitRequest(services, tx, s, request.params.id, request.id)),
    plan: async (request) => asCitizen(services, request, (tx, s) => readMyPlan(services, tx, s, request.params.ref, request.id)),
    agreeToPlan: async (request) =>
      asCitizen(services, request, (tx, s) => agreeToMyPlan(services, tx, s, request.params.ref, request.params.planId, request.body.version, request.id)),
    askPlanChange: async (request, reply) =>
      reply.code(201).send(await asCitizen(services, request, (tx, s) => askPlanChange(services, tx, s, request.params.ref, request.params.planId, request.body.request, request.id))),
    planPdf: async (request, reply) => {
      const { ref, planId } = request.params;
      const pdf = await asCitizen(services, request, (tx, s) => myPlanPdf(services, tx, s, ref, planId, { version: request.query.version, lang: request.query.lang }, request.id));
      return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="mijn-plan-${planId.slice(0, 8)}.pdf"`).send(Buffer.from(pdf));
    },
    addToPlan: async (request, reply) =>
      reply.code(201).send(await asCitizen(services, request, (tx, s) => addToMyPlan(services, tx, s, request.params.ref, request.params.planId, request.body, request.id))),
    consents: async (request) => asCitizen(services, request, (tx, s) => listMyConsents(services, tx, s, request.params.ref, request.id)),
    withdrawConsent: async (request) => asCitizen(services, request, (tx, s) => withdrawMyConsent(services, tx, s, request.params.ref, request.params.consentId, request.id)),
    offerings: async (request) => asCitizen(services, request, (tx, s) => listTogether(services, tx, s, request.params.ref, request.id)),
    signUp: async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => signUp(services, tx, s, request.params.ref, request.params.offeringId, request.id))),
    messages: async (request) => asCitizen(services, request, (tx, s) => listMyMessages(services, tx, s, request.params.ref, request.id)),
    sendMessage: async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => sendMyMessage(services, tx, s, request.params.ref, request.body, request.id))),
    setContact: async (request) => asCitizen(services, request, (tx, s) => setMyContactEmail(services, tx, s, request.params.ref, request.body.email, request.id)),
    myData: async (request) => asCitizen(services, request, (tx, s) => readMyData(services, tx, s, request.params.ref, 'read', request.id)),
    accessLog: async (request) => asCitizen(services, request, (tx, s) => readAccessLog(services, tx, s, request.params.ref, request.query, request.id)),
    exportJson: async (request, reply) => {
      const data = await asCitizen(services, request, (tx, s) => readMyData(services, tx, s, request.params.ref, 'export', request.id));
      void reply.header('Content-Disposition', 'attachment; filename="mijn-gegevens.json"');
      return data;
    },
    exportPdf: async (request, reply) => {
      const data = await asCitizen(services, request, (tx, s) => readMyData(services, tx, s, request.params.ref, 'export', request.id));
      const pdf = await myDataPdf(data);
      return reply.type('application/pdf').header('Content-Disposition', 'attachment; filename="mijn-gegevens.pdf"').send(Buffer.from(pdf));
    },

    // Staff side of the thread: the coordinator or the team on a case.
    staffThread: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readThreadAsStaff(services, tx, ctx, request.params.bsn));
    },
    staffAnswer: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => answerAsStaff(services, tx, ctx, request.params.bsn, request.body.body));
      // After the commit: the notification waits in the outbox, so a mail failure loses nothing.
      await dispatchOutbox(services, ctx.actor.municipalityCode).catch((e: unknown) => request.log.warn({ err: e }, 'portal mail dispatch failed'));
      return reply.code(201).send(result);
    },
    staffInbox: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readInbox(services, tx, ctx, request.query.order));
    },
    staffMarkHandled: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => markHandledAsStaff(services, tx, ctx, request.params.bsn, request.params.id));
    },
  }, citizenScope(services));
}

/**
 * The DigiD broker login, implemented only where a broker is configured (docs/portal.md). The
 * state cookie is Lax and scoped to the broker paths: the broker's redirect back is cross-site.
 */
export function portalBrokerRoutes(services: PortalRouteServices) {
  const cookie = sessionCookie(services);
  return moduleRoutes(portalBrokerContract, {
    brokerStart: async (request, reply) => {
      const provider = services.citizenIdentityProvider;
      if (!provider) throw new DomainError('not-found', { nl: 'Inloggen met DigiD is hier niet ingesteld.', en: 'DigiD login is not configured here.' });
      const state = newSecret();
      const nonce = newSecret();
      reply.setCookie(BROKER_STATE_COOKIE, `${state}.${nonce}`, { httpOnly: true, sameSite: 'lax', secure: cookie.secure(request), path: '/api/v1/portal/broker', maxAge: 600 });
      return reply.redirect(await provider.authorizationUrl(state, nonce), 302);
    },
    brokerCallback: async (request, reply) => {
      const [state = '', nonce = ''] = (request.cookies[BROKER_STATE_COOKIE] ?? '').split('.');
      if (!state || request.query.state !== state) {
        throw new DomainError('not-authenticated', { nl: 'De inlogpoging is verlopen. Begin opnieuw.', en: 'The login attempt has expired. Please start again.' });
      }
      const { sessionId } = await completeBrokerLogin(services, request.query, { state, nonce });
      reply.clearCookie(BROKER_STATE_COOKIE, { path: '/api/v1/portal/broker' });
      cookie.set(request, reply, sessionId, services.sessionTtlMinutes * 60);
      return reply.redirect('/portaal/', 302);
    },
  });
}
