/**
 * Domain errors are values, not HTTP exceptions: a use case says *what* went wrong
 * (a code and a message a person can act on, in Dutch and English); one mapping in
 * the server turns the code into an HTTP status (see apps/server/src/problem.ts).
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-authenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-many-requests'
  | 'csrf-token-invalid'
  | 'payload-too-large'
  | 'upstream-unavailable';

export interface UserMessage {
  nl: string;
  en: string;
}

export interface InvalidParam {
  name: string;
  reason: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: UserMessage;
  readonly invalidParams: InvalidParam[];

  constructor(code: ErrorCode, userMessage: UserMessage, invalidParams: InvalidParam[] = []) {
    super(userMessage.en);
    this.name = 'DomainError';
    this.code = code;
    this.userMessage = userMessage;
    this.invalidParams = invalidParams;
  }
}

/** Too many attempts: the caller may try again after `retryAfterSeconds` (sent as Retry-After). */
export class RetryLater extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    userMessage: UserMessage,
  ) {
    super('too-many-requests', userMessage);
  }
}

export const invalidInput = (message: UserMessage, params: InvalidParam[] = []): DomainError =>
  new DomainError('invalid-input', message, params);

export const notFound = (what: UserMessage): DomainError => new DomainError('not-found', what);

export const forbidden = (message: UserMessage): DomainError => new DomainError('forbidden', message);

export const conflict = (message: UserMessage): DomainError => new DomainError('conflict', message);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
