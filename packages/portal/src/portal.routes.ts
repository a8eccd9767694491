import type {} from '@fastify/cookie';
import { contextOf, requireCsrfToken, runAsTenant, type KernApp } from '@kern/access';
import { DomainError, newSecret, secureCookieFor, type Config } from '@kern/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { portalContext } from './citizen-access';
import {
  citizenLogout, completeBrokerLogin, demoLogin, requireCitizenSession, resolveCitizenSession, toCitizenSession,
  type PortalServices, type ResolvedCitizenSession,
} from './citizen-session';
import { myDataPdf } from './export-pdf';
import { answerAsStaff, dispatchOutbox, listMyMessages, readThreadAsStaff, sendMyMessage, setMyContactEmail } from './messages';
import { readAccessLog, readMyData } from './my-data';
import {
  CITIZEN_SESSION_COOKIE, MAX_UPLOAD_BYTES, offeringListOutputSchema, offeringRefParam, consentListOutputSchema, consentRefParam, planAdditionInputSchema, planAgreeInputSchema, planChangeInputSchema, planRefParam, portalPlanSchema, accessLogEntrySchema, citizenSessionSchema, contactInputSchema, demoLoginInputSchema, draftInputSchema, homeSchema, idParam,
  citizenMessageInputSchema, messageInputSchema, messageSchema, myDataSchema, personRefParam, portalCaseSchema, requestSchema, submissionOutputSchema, uploadInputSchema,
} from './portal.schema';
import { readHome, readMyCases } from './read-home';
import { authorizeSubject } from './citizen-access';
import { createDraft, readOwnRequest, saveDraft, uploadDocument } from './requests';
import { submitRequest } from './submit-request';
import { addToMyPlan, agreeToMyPlan, askPlanChange, readMyPlan } from './portal-plan';
import { listMyConsents, withdrawMyConsent } from './portal-consents';
import { listTogether, signUp } from './portal-together';

declare module 'fastify' {
  interface FastifyRequest {
    citizenSession?: ResolvedCitizenSession;
  }
}

const BROKER_STATE_COOKIE = 'kern_citizen_broker';

/**
 * Citizen routes live in their own scope with their own session cookie: a staff session never
 * counts on a citizen route, and a citizen session never on a staff route. State-changing
 * requests carry the CSRF token (X-CSRF-Token), as for staff.
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

const session = (request: FastifyRequest): ResolvedCitizenSession => requireCitizenSession(request.citizenSession);

/** Runs a citizen use case in the citizen's municipality, with the denial audited as for staff. */
function asCitizen<T>(services: PortalServices, request: FastifyRequest, fn: (tx: Parameters<Parameters<typeof runAsTenant>[2]>[0], s: ResolvedCitizenSession) => Promise<T>): Promise<T> {
  const s = session(request);
  return runAsTenant(services, portalContext(s, request.id), (tx) => fn(tx, s));
}

/** `services` is read on every request (not copied), so a test or an operator can swap the mail seam. */
export function portalRoutes(app: KernApp, services: PortalServices & { config: { secureCookies: Config['secureCookies'] } }): void {
  // Strict: the portal's own pages send it on their API calls; the broker's cross-site redirect
  // back to the callback needs only the state cookie below, which therefore stays Lax.
  const secure = (request: FastifyRequest) => secureCookieFor(services.config.secureCookies, request.hostname);
  const setCookie = (request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) =>
    reply.setCookie(CITIZEN_SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: secure(request), path: '/', maxAge });

  void app.register(async (scope) => {
    const api = scope as unknown as KernApp;
    api.addHook('onRequest', citizenHook(services));

    api.get('/api/v1/portal/login-options', {
      config: { auth: 'public', personalData: 'none' },
      schema: { tags: ['portal'], summary: 'Which logins this portal offers: the DigiD broker, the demo login', response: { 200: z.object({ broker: z.boolean(), demo: z.boolean() }) } },
    }, async () => ({ broker: Boolean(services.citizenIdentityProvider), demo: services.demoMode }));

    api.post('/api/v1/portal/demo-sessions', {
      config: { auth: 'public', personalData: 'none' },
      schema: { tags: ['portal'], summary: 'Demo mode only: log in to the portal as a BRP test person', body: demoLoginInputSchema, response: { 201: z.object({ session: citizenSessionSchema }) } },
    }, async (request, reply) => {
      const { sessionId, session: s } = await demoLogin(services, request.body);
      setCookie(request, reply, sessionId, services.sessionTtlMinutes * 60);
      return reply.code(201).send({ session: s });
    });

    // The broker routes exist only where a DigiD broker is configured (docs/portal.md).
    if (services.citizenIdentityProvider) {
      api.get('/api/v1/portal/broker/start', {
        config: { auth: 'public', personalData: 'none' },
        schema: { tags: ['portal'], summary: 'Start a DigiD login at the configured broker (OIDC or SAML)' },
      }, async (request, reply) => {
        const provider = services.citizenIdentityProvider;
        if (!provider) throw new DomainError('not-found', { nl: 'Inloggen met DigiD is hier niet ingesteld.', en: 'DigiD login is not configured here.' });
        const state = newSecret();
        const nonce = newSecret();
        reply.setCookie(BROKER_STATE_COOKIE, `${state}.${nonce}`, { httpOnly: true, sameSite: 'lax', secure: secure(request), path: '/api/v1/portal/broker', maxAge: 600 });
        return reply.redirect(await provider.authorizationUrl(state, nonce), 302);
      });

      api.get('/api/v1/portal/broker/callback', {
        config: { auth: 'public', personalData: 'none' },
        schema: { tags: ['portal'], summary: 'The broker returns here; on success the portal session starts', querystring: z.record(z.string(), z.string()) },
      }, async (request, reply) => {
        const [state = '', nonce = ''] = (request.cookies[BROKER_STATE_COOKIE] ?? '').split('.');
        if (!state || request.query.state !== state) {
          throw new DomainError('not-authenticated', { nl: 'De inlogpoging is verlopen. Begin opnieuw.', en: 'The login attempt has expired. Please start again.' });
        }
        const { sessionId } = await completeBrokerLogin(services, request.query, { state, nonce });
        reply.clearCookie(BROKER_STATE_COOKIE, { path: '/api/v1/portal/broker' });
        setCookie(request, reply, sessionId, services.sessionTtlMinutes * 60);
        return reply.redirect('/portaal/', 302);
      });
    }

    api.get('/api/v1/portal/session', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'The citizen session: name, the people they may act for, CSRF token', response: { 200: z.object({ session: citizenSessionSchema }) } },
    }, async (request) => asCitizen(services, request, async (tx, s) => {
      const self = s.people.find((p) => p.relation === 'self');
      if (self) await authorizeSubject(services, tx, s, self, { resource: 'portal-data', action: 'read', detail: 'portal session' }, request.id);
      return { session: toCitizenSession(s) };
    }));

    api.delete('/api/v1/portal/session', {
      config: { auth: 'citizen', personalData: 'none' },
      schema: { tags: ['portal'], summary: 'Log out of the portal', response: { 204: z.null() } },
    }, async (request, reply) => {
      await citizenLogout(services, session(request));
      reply.clearCookie(CITIZEN_SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    });

    api.get('/api/v1/portal/people/:ref/home', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'Home: cases with deadlines, drafts, messages waiting', params: personRefParam, response: { 200: homeSchema } },
    }, async (request) => asCitizen(services, request, (tx, s) => readHome(services, tx, s, request.params.ref, request.id)));

    api.get('/api/v1/portal/people/:ref/cases', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'Cases with status, statutory terms, decisions and the objection term', params: personRefParam, response: { 200: z.object({ cases: z.array(portalCaseSchema) }) } },
    }, async (request) => asCitizen(services, request, (tx, s) => readMyCases(services, tx, s, request.params.ref, request.id)));

    api.post('/api/v1/portal/people/:ref/requests', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Start a request at the one front door (kept as a draft until sent)', params: personRefParam, body: draftInputSchema, response: { 201: requestSchema } },
    }, async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => createDraft(services, tx, s, request.params.ref, request.body))));

    api.get('/api/v1/portal/requests/:id', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'A request of yours (draft or sent)', params: idParam, response: { 200: requestSchema } },
    }, async (request) => asCitizen(services, request, (tx, s) => readOwnRequest(services, tx, s, request.params.id)));

    api.put('/api/v1/portal/requests/:id', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Save the draft as it is now', params: idParam, body: draftInputSchema, response: { 200: requestSchema } },
    }, async (request) => asCitizen(services, request, (tx, s) => saveDraft(services, tx, s, request.params.id, request.body)));

    api.post('/api/v1/portal/requests/:id/documents', {
      config: { auth: 'citizen', personalData: 'writes' },
      bodyLimit: Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024,
      schema: { tags: ['portal'], summary: 'Add a document (PDF, JPEG or PNG by content; at most 5 MB)', params: idParam, body: uploadInputSchema, response: { 201: requestSchema } },
    }, async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => uploadDocument(services, tx, s, request.params.id, request.body))));

    api.post('/api/v1/portal/requests/:id/submission', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Send the request: it becomes a melding and its statutory terms start', params: idParam, response: { 200: submissionOutputSchema } },
    }, async (request) => asCitizen(services, request, (tx, s) => submitRequest(services, tx, s, request.params.id, request.id)));

    api.get('/api/v1/portal/people/:ref/plan', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'My plan: the household plan, its versions, goals, actions and agreements', params: personRefParam, response: { 200: z.object({ plan: portalPlanSchema.nullable() }) } },
    }, async (request) => asCitizen(services, request, (tx, s) => readMyPlan(services, tx, s, request.params.ref, request.id)));

    api.post('/api/v1/portal/people/:ref/plans/:planId/agreement', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Agree to the latest version of the plan', params: planRefParam, body: planAgreeInputSchema, response: { 200: z.object({ plan: portalPlanSchema }) } },
    }, async (request) => asCitizen(services, request, (tx, s) => agreeToMyPlan(services, tx, s, request.params.ref, request.params.planId, request.body.version, request.id)));

    api.post('/api/v1/portal/people/:ref/plans/:planId/change-requests', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Ask the coordinator for a change to the agreed plan', params: planRefParam, body: planChangeInputSchema, response: { 201: z.object({ plan: portalPlanSchema.nullable() }) } },
    }, async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => askPlanChange(services, tx, s, request.params.ref, request.params.planId, request.body.request, request.id))));

    api.post('/api/v1/portal/people/:ref/plans/:planId/additions', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Add an own goal or action to the plan (a draft, or the next version once agreed)', params: planRefParam, body: planAdditionInputSchema, response: { 201: z.object({ plan: portalPlanSchema }) } },
    }, async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => addToMyPlan(services, tx, s, request.params.ref, request.params.planId, request.body, request.id))));

    api.get('/api/v1/portal/people/:ref/consents', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'My consents, in effect and withdrawn', params: personRefParam, response: { 200: consentListOutputSchema } },
    }, async (request) => asCitizen(services, request, (tx, s) => listMyConsents(services, tx, s, request.params.ref, request.id)));

    api.post('/api/v1/portal/people/:ref/consents/:consentId/withdrawal', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Withdraw a consent (takes effect at once)', params: consentRefParam, response: { 200: consentListOutputSchema } },
    }, async (request) => asCitizen(services, request, (tx, s) => withdrawMyConsent(services, tx, s, request.params.ref, request.params.consentId, request.id)));

    api.get('/api/v1/portal/people/:ref/offerings', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'Together: group offerings and peer groups, the ones nearby first', params: personRefParam, response: { 200: offeringListOutputSchema } },
    }, async (request) => asCitizen(services, request, (tx, s) => listTogether(services, tx, s, request.params.ref, request.id)));

    api.post('/api/v1/portal/people/:ref/offerings/:offeringId/enrolment', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Sign up for a group offering', params: offeringRefParam, response: { 201: offeringListOutputSchema } },
    }, async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => signUp(services, tx, s, request.params.ref, request.params.offeringId, request.id))));

    api.get('/api/v1/portal/people/:ref/messages', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'The message thread with the municipality', params: personRefParam, response: { 200: z.object({ messages: z.array(messageSchema) }) } },
    }, async (request) => asCitizen(services, request, (tx, s) => listMyMessages(services, tx, s, request.params.ref, request.id)));

    api.post('/api/v1/portal/people/:ref/messages', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Send a message to the municipality about a topic (it reaches the staff of that purpose)', params: personRefParam, body: citizenMessageInputSchema, response: { 201: z.object({ messages: z.array(messageSchema) }) } },
    }, async (request, reply) => reply.code(201).send(await asCitizen(services, request, (tx, s) => sendMyMessage(services, tx, s, request.params.ref, request.body, request.id))));

    api.put('/api/v1/portal/people/:ref/contact', {
      config: { auth: 'citizen', personalData: 'writes' },
      schema: { tags: ['portal'], summary: 'Where to send the notice that a message waits (no content is ever e-mailed)', params: personRefParam, body: contactInputSchema, response: { 200: contactInputSchema } },
    }, async (request) => asCitizen(services, request, (tx, s) => setMyContactEmail(services, tx, s, request.params.ref, request.body.email, request.id)));

    api.get('/api/v1/portal/people/:ref/data', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'My data: everything Kern holds about the person', params: personRefParam, response: { 200: myDataSchema } },
    }, async (request) => asCitizen(services, request, (tx, s) => readMyData(services, tx, s, request.params.ref, 'read', request.id)));

    api.get('/api/v1/portal/people/:ref/access-log', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'Who looked at my data and why: role, team and purpose', params: personRefParam, response: { 200: z.object({ entries: z.array(accessLogEntrySchema) }) } },
    }, async (request) => asCitizen(services, request, (tx, s) => readAccessLog(services, tx, s, request.params.ref, request.id)));

    api.get('/api/v1/portal/people/:ref/export.json', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'Download my data as JSON (AVG art. 15)', params: personRefParam, response: { 200: myDataSchema } },
    }, async (request, reply) => {
      const data = await asCitizen(services, request, (tx, s) => readMyData(services, tx, s, request.params.ref, 'export', request.id));
      void reply.header('Content-Disposition', 'attachment; filename="mijn-gegevens.json"');
      return data;
    });

    api.get('/api/v1/portal/people/:ref/export.pdf', {
      config: { auth: 'citizen', personalData: 'reads' },
      schema: { tags: ['portal'], summary: 'Download my data as PDF (AVG art. 15)', params: personRefParam },
    }, async (request, reply) => {
      const data = await asCitizen(services, request, (tx, s) => readMyData(services, tx, s, request.params.ref, 'export', request.id));
      const pdf = await myDataPdf(data);
      return reply.type('application/pdf').header('Content-Disposition', 'attachment; filename="mijn-gegevens.pdf"').send(Buffer.from(pdf));
    });
  });

  // Staff side of the thread: the coordinator or the team on a case.
  const bsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/) });
  app.get('/api/v1/residents/:bsn/portal-messages', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['portal'], summary: "The resident's portal message thread (coordinator or team on a case)", params: bsnParam, response: { 200: z.object({ messages: z.array(messageSchema) }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readThreadAsStaff(services, tx, ctx, request.params.bsn));
  });

  app.post('/api/v1/residents/:bsn/portal-messages', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['portal'], summary: 'Answer in the resident\'s portal thread (the resident gets an e-mail without content)', params: bsnParam, body: messageInputSchema, response: { 201: z.object({ messages: z.array(messageSchema) }) } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => answerAsStaff(services, tx, ctx, request.params.bsn, request.body.body));
    // After the commit: the notification waits in the outbox, so a mail failure loses nothing.
    await dispatchOutbox(services, ctx.actor.municipalityCode).catch((e: unknown) => request.log.warn({ err: e }, 'portal mail dispatch failed'));
    return reply.code(201).send(result);
  });
}
