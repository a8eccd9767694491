import { AccessDenied } from '@kern/access';
import { DomainError, RetryLater, type ErrorCode, type InvalidParam, type UserMessage } from '@kern/kit';
import { issueMessage, type IssueLike } from '@kern/kit/contract';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * One mapping from errors to HTTP: RFC 9457 problem+json with a Dutch and an English message
 * (NL API Design Rules). Domain code never chooses a status; this switch does, exhaustively.
 */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'invalid-input':
      return 400;
    case 'not-authenticated':
      return 401;
    case 'forbidden':
    case 'csrf-token-invalid':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload-too-large':
      return 413;
    case 'too-many-requests':
      return 429;
    case 'upstream-unavailable':
      return 503;
  }
}

const titles: Record<ErrorCode, UserMessage> = {
  'invalid-input': { nl: 'Ongeldige invoer', en: 'Invalid input' },
  'not-authenticated': { nl: 'Niet ingelogd', en: 'Not authenticated' },
  forbidden: { nl: 'Geen toegang', en: 'Forbidden' },
  'csrf-token-invalid': { nl: 'Beveiligingscode ongeldig', en: 'Invalid CSRF token' },
  'not-found': { nl: 'Niet gevonden', en: 'Not found' },
  conflict: { nl: 'Conflict', en: 'Conflict' },
  'payload-too-large': { nl: 'Verzoek te groot', en: 'Payload too large' },
  'too-many-requests': { nl: 'Te veel verzoeken', en: 'Too many requests' },
  'upstream-unavailable': { nl: 'Bronsysteem niet bereikbaar', en: 'Upstream system unavailable' },
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode | 'internal-error';
  messages: UserMessage;
  invalidParams?: InvalidParam[];
  breakGlassPossible?: boolean;
  /** Seconds to wait before trying again (also the Retry-After header). */
  retryAfterSeconds?: number;
  /** An internal error: the request id to report (the server log names it too). */
  reference?: string;
}

export function languageOf(request: FastifyRequest): 'nl' | 'en' {
  const header = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'nl';
}

export function problemFor(request: FastifyRequest, error: DomainError): Problem {
  const lang = languageOf(request);
  const status = statusOf(error.code);
  return {
    type: `https://kern.example/problems/${error.code}`,
    title: titles[error.code][lang],
    status,
    detail: error.userMessage[lang],
    instance: request.url.split('?')[0] ?? request.url,
    code: error.code,
    messages: error.userMessage,
    ...(error.invalidParams.length ? { invalidParams: error.invalidParams } : {}),
    ...(error instanceof AccessDenied ? { breakGlassPossible: error.breakGlassPossible } : {}),
    ...(error instanceof RetryLater ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}

/** "Vul dit veld in." as the tail of a sentence: "vul dit veld in". */
const asClause = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, '');

/**
 * The message of a schema failure names every field and says what to do with it, so a person
 * who sees only the message (an alert above a form) still knows what to put right.
 */
export function fieldsToCheck(issues: { name: string; says: UserMessage }[]): UserMessage {
  const seen = new Set<string>();
  const unique = issues.filter((i) => !seen.has(i.name) && seen.add(i.name));
  const [only] = unique;
  if (only && unique.length === 1) {
    return { nl: `Controleer het veld ${only.name}: ${asClause(only.says.nl)}.`, en: `Check the field ${only.name}: ${asClause(only.says.en)}.` };
  }
  const list = (lang: 'nl' | 'en', and: string) => {
    const parts = unique.map((i) => `${i.name} (${asClause(i.says[lang])})`);
    return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1) ?? ''}` : parts.join('');
  };
  return { nl: `Controleer deze velden: ${list('nl', 'en')}.`, en: `Check these fields: ${list('en', 'and')}.` };
}

/** Translates framework errors (validation, parsing, limits) into domain errors first. */
export function toDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => {
      // fastify-type-provider-zod keeps the zod issue's details in params, its code as keyword.
      const details = v.params as Omit<IssueLike, 'code' | 'message'> & { issue?: { path?: unknown[] } };
      const issue: IssueLike = { ...details, code: v.keyword, message: v.message };
      return {
        name: [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), details.issue?.path?.join('.')]
          .filter((x) => x)
          .join('') || String(error.validationContext ?? 'request'),
        reason: v.message ?? 'invalid',
        says: issueMessage(issue),
      };
    });
    return new DomainError('invalid-input', fieldsToCheck(issues), issues.map(({ name, reason }) => ({ name, reason })));
  }
  const fe = error as Partial<FastifyError>;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('payload-too-large', { nl: 'Het verzoek is te groot.', en: 'The request body is too large.' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('invalid-input', { nl: 'Stuur de gegevens als application/json.', en: 'Send the data as application/json.' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DomainError('invalid-input', { nl: 'De JSON in het verzoek is ongeldig.', en: 'The JSON in the request is invalid.' });
    case 'FST_ERR_VALIDATION':
      return new DomainError('invalid-input', { nl: 'Het verzoek is ongeldig.', en: 'The request is invalid.' }, [{ name: 'request', reason: fe.message ?? 'invalid' }]);
    default:
      break;
  }
  if (fe.statusCode === 400 && fe.message) {
    return new DomainError('invalid-input', { nl: 'Het verzoek is ongeldig.', en: 'The request is invalid.' }, [{ name: 'request', reason: fe.message }]);
  }
  if (fe.statusCode === 429) {
    return new DomainError('too-many-requests', { nl: 'Te veel verzoeken; wacht even.', en: 'Too many requests; wait a moment.' });
  }
  return undefined;
}

export async function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const domain = toDomainError(error);
  if (domain) {
    const problem = problemFor(request, domain);
    if (problem.retryAfterSeconds !== undefined) void reply.header('retry-after', String(problem.retryAfterSeconds));
    await reply.code(problem.status).type('application/problem+json').send(problem);
    return;
  }
  // The log line carries the request id (reqId), the reference the answer names.
  request.log.error({ err: error, reference: request.id }, 'unhandled error');
  const lang = languageOf(request);
  const messages = {
    nl: `Er ging iets mis in Kern. Er is niets opgeslagen; probeer het opnieuw of meld het met referentie ${request.id}.`,
    en: `Something went wrong in Kern. Nothing was saved; try again or report it with reference ${request.id}.`,
  };
  if (reply.sent || reply.raw.headersSent) return;
  await reply.code(500).type('application/problem+json').send({
    type: 'https://kern.example/problems/internal-error',
    title: lang === 'en' ? 'Internal error' : 'Interne fout',
    status: 500,
    detail: messages[lang],
    instance: request.id,
    reference: request.id,
    code: 'internal-error',
    messages,
  } satisfies Problem);
}

export async function notFoundHandler(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const problem = problemFor(
    request,
    new DomainError('not-found', { nl: `Er is geen ${request.method} ${request.url.split('?')[0] ?? ''} in deze API.`, en: `There is no ${request.method} ${request.url.split('?')[0] ?? ''} in this API.` }),
  );
  await reply.code(404).type('application/problem+json').send(problem);
}
