/**
 * A module's HTTP contract as data: every route's method, path, schemas, who may call it and
 * whether it touches personal data. The server implements routes from these tables (one helper,
 * apps/server/src/implement-routes.ts), the route guard, the OpenAPI document and the route-audit
 * test read the same tables, and the web app calls the API through them (apps/web/src/api/client.ts).
 *
 * Browser-safe: this file and every `@kern/<module>/contract` may import only zod, this file and
 * other modules' contracts, never node:*, the database or fastify.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors';

export { calendarDateSchema, isCalendarDate, isIsoDate } from './iso-date';
export { isValidBsn } from './bsn';
export { BSN_CHECK_MESSAGE, BSN_DIGITS_MESSAGE, DATE_MESSAGE, issueMessage, type IssueLike } from './issue-message';
export type { ErrorCode, InvalidParam, UserMessage } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: nobody in particular, a staff session, or a citizen session. */
export type RouteAuth = 'public' | 'staff' | 'citizen';

/**
 * Whether a route touches personal data. A route that does must require a session and write an
 * audit record for every subject it names (route-audit.int.test.ts holds every route to it).
 */
export type PersonalDataUse = 'none' | 'reads' | 'writes';

/** What the route body is when it is not JSON: an upload the handler reads as a stream. */
export interface RawBody {
  /** Content types accepted; the handler receives the body as a Readable stream. */
  contentTypes: readonly string[];
  /** Largest body in bytes the route accepts before answering 413. */
  limitBytes?: number;
}

export interface RouteContract {
  method: HttpMethod;
  /** Full path with `:name` parameters, e.g. `/api/v1/offerings/:offeringId/enrolments`. */
  path: string;
  summary: string;
  tags: readonly string[];
  auth: RouteAuth;
  personalData: PersonalDataUse;
  /** The access resource and action the use case decides on, where one applies (documentation and review). */
  access?: { resource: string; action: string };
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  raw?: RawBody;
  /** JSON body size limit in bytes when it differs from the server default. */
  bodyLimit?: number;
  /** Answers by status; a `z.string()` answer for a non-JSON body (CSV, PDF, XML) says so in `produces`. */
  responses: Readonly<Record<number, z.ZodType>>;
  /** Content type of a non-JSON success answer (text/csv, application/pdf, application/xml). */
  produces?: string;
  /** The domain errors a caller should expect, beyond the ones every route may give. */
  errors?: readonly ErrorCode[];
  /** Kept out of the OpenAPI document (the document itself). */
  hide?: boolean;
}

/** A module's routes, by the name its handlers and the web client use. */
export type Contract = Readonly<Record<string, RouteContract>>;

/** Declares a route; `const` keeps the literal types so params, query, body and answers are inferred. */
export function defineRoute<const R extends RouteContract>(route: R): R {
  return route;
}

/** Declares a module's contract: a record of routes. */
export function defineContract<const C extends Contract>(contract: C): C {
  return contract;
}

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
type InferIn<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the server hands a handler after validation (zod output: defaults applied, coerced). */
export type ParamsOf<R extends RouteContract> = Infer<R['params']>;
export type QueryOf<R extends RouteContract> = Infer<R['query']>;
export type BodyOf<R extends RouteContract> = Infer<R['body']>;

/** What a caller sends (zod input: optional where a default applies). */
export type ParamsIn<R extends RouteContract> = InferIn<R['params']>;
export type QueryIn<R extends RouteContract> = InferIn<R['query']>;
export type BodyIn<R extends RouteContract> = InferIn<R['body']>;

type SuccessStatus = 200 | 201 | 202 | 204;
type SuccessSchemas<R extends RouteContract> = {
  [S in keyof R['responses'] & SuccessStatus]: R['responses'][S];
}[keyof R['responses'] & SuccessStatus];

/** The answer a handler returns (before serialisation). */
export type ResponseIn<R extends RouteContract> = SuccessSchemas<R> extends z.ZodType ? z.input<SuccessSchemas<R>> : never;
/** The answer a caller receives (after serialisation: the schema's output). */
export type ResponseOf<R extends RouteContract> = SuccessSchemas<R> extends z.ZodType ? z.output<SuccessSchemas<R>> : never;

/** The path with its parameters filled in and encoded; a missing parameter is a programming error. */
export function pathFor(route: Pick<RouteContract, 'path'>, params: Record<string, string | number> | undefined): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${route.path}: parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}

/** A query string from a flat record; undefined and empty values are left out. */
type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export function queryStringOf(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'object') for (const item of value) search.append(key, String(item));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Every route of several contracts, with the module it belongs to. */
export function routesOf(contracts: Readonly<Record<string, Contract>>): { module: string; name: string; route: RouteContract }[] {
  return Object.entries(contracts).flatMap(([module, contract]) => Object.entries(contract).map(([name, route]) => ({ module, name, route })));
}

/** A BSN path or body field: nine digits (the 11-test is the use case's, with a field error). */
export const bsnParamSchema = z.object({ bsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits') });
export const uuidParamSchema = z.object({ id: z.string().uuid() });
