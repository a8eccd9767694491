import { timingSafeEqual } from 'node:crypto';
import { DomainError, type UserMessage } from '@kern/kit';
import type { PersonalDataUse, RouteContract } from '@kern/kit/contract';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { purposeSchema, type AccessContext, type Actor, type Purpose } from './contract';

/**
 * Every /api route declares whether it touches personal data and who may call it. The server
 * refuses to start with a route that does not (apps/server/src/route-guard.ts), and a test walks
 * the route table to prove each personal-data route writes audit records.
 */
export type { PersonalDataUse } from '@kern/kit/contract';

declare module 'fastify' {
  interface FastifyContextConfig {
    personalData?: PersonalDataUse;
    auth?: 'public' | 'staff' | 'citizen';
    /** The contract entry the route was implemented from (apps/server implement-routes.ts). */
    contract?: { module: string; name: string; route: RouteContract };
  }
  interface FastifyRequest {
    actor?: Actor;
    csrfToken?: string;
  }
}

export type KernApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export const PURPOSE_HEADER = 'kern-purpose';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Constant time, so the comparison does not tell an attacker how much of a guess was right. */
export function csrfTokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The one CSRF check, for staff and citizen sessions alike (synchronizer pattern): a
 * state-changing request must carry its session's token in X-CSRF-Token. A cookie travels with a
 * forged cross-site request; the token, read from the session answer by the page, does not.
 * Each caller words the refusal for its audience.
 */
export function requireCsrfToken(request: FastifyRequest, expected: string | undefined, message: UserMessage): void {
  if (!UNSAFE_METHODS.has(request.method)) return;
  const given = request.headers[CSRF_HEADER];
  if (!csrfTokenMatches(expected ?? '', typeof given === 'string' ? given : undefined)) throw new DomainError('csrf-token-invalid', message);
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new DomainError('not-authenticated', { nl: 'U bent niet ingelogd.', en: 'You are not logged in.' });
  }
  return request.actor;
}

export function purposeOf(request: FastifyRequest): Purpose | undefined {
  const raw = request.headers[PURPOSE_HEADER];
  if (raw === undefined || raw === '') return undefined;
  const parsed = purposeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError(
      'invalid-input',
      {
        nl: 'Kies een geldig doel: wmo, jeugdwet, participatiewet, wgs of integraal.',
        en: 'Choose a valid purpose: wmo, jeugdwet, participatiewet, wgs or integraal.',
      },
      [{ name: 'Kern-Purpose', reason: 'unknown purpose' }],
    );
  }
  return parsed.data;
}

export function contextOf(request: FastifyRequest): AccessContext {
  return { actor: requireActor(request), purpose: purposeOf(request), requestId: request.id };
}

/** Use cases that need a purpose say so clearly rather than being silently denied. */
export function requirePurpose(ctx: AccessContext): Purpose {
  if (!ctx.purpose) {
    throw new DomainError(
      'invalid-input',
      {
        nl: 'Geef aan voor welk doel u werkt (Wmo, Jeugdwet, Participatiewet, Wgs of integrale regie).',
        en: 'State the purpose you work for (Wmo, Jeugdwet, Participatiewet, Wgs or integral coordination).',
      },
      [{ name: 'Kern-Purpose', reason: 'required for personal data' }],
    );
  }
  return ctx.purpose;
}
