import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import type { FastifyRequest } from 'fastify';
import { debtFundContract } from '../contract/fund.contract';
import { listFundTerms, storeFundTerms } from './fund-terms';
import { payCreditors } from './pay-creditors';
import { readFundDashboard } from './read-fund-dashboard';
import { readFundStatement } from './read-statement';
import { recordMilestoneReached } from './record-milestone';
import { runMonth } from './run-month';
import { takeOverDebts } from './take-over-debts';

/** Thin HTTP mapping for the municipal debt fund; each handler runs one use case. */
export function debtFundRoutes(services: AccessServices) {
  const run = <T>(request: FastifyRequest, fn: (tx: Tx, ctx: ReturnType<typeof contextOf>) => Promise<T>): Promise<T> => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => fn(tx, ctx));
  };

  return moduleRoutes(debtFundContract, {
    takeOver: async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => takeOverDebts(services, tx, ctx, request.params.id, request.body))),
    statement: async (request) => run(request, (tx, ctx) => readFundStatement(services, tx, ctx, request.params.id)),
    recordMilestone: async (request) => run(request, (tx, ctx) => recordMilestoneReached(services, tx, ctx, { ...request.body, debtFileId: request.params.id })),
    runMonth: async (request) => runMonth(services, contextOf(request), request.body),
    payCreditors: async (request) => run(request, (tx, ctx) => payCreditors(services, tx, ctx, request.body)),
    dashboard: async (request) => run(request, (tx, ctx) => readFundDashboard(services, tx, ctx)),
    listTerms: async (request) => run(request, (tx, ctx) => listFundTerms(services, tx, ctx)),
    storeTerms: async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => storeFundTerms(services, tx, ctx, request.body))),
  });
}
