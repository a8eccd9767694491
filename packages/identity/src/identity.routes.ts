import type {} from '@fastify/cookie';
import { contextOf, moduleRoutes, requireActor, requireCsrfToken, runAsTenant, type AccessServices } from '@kern/access';
import { DomainError, secureCookieFor, type Config } from '@kern/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { changePassword } from './change-password';
import { identityContract, SESSION_COOKIE } from './contract';
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

export function identityRoutes(services: IdentityServices & AccessServices & { secureCookies: Config['secureCookies'] }) {
  const setCookie = (request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) =>
    reply.setCookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: secureCookieFor(services.secureCookies, request.hostname), path: '/', maxAge });

  return moduleRoutes(identityContract, {
    login: async (request, reply) => {
      const { sessionId, session } = await login(services, request.body, request.ip);
      setCookie(request, reply, sessionId, services.sessionTtlMinutes * 60);
      return reply.code(201).send({ session });
    },
    getSessionsCurrent: async (request) => {
      requireActor(request);
      const resolved = request.staffSession;
      if (!resolved) throw new DomainError('not-authenticated', { nl: 'U bent niet ingelogd.', en: 'You are not logged in.' });
      return { session: resolved.session };
    },
    logout: async (request, reply) => {
      if (request.staffSession) await logout(services, request.staffSession);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
    changePassword: async (request, reply) => {
      const resolved = request.staffSession;
      if (!resolved) throw new DomainError('not-authenticated', { nl: 'U bent niet ingelogd.', en: 'You are not logged in.' });
      await changePassword(services, resolved, request.body);
      return reply.code(204).send(null);
    },
    listLoginAlerts: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listLoginAlerts(services, tx, ctx));
    },
  });
}
