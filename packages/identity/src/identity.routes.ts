import type {} from '@fastify/cookie';
import { contextOf, requireActor, requireCsrfToken, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { DomainError, secureCookieFor, type Config } from '@kern/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changePassword } from './change-password';
import { loginAlertsOutputSchema, loginInputSchema, passwordChangeInputSchema, SESSION_COOKIE, sessionOutputSchema } from './identity.schema';
import { listLoginAlerts } from './list-login-alerts';
import { login, type IdentityServices } from './login';
import { logout, resolveSession, type ResolvedSession } from './resolve-session';

declare module 'fastify' {
  interface FastifyRequest {
    staffSession?: ResolvedSession;
  }
}

/**
 * Resolves the session cookie on every request, requires it on staff routes, and requires the
 * CSRF token (synchronizer pattern, header X-CSRF-Token) on every state-changing staff request.
 */
export function authenticationHook(services: IdentityServices) {
  return async (request: FastifyRequest): Promise<void> => {
    const auth = request.routeOptions.config.auth;
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const resolved = await resolveSession(services, cookie);
      if (resolved) {
        request.staffSession = resolved;
        request.actor = resolved.actor;
        request.csrfToken = resolved.session.csrfToken;
      }
    }
    if (auth !== 'staff') return;
    requireActor(request);
    requireCsrfToken(request, request.csrfToken, {
      nl: 'De beveiligingscode (CSRF-token) ontbreekt of klopt niet. Laad de pagina opnieuw.',
      en: 'The security code (CSRF token) is missing or wrong. Reload the page.',
    });
  };
}

export function identityRoutes(app: KernApp, services: IdentityServices & AccessServices & { secureCookies: Config['secureCookies'] }): void {
  const setCookie = (request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) =>
    reply.setCookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: secureCookieFor(services.secureCookies, request.hostname), path: '/', maxAge });

  app.post('/api/v1/sessions', {
    config: { auth: 'public', personalData: 'none' },
    schema: { tags: ['identity'], summary: 'Log in with username and password', body: loginInputSchema, response: { 201: sessionOutputSchema } },
  }, async (request, reply) => {
    const { sessionId, session } = await login(services, request.body, request.ip);
    setCookie(request, reply, sessionId, services.sessionTtlMinutes * 60);
    return reply.code(201).send({ session });
  });

  app.get('/api/v1/sessions/current', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['identity'], summary: 'The current session (account, roles, teams, CSRF token)', response: { 200: sessionOutputSchema } },
  }, async (request) => {
    requireActor(request);
    const resolved = request.staffSession;
    if (!resolved) throw new DomainError('not-authenticated', { nl: 'U bent niet ingelogd.', en: 'You are not logged in.' });
    return { session: resolved.session };
  });

  app.delete('/api/v1/sessions/current', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['identity'], summary: 'Log out', response: { 204: z.null() } },
  }, async (request, reply) => {
    if (request.staffSession) await logout(services, request.staffSession);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.post('/api/v1/accounts/current/password-change', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['identity'], summary: 'Change your password (ends your other sessions)', body: passwordChangeInputSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    const resolved = request.staffSession;
    if (!resolved) throw new DomainError('not-authenticated', { nl: 'U bent niet ingelogd.', en: 'You are not logged in.' });
    await changePassword(services, resolved, request.body);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/login-alerts', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['identity'], summary: 'Accounts with many failed logins (functional administrator)', response: { 200: loginAlertsOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listLoginAlerts(services, tx, ctx));
  });
}
