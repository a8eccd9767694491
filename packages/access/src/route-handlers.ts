import type { BodyOf, Contract, ParamsOf, QueryOf, ResponseIn, RouteContract } from '@kern/kit/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KernApp } from './http-context';

/**
 * The server side of a module's contract (`@kern/<module>/contract`): one handler per route,
 * typed from the route's schemas. apps/server registers them with `implementRoutes`, which takes
 * method, path, schemas, auth and personal-data use from the contract, so a handler cannot
 * declare a route of its own.
 */
export type ContractRequest<R extends RouteContract> = FastifyRequest<{
  Params: ParamsOf<R>;
  Querystring: QueryOf<R>;
  Body: BodyOf<R>;
}>;

/** Returns the answer (serialised by the route's response schema) or the reply it sent itself. */
export type RouteHandler<R extends RouteContract> = (request: ContractRequest<R>, reply: FastifyReply) => Promise<ResponseIn<R> | FastifyReply>;

export type RouteHandlers<C extends Contract> = { [K in keyof C]: RouteHandler<C[K]> };

/** What a module hands the server: its contract, a handler for every route, and hooks for its scope. */
export interface ModuleRoutes<C extends Contract = Contract> {
  contract: C;
  handlers: RouteHandlers<C>;
  /** Hooks that apply to this module's routes only (e.g. the portal's citizen session). */
  scope?: (app: KernApp) => void;
}

/** Ties a contract to its handlers with the types checked. */
export function moduleRoutes<C extends Contract>(contract: C, handlers: RouteHandlers<C>, scope?: (app: KernApp) => void): ModuleRoutes<C> {
  return scope ? { contract, handlers, scope } : { contract, handlers };
}
