import { contextOf, runAsTenant, type KernApp } from '@kern/access';
import type { Tx } from '@kern/db';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listFundTerms, storeFundTerms } from './fund-terms';
import { dashboardSchema, fundTermsSchema, milestoneInputSchema, monthRunResultSchema, runMonthInputSchema, statementSchema, takeOverInputSchema } from './fund.schema';
import { payCreditors, payCreditorsInputSchema } from './pay-creditors';
import { readFundDashboard } from './read-fund-dashboard';
import { readFundStatement } from './read-statement';
import { recordMilestoneReached } from './record-milestone';
import { runMonth } from './run-month';
import { takeOverDebts } from './take-over-debts';
import type { AccessServices } from '@kern/access';

const idParam = z.object({ id: z.string().uuid() });
const tags = ['debt-fund'];

/** Thin HTTP mapping for the municipal debt fund; each handler runs one use case. */
export function debtFundRoutes(app: KernApp, services: AccessServices): void {
  const run = <T>(request: FastifyRequest, fn: (tx: Tx, ctx: ReturnType<typeof contextOf>) => Promise<T>): Promise<T> => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => fn(tx, ctx));
  };

  app.post('/api/v1/debt-fund/files/:id/take-over', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags, summary: "The fund takes over the file's verified debts at the agreed sector percentages (due within 4 weeks of the decision); a second take-over is refused", params: idParam, body: takeOverInputSchema,
      response: { 201: z.object({ participationId: z.string(), takeOverDue: z.string(), withinTerm: z.boolean(), takenOverCents: z.number().int(), monthlyCents: z.number().int(), termMonths: z.number().int(), firstPeriod: z.string(), lastPeriod: z.string(), debts: z.number().int() }) },
    },
  }, async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => takeOverDebts(services, tx, ctx, request.params.id, request.body))));

  app.get('/api/v1/debt-fund/files/:id/statement', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags, summary: "The resident's statement: balance, repayments, forgiven, months left", params: idParam, response: { 200: statementSchema } },
  }, async (request) => run(request, (tx, ctx) => readFundStatement(services, tx, ctx, request.params.id)));

  app.post('/api/v1/debt-fund/files/:id/milestones', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags, summary: 'A plan goal marked as a milestone was reached: forgive the share the fund terms set (once per goal)', params: idParam, body: milestoneInputSchema.omit({ debtFileId: true }),
      response: { 200: z.object({ recorded: z.boolean(), forgivenCents: z.number().int(), balanceCents: z.number().int() }) },
    },
  }, async (request) => run(request, (tx, ctx) => recordMilestoneReached(services, tx, ctx, { ...request.body, debtFileId: request.params.id })));

  app.post('/api/v1/debt-fund/month-runs', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: "Book every resident's repayment for a month (idempotent: the same month twice books once); then close ended terms", body: runMonthInputSchema, response: { 200: monthRunResultSchema } },
  }, async (request) => runMonth(services, contextOf(request), request.body));

  app.post('/api/v1/debt-fund/payouts', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: "Pay creditors from the fund's cash, pro rata to what the fund owes each (largest remainder)", body: payCreditorsInputSchema, response: { 200: z.object({ paidCents: z.number().int(), payouts: z.number().int() }) } },
  }, async (request) => run(request, (tx, ctx) => payCreditors(services, tx, ctx, request.body)));

  app.get('/api/v1/debt-fund/dashboard', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags, summary: 'The fund dashboard: exposure, repayment rate and forgiven, by cohort (aggregates only, small cells suppressed)', response: { 200: dashboardSchema } },
  }, async (request) => run(request, (tx, ctx) => readFundDashboard(services, tx, ctx)));

  app.get('/api/v1/debt-fund/terms', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: "The fund's terms per version (sector percentages, forgiveness rules) and the shipped default", response: { 200: z.object({ versions: z.array(z.object({ version: z.number().int(), terms: fundTermsSchema, createdAt: z.string() })), shippedDefault: fundTermsSchema }) } },
  }, async (request) => run(request, (tx, ctx) => listFundTerms(services, tx, ctx)));

  app.post('/api/v1/debt-fund/terms', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: "Store a new version of the fund's terms (validated)", body: z.record(z.string(), z.unknown()), response: { 201: z.object({ version: z.number().int(), terms: fundTermsSchema }) } },
  }, async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => storeFundTerms(services, tx, ctx, request.body))));
}
