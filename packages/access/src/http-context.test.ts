import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { csrfTokenMatches, requireCsrfToken } from './http-context';

const message = { nl: 'Beveiligingscode ontbreekt.', en: 'Security code missing.' };
const request = (method: string, token?: string) => ({ method, headers: token === undefined ? {} : { 'x-csrf-token': token } }) as unknown as FastifyRequest;

describe('the one CSRF check (staff and citizen sessions)', () => {
  it('lets a state-changing request through only with its session token', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(() => requireCsrfToken(request(method, 'secret-token'), 'secret-token', message), method).not.toThrow();
      expect(() => requireCsrfToken(request(method, 'secret-tokeN'), 'secret-token', message), method).toThrow(expect.objectContaining({ code: 'csrf-token-invalid', userMessage: message }));
      expect(() => requireCsrfToken(request(method), 'secret-token', message), method).toThrow(expect.objectContaining({ code: 'csrf-token-invalid' }));
    }
  });

  it('does not ask for a token on reads, and never matches a session without one', () => {
    expect(() => requireCsrfToken(request('GET'), undefined, message)).not.toThrow();
    expect(() => requireCsrfToken(request('POST', ''), undefined, message)).toThrow(expect.objectContaining({ code: 'csrf-token-invalid' }));
    expect(csrfTokenMatches('', '')).toBe(false);
    expect(csrfTokenMatches('abc', 'abcd')).toBe(false);
  });
});
