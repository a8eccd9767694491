/**
 * The one typed way the web app calls the API: a route from a module's contract
 * (`@kern/<module>/contract`) and its params, query and body, checked against the same zod
 * schemas the server validates with; the answer is typed as the server's response schema.
 */
import { pathFor, queryStringOf, type BodyIn, type ParamsIn, type QueryIn, type ResponseOf, type RouteContract } from '@kern/kit/contract';

type ParamsPart<R extends RouteContract> = R['params'] extends object ? { params: ParamsIn<R> } : { params?: undefined };
type QueryPart<R extends RouteContract> = R['query'] extends object ? { query?: QueryIn<R> } : { query?: undefined };
type BodyPart<R extends RouteContract> = R['body'] extends object ? { body: BodyIn<R> } : { body?: undefined };

export type CallInput<R extends RouteContract> = ParamsPart<R> & QueryPart<R> & BodyPart<R>;

/** Routes without required params or body may be called with no second argument. */
export type CallArgs<R extends RouteContract> = R['params'] extends object ? [CallInput<R>] : R['body'] extends object ? [CallInput<R>] : [CallInput<R>?];

/** The low-level request of api.ts: method, path under /api/v1, JSON body. */
export type RequestFn = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const API_PREFIX = '/api/v1';

/** The URL of a route under /api/v1, e.g. for a download link. */
export function urlOf<R extends RouteContract>(route: R, input: { params?: ParamsIn<R>; query?: QueryIn<R> } = {}): string {
  return `${pathFor(route, input.params as Record<string, string | number> | undefined)}${queryStringOf(input.query as Record<string, string | number | boolean | undefined> | undefined)}`;
}

export function contractCaller(request: RequestFn) {
  return function call<R extends RouteContract>(route: R, ...args: CallArgs<R>): Promise<ResponseOf<R>> {
    const input = (args[0] ?? {}) as { params?: Record<string, string | number>; query?: Record<string, string | number | boolean | undefined>; body?: unknown };
    const url = urlOf(route, input as { params?: ParamsIn<R>; query?: QueryIn<R> });
    if (!url.startsWith(API_PREFIX)) throw new Error(`${route.path} is not an API route`);
    return request<ResponseOf<R>>(route.method, url.slice(API_PREFIX.length), input.body);
  };
}
