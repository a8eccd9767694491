import { contextOf, runAsTenant, type KernApp } from '@kern/access';
import { calendarDateSchema } from '@kern/kit';
import { z } from 'zod';
import { debtFileSchema, debtSchema, debtTotalsSchema, addEvidenceInputSchema, openDebtFileInputSchema, registerDebtInputSchema, updateDebtStatusInputSchema } from './debt.schema';
import type { DebtServices } from './debt-file-access';
import { accessDecisionInputSchema, decideAccess, firstConversationInputSchema, moratoriumInputSchema, recordFirstConversation, startMoratorium } from './debt-process';
import { offerLetterPdf } from './offer-letter';
import { residentOverviewPdf } from './resident-overview';
import { openDebtFile } from './open-debt-file';
import { listTeamDebtFiles, readDebtFile } from './read-debt-file';
import { importSignalFile, receiveSignalBatch } from './receive-signals';
import { addDebtEvidence, registerDebt, updateDebtStatus } from './register-debt';
import { listSignals, listSignalsInputSchema, offerHelp, respondToOffer } from './signal-offers';
import { respondToOfferInputSchema, signalImportReportSchema, signalKindSchema, signalViewSchema } from './signal.schema';
import { offerResponseInputSchema, proposeSolution, proposeSolutionInputSchema, recordOfferResponse } from './solutions';
import { calculateVtlb, calculateVtlbInputSchema, listNormTables, storeNormTable, vtlbLineSchema } from './vtlb-use-cases';
import { vtlbNormTableSchema } from './vtlb-norms';

const idParam = z.object({ id: z.string().uuid() });
const debtParam = z.object({ id: z.string().uuid(), debtId: z.string().uuid() });
const tags = ['debt'];

const vtlbResultSchema = z.object({
  normTable: z.object({ validFrom: z.string(), validUntil: z.string(), source: z.string(), assumptions: z.array(z.string()) }),
  lines: z.array(vtlbLineSchema),
  vtlbCents: z.number().int(),
  capacityCents: z.number().int(),
});
const solutionSchema = z.object({
  id: z.string(), debtFileId: z.string(), kind: z.string(), status: z.string(), vtlbCalculationId: z.string(), termMonths: z.number().int(), capacityCents: z.number().int(),
  totalClaimsCents: z.number().int(), availableCents: z.number().int(), payoutBasisPoints: z.number().int(), lender: z.string().nullable(), proposedOn: z.string(), agreedOn: z.string().nullable(),
});
const offerSchema = z.object({
  id: z.string(), solutionId: z.string(), debtId: z.string(), creditorId: z.string(), creditorName: z.string(), category: z.string(), claimCents: z.number().int(),
  offeredCents: z.number().int(), status: z.enum(['sent', 'accepted', 'rejected']), respondedOn: z.string().nullable(),
});
const solutionViewSchema = z.object({ solution: solutionSchema, offers: z.array(offerSchema) });
const fileSignalSchema = z.object({
  id: z.string(), subjectBsn: z.string(), creditorId: z.string(), creditorName: z.string(), sector: z.string(), kind: signalKindSchema, arrearsCents: z.number().int(),
  monthsInArrears: z.number().int().nullable(), firstSignalOn: z.string(), lastSignalOn: z.string(), timesReceived: z.number().int(), offerStatus: z.string(),
  offeredOn: z.string().nullable(), respondedOn: z.string().nullable(), debtFileId: z.string().nullable(),
});
export const debtFileViewSchema = z.object({
  file: debtFileSchema,
  debts: z.array(debtSchema),
  totals: debtTotalsSchema,
  terms: z.array(z.object({ term: z.enum(['first-conversation', 'decision', 'moratorium']), due: z.string(), metOn: z.string().nullable(), status: z.enum(['met', 'met-late', 'open', 'overdue']) })),
  signals: z.array(fileSignalSchema),
  vtlb: z.object({ id: z.string(), referenceDate: z.string(), input: z.record(z.string(), z.unknown()), result: vtlbResultSchema, vtlbCents: z.number().int(), capacityCents: z.number().int(), calculatedAt: z.string() }).nullable(),
  solution: solutionViewSchema.nullable(),
  creditors: z.array(z.object({ creditorId: z.string(), creditorName: z.string(), claimedCents: z.number().int(), verifiedCents: z.number().int(), offeredCents: z.number().int(), offerStatus: z.string().nullable() })),
});

/** Thin HTTP mapping for debt help; every handler runs one use case in the actor's tenant. */
export function debtRoutes(app: KernApp, services: DebtServices): void {
  const run = <T>(request: Parameters<typeof contextOf>[0], fn: (tx: Parameters<Parameters<typeof runAsTenant>[2]>[0], ctx: ReturnType<typeof contextOf>) => Promise<T>): Promise<T> => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => fn(tx, ctx));
  };

  app.post('/api/v1/debt/signals', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'Receive early-warning signals as JSON (all or nothing, deduplicated per resident and creditor)', body: z.object({ signals: z.array(z.unknown()).min(1).max(10_000) }), response: { 200: signalImportReportSchema } },
  }, async (request) => run(request, (tx, ctx) => receiveSignalBatch(services, tx, ctx, request.body.signals)));

  app.post('/api/v1/debt/signal-files', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: "Import a creditor's signal file (CSV text); refused as a whole with a per-line report when any line is bad", body: z.object({ csv: z.string().min(1) }), response: { 200: signalImportReportSchema } },
  }, async (request) => run(request, (tx, ctx) => importSignalFile(services, tx, ctx, request.body.csv)));

  app.get('/api/v1/debt/signals', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags, summary: 'The signals inbox: the signal and BRP identification only (Wgs art. 8b)', querystring: listSignalsInputSchema, response: { 200: z.object({ signals: z.array(signalViewSchema) }) } },
  }, async (request) => run(request, (tx, ctx) => listSignals(services, tx, ctx, request.query)));

  app.post('/api/v1/debt/signals/:id/offer', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'Record that help was offered on a signal', params: idParam, response: { 200: signalViewSchema } },
  }, async (request) => run(request, (tx, ctx) => offerHelp(services, tx, ctx, request.params.id)));

  app.post('/api/v1/debt/signals/:id/response', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: "The resident's answer to the offer; accepting opens the debt file", params: idParam, body: respondToOfferInputSchema, response: { 200: z.object({ offerStatus: z.string(), debtFileId: z.string().nullable(), firstConversationDue: z.string().nullable() }) } },
  }, async (request) => run(request, (tx, ctx) => respondToOffer(services, tx, ctx, request.params.id, request.body)));

  app.post('/api/v1/debt/files', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'Open a debt file on a request for help (first-conversation term per Wgs art. 4)', body: openDebtFileInputSchema, response: { 201: z.object({ debtFileId: z.string().uuid(), reference: z.string(), firstConversationDue: z.string() }) } },
  }, async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => openDebtFile(services, tx, ctx, request.body))));

  app.get('/api/v1/debt/files', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags, summary: "Your teams' debt files: references, status and terms", response: { 200: z.object({ files: z.array(debtFileSchema.pick({ id: true, reference: true, status: true, urgent: true, firstConversationDue: true, decisionDue: true, teamName: true, requestDate: true })) }) } },
  }, async (request) => run(request, (tx, ctx) => listTeamDebtFiles(services, tx, ctx)));

  app.get('/api/v1/debt/files/:id', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags, summary: 'The debt file: terms, signals, inventory, VTLB, solution and the creditors overview', params: idParam, response: { 200: debtFileViewSchema } },
  }, async (request) => run(request, (tx, ctx) => readDebtFile(services, tx, ctx, request.params.id)));

  app.post('/api/v1/debt/files/:id/debts', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: "Register a creditor's claim (DDAS category, eurocents)", params: idParam, body: registerDebtInputSchema, response: { 201: z.object({ debtId: z.string().uuid() }) } },
  }, async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => registerDebt(services, tx, ctx, request.params.id, request.body))));

  app.post('/api/v1/debt/files/:id/debts/:debtId/status', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'Verify (with the amount), dispute or reopen a claim', params: debtParam, body: updateDebtStatusInputSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await run(request, (tx, ctx) => updateDebtStatus(services, tx, ctx, request.params.id, request.params.debtId, request.body));
    return reply.code(204).send(null);
  });

  app.post('/api/v1/debt/files/:id/debts/:debtId/evidence', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'Record an evidence document (metadata)', params: debtParam, body: addEvidenceInputSchema, response: { 201: z.object({ evidenceId: z.string().uuid() }) } },
  }, async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => addDebtEvidence(services, tx, ctx, request.params.id, request.params.debtId, request.body))));

  app.post('/api/v1/debt/files/:id/first-conversation', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'Record the first conversation; starts the beschikking term (Wgs art. 4a)', params: idParam, body: firstConversationInputSchema, response: { 200: z.object({ decisionDue: z.string(), withinTerm: z.boolean() }) } },
  }, async (request) => run(request, (tx, ctx) => recordFirstConversation(services, tx, ctx, request.params.id, request.body)));

  app.post('/api/v1/debt/files/:id/decision', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'The beschikking: plan of action, or refusal on a stated ground', params: idParam, body: accessDecisionInputSchema, response: { 200: z.object({ status: z.string(), withinTerm: z.boolean(), ground: z.object({ nl: z.string(), en: z.string() }).optional() }) } },
  }, async (request) => run(request, (tx, ctx) => decideAccess(services, tx, ctx, request.params.id, request.body)));

  app.post('/api/v1/debt/files/:id/moratorium', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'A cooling-off period or moratorium of at most six months', params: idParam, body: moratoriumInputSchema, response: { 200: z.object({ latestEnd: z.string() }) } },
  }, async (request) => run(request, (tx, ctx) => startMoratorium(services, tx, ctx, request.params.id, request.body)));

  app.post('/api/v1/debt/files/:id/vtlb', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'Compute the VTLB and repayment capacity with the norms valid on the reference date, every line explained', params: idParam, body: calculateVtlbInputSchema.extend({ referenceDate: calendarDateSchema.optional() }), response: { 200: z.object({ calculationId: z.string().uuid(), result: vtlbResultSchema }) } },
  }, async (request) => run(request, (tx, ctx) => calculateVtlb(services, tx, ctx, request.params.id, request.body)));

  app.post('/api/v1/debt/files/:id/solution', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: 'Propose the solution: one offer per verified debt (pro rata by largest remainder)', params: idParam, body: proposeSolutionInputSchema, response: { 201: solutionViewSchema } },
  }, async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => proposeSolution(services, tx, ctx, request.params.id, request.body))));

  app.post('/api/v1/debt/files/:id/offers/:offerId/response', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags, summary: "A creditor's answer to its offer; all accepted = agreed", params: z.object({ id: z.string().uuid(), offerId: z.string().uuid() }), body: offerResponseInputSchema, response: { 200: solutionViewSchema } },
  }, async (request) => run(request, (tx, ctx) => recordOfferResponse(services, tx, ctx, request.params.id, request.params.offerId, request.body)));

  app.get('/api/v1/debt/files/:id/letters/:creditorId', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags, summary: 'The offer letter to one creditor (PDF)', params: z.object({ id: z.string().uuid(), creditorId: z.string().uuid() }) },
  }, async (request, reply) => {
    const { fileName, pdf } = await run(request, (tx, ctx) => offerLetterPdf(services, tx, ctx, request.params.id, request.params.creditorId));
    return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(Buffer.from(pdf));
  });

  app.get('/api/v1/debt/files/:id/overview', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags, summary: "The resident's overview (PDF): debts, VTLB lines, the offer to each creditor", params: idParam },
  }, async (request, reply) => {
    const { fileName, pdf } = await run(request, (tx, ctx) => residentOverviewPdf(services, tx, ctx, request.params.id));
    return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(Buffer.from(pdf));
  });

  app.get('/api/v1/debt/norm-tables', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: "VTLB norm tables: the municipality's own and the shipped ones, with their validity and assumptions", response: { 200: z.object({ own: z.array(vtlbNormTableSchema), shipped: z.array(vtlbNormTableSchema) }) } },
  }, async (request) => run(request, async (tx, ctx) => {
    const r = await listNormTables(services, tx, ctx);
    return { own: r.own, shipped: [...r.shipped] };
  }));

  app.post('/api/v1/debt/norm-tables', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Store the norm table for the next half year (functional administrator); validated, periods never overlap', body: z.record(z.string(), z.unknown()), response: { 201: vtlbNormTableSchema } },
  }, async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => storeNormTable(services, tx, ctx, request.body))));
}
