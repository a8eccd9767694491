import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { dashboardSchema, fundTermsSchema, milestoneInputSchema, monthRunResultSchema, payCreditorsInputSchema, runMonthInputSchema, statementSchema, takeOverInputSchema } from './fund.schema';

const idParam = z.object({ id: z.string().uuid() });
const tags = ['debt-fund'];

/** The municipal debt fund: take-over, statement, milestones, monthly runs, payouts, dashboard, terms. */
export const debtFundContract = defineContract({
  takeOver: defineRoute({
    method: 'POST', path: '/api/v1/debt-fund/files/:id/take-over', tags, auth: 'staff', personalData: 'writes',
    summary: "The fund takes over the file's verified debts at the agreed sector percentages (due within 4 weeks of the decision); a second take-over is refused",
    access: { resource: 'debt-fund', action: 'create' },
    params: idParam, body: takeOverInputSchema,
    responses: { 201: z.object({ participationId: z.string(), takeOverDue: z.string(), withinTerm: z.boolean(), takenOverCents: z.number().int(), monthlyCents: z.number().int(), termMonths: z.number().int(), firstPeriod: z.string(), lastPeriod: z.string(), debts: z.number().int() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  statement: defineRoute({
    method: 'GET', path: '/api/v1/debt-fund/files/:id/statement', tags, auth: 'staff', personalData: 'reads',
    summary: "The resident's statement: balance, repayments, forgiven, months left",
    access: { resource: 'debt-fund', action: 'read' },
    params: idParam,
    responses: { 200: statementSchema },
    errors: ['forbidden', 'not-found'],
  }),
  recordMilestone: defineRoute({
    method: 'POST', path: '/api/v1/debt-fund/files/:id/milestones', tags, auth: 'staff', personalData: 'writes',
    summary: 'A plan goal marked as a milestone was reached: forgive the share the fund terms set (once per goal)',
    access: { resource: 'debt-fund', action: 'update' },
    params: idParam, body: milestoneInputSchema.omit({ debtFileId: true }),
    responses: { 200: z.object({ recorded: z.boolean(), forgivenCents: z.number().int(), balanceCents: z.number().int() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  runMonth: defineRoute({
    method: 'POST', path: '/api/v1/debt-fund/month-runs', tags, auth: 'staff', personalData: 'writes',
    summary: "Book every resident's repayment for a month (idempotent: the same month twice books once); then close ended terms",
    access: { resource: 'debt-fund-run', action: 'create' },
    body: runMonthInputSchema,
    responses: { 200: monthRunResultSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  payCreditors: defineRoute({
    method: 'POST', path: '/api/v1/debt-fund/payouts', tags, auth: 'staff', personalData: 'writes',
    summary: "Pay creditors from the fund's cash, pro rata to what the fund owes each (largest remainder)",
    access: { resource: 'debt-fund-run', action: 'create' },
    body: payCreditorsInputSchema,
    responses: { 200: z.object({ paidCents: z.number().int(), payouts: z.number().int() }) },
    errors: ['invalid-input', 'forbidden'],
  }),
  dashboard: defineRoute({
    method: 'GET', path: '/api/v1/debt-fund/dashboard', tags, auth: 'staff', personalData: 'reads',
    summary: 'The fund dashboard: exposure, repayment rate and forgiven, by cohort (aggregates only, small cells suppressed)',
    access: { resource: 'debt-fund-aggregates', action: 'read' },
    responses: { 200: dashboardSchema },
    errors: ['forbidden'],
  }),
  listTerms: defineRoute({
    method: 'GET', path: '/api/v1/debt-fund/terms', tags, auth: 'staff', personalData: 'none',
    summary: "The fund's terms per version (sector percentages, forgiveness rules) and the shipped default",
    access: { resource: 'debt-fund-terms', action: 'read' },
    responses: { 200: z.object({ versions: z.array(z.object({ version: z.number().int(), terms: fundTermsSchema, createdAt: z.string() })), shippedDefault: fundTermsSchema }) },
    errors: ['forbidden'],
  }),
  storeTerms: defineRoute({
    method: 'POST', path: '/api/v1/debt-fund/terms', tags, auth: 'staff', personalData: 'none',
    summary: "Store a new version of the fund's terms (validated)",
    access: { resource: 'debt-fund-terms', action: 'create' },
    body: z.record(z.string(), z.unknown()),
    responses: { 201: z.object({ version: z.number().int(), terms: fundTermsSchema }) },
    errors: ['invalid-input', 'forbidden'],
  }),
});
