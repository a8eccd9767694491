import { calendarDateSchema, defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { accessDecisionInputSchema, firstConversationInputSchema, moratoriumInputSchema } from './debt-process.schema';
import { debtFileViewSchema, solutionViewSchema, vtlbResultSchema } from './debt-file-view.schema';
import { addEvidenceInputSchema, debtFileSchema, openDebtFileInputSchema, registerDebtInputSchema, updateDebtStatusInputSchema } from './debt.schema';
import { listSignalsInputSchema, respondToOfferInputSchema, signalImportReportSchema, signalViewSchema } from './signal.schema';
import { offerResponseInputSchema, proposeSolutionInputSchema } from './solution.schema';
import { calculateVtlbInputSchema, vtlbNormTableSchema } from './vtlb.schema';

const idParam = z.object({ id: z.string().uuid() });
const debtParam = z.object({ id: z.string().uuid(), debtId: z.string().uuid() });
const tags = ['debt'];

/** Debt help on the Wgs terms: signals, the debt file, inventory, VTLB, solution, letters. */
export const debtContract = defineContract({
  receiveSignals: defineRoute({
    method: 'POST', path: '/api/v1/debt/signals', tags, auth: 'staff', personalData: 'writes',
    summary: 'Receive early-warning signals as JSON (all or nothing, deduplicated per resident and creditor)',
    access: { resource: 'debt-signal', action: 'create' },
    body: z.object({ signals: z.array(z.unknown()).min(1).max(10_000) }),
    responses: { 200: signalImportReportSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  importSignalFile: defineRoute({
    method: 'POST', path: '/api/v1/debt/signal-files', tags, auth: 'staff', personalData: 'writes',
    summary: "Import a creditor's signal file (CSV text); refused as a whole with a per-line report when any line is bad",
    access: { resource: 'debt-signal', action: 'create' },
    body: z.object({ csv: z.string().min(1) }),
    responses: { 200: signalImportReportSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  listSignals: defineRoute({
    method: 'GET', path: '/api/v1/debt/signals', tags, auth: 'staff', personalData: 'reads',
    summary: 'The signals inbox: the signal and BRP identification only (Wgs art. 8b)',
    access: { resource: 'debt-signal', action: 'read' },
    query: listSignalsInputSchema,
    responses: { 200: z.object({ signals: z.array(signalViewSchema) }) },
    errors: ['invalid-input', 'forbidden'],
  }),
  offerHelp: defineRoute({
    method: 'POST', path: '/api/v1/debt/signals/:id/offer', tags, auth: 'staff', personalData: 'writes',
    summary: 'Record that help was offered on a signal',
    access: { resource: 'debt-signal', action: 'update' },
    params: idParam,
    responses: { 200: signalViewSchema },
    errors: ['forbidden', 'not-found', 'conflict'],
  }),
  respondToOffer: defineRoute({
    method: 'POST', path: '/api/v1/debt/signals/:id/response', tags, auth: 'staff', personalData: 'writes',
    summary: "The resident's answer to the offer; accepting opens the debt file",
    access: { resource: 'debt-signal', action: 'update' },
    params: idParam, body: respondToOfferInputSchema,
    responses: { 200: z.object({ offerStatus: z.string(), debtFileId: z.string().nullable(), firstConversationDue: z.string().nullable() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  openDebtFile: defineRoute({
    method: 'POST', path: '/api/v1/debt/files', tags, auth: 'staff', personalData: 'writes',
    summary: 'Open a debt file on a request for help (first-conversation term per Wgs art. 4)',
    access: { resource: 'debt-file', action: 'create' },
    body: openDebtFileInputSchema,
    responses: { 201: z.object({ debtFileId: z.string().uuid(), reference: z.string(), firstConversationDue: z.string() }) },
    errors: ['invalid-input', 'forbidden', 'conflict'],
  }),
  listDebtFiles: defineRoute({
    method: 'GET', path: '/api/v1/debt/files', tags, auth: 'staff', personalData: 'reads',
    summary: "Your teams' debt files: references, status and terms",
    access: { resource: 'worklist', action: 'read' },
    responses: { 200: z.object({ files: z.array(debtFileSchema.pick({ id: true, reference: true, status: true, urgent: true, firstConversationDue: true, decisionDue: true, teamName: true, requestDate: true })) }) },
    errors: ['forbidden'],
  }),
  readDebtFile: defineRoute({
    method: 'GET', path: '/api/v1/debt/files/:id', tags, auth: 'staff', personalData: 'reads',
    summary: 'The debt file: terms, signals, inventory, VTLB, solution and the creditors overview',
    access: { resource: 'debt-file', action: 'read' },
    params: idParam,
    responses: { 200: debtFileViewSchema },
    errors: ['forbidden', 'not-found'],
  }),
  registerDebt: defineRoute({
    method: 'POST', path: '/api/v1/debt/files/:id/debts', tags, auth: 'staff', personalData: 'writes',
    summary: "Register a creditor's claim (DDAS category, eurocents)",
    access: { resource: 'debt-file', action: 'update' },
    params: idParam, body: registerDebtInputSchema,
    responses: { 201: z.object({ debtId: z.string().uuid() }) },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
  updateDebtStatus: defineRoute({
    method: 'POST', path: '/api/v1/debt/files/:id/debts/:debtId/status', tags, auth: 'staff', personalData: 'writes',
    summary: 'Verify (with the amount), dispute or reopen a claim',
    access: { resource: 'debt-file', action: 'update' },
    params: debtParam, body: updateDebtStatusInputSchema,
    responses: { 204: z.null() },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
  addDebtEvidence: defineRoute({
    method: 'POST', path: '/api/v1/debt/files/:id/debts/:debtId/evidence', tags, auth: 'staff', personalData: 'writes',
    summary: 'Record an evidence document (metadata)',
    access: { resource: 'debt-file', action: 'update' },
    params: debtParam, body: addEvidenceInputSchema,
    responses: { 201: z.object({ evidenceId: z.string().uuid() }) },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
  recordFirstConversation: defineRoute({
    method: 'POST', path: '/api/v1/debt/files/:id/first-conversation', tags, auth: 'staff', personalData: 'writes',
    summary: 'Record the first conversation; starts the beschikking term (Wgs art. 4a)',
    access: { resource: 'debt-file', action: 'update' },
    params: idParam, body: firstConversationInputSchema,
    responses: { 200: z.object({ decisionDue: z.string(), withinTerm: z.boolean() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  decideAccess: defineRoute({
    method: 'POST', path: '/api/v1/debt/files/:id/decision', tags, auth: 'staff', personalData: 'writes',
    summary: 'The beschikking: plan of action, or refusal on a stated ground',
    access: { resource: 'debt-file', action: 'decide' },
    params: idParam, body: accessDecisionInputSchema,
    responses: { 200: z.object({ status: z.string(), withinTerm: z.boolean(), ground: z.object({ nl: z.string(), en: z.string() }).optional() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  startMoratorium: defineRoute({
    method: 'POST', path: '/api/v1/debt/files/:id/moratorium', tags, auth: 'staff', personalData: 'writes',
    summary: 'A cooling-off period or moratorium of at most six months',
    access: { resource: 'debt-file', action: 'update' },
    params: idParam, body: moratoriumInputSchema,
    responses: { 200: z.object({ latestEnd: z.string() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  calculateVtlb: defineRoute({
    method: 'POST', path: '/api/v1/debt/files/:id/vtlb', tags, auth: 'staff', personalData: 'writes',
    summary: 'Compute the VTLB and repayment capacity with the norms valid on the reference date, every line explained',
    access: { resource: 'debt-file', action: 'update' },
    params: idParam, body: calculateVtlbInputSchema.extend({ referenceDate: calendarDateSchema.optional() }),
    responses: { 200: z.object({ calculationId: z.string().uuid(), result: vtlbResultSchema }) },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
  proposeSolution: defineRoute({
    method: 'POST', path: '/api/v1/debt/files/:id/solution', tags, auth: 'staff', personalData: 'writes',
    summary: 'Propose the solution: one offer per verified debt (pro rata by largest remainder)',
    access: { resource: 'debt-file', action: 'decide' },
    params: idParam, body: proposeSolutionInputSchema,
    responses: { 201: solutionViewSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  recordOfferResponse: defineRoute({
    method: 'POST', path: '/api/v1/debt/files/:id/offers/:offerId/response', tags, auth: 'staff', personalData: 'writes',
    summary: "A creditor's answer to its offer; all accepted = agreed",
    access: { resource: 'debt-file', action: 'update' },
    params: z.object({ id: z.string().uuid(), offerId: z.string().uuid() }), body: offerResponseInputSchema,
    responses: { 200: solutionViewSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  offerLetter: defineRoute({
    method: 'GET', path: '/api/v1/debt/files/:id/letters/:creditorId', tags, auth: 'staff', personalData: 'reads',
    summary: 'The offer letter to one creditor (PDF)',
    access: { resource: 'debt-file', action: 'export' },
    params: z.object({ id: z.string().uuid(), creditorId: z.string().uuid() }),
    responses: {}, produces: 'application/pdf',
    errors: ['forbidden', 'not-found'],
  }),
  residentOverview: defineRoute({
    method: 'GET', path: '/api/v1/debt/files/:id/overview', tags, auth: 'staff', personalData: 'reads',
    summary: "The resident's overview (PDF): debts, VTLB lines, the offer to each creditor",
    access: { resource: 'debt-file', action: 'read' },
    params: idParam,
    responses: {}, produces: 'application/pdf',
    errors: ['forbidden', 'not-found'],
  }),
  listNormTables: defineRoute({
    method: 'GET', path: '/api/v1/debt/norm-tables', tags, auth: 'staff', personalData: 'none',
    summary: "VTLB norm tables: the municipality's own and the shipped ones, with their validity and assumptions",
    access: { resource: 'debt-norms', action: 'read' },
    responses: { 200: z.object({ own: z.array(vtlbNormTableSchema), shipped: z.array(vtlbNormTableSchema) }) },
    errors: ['forbidden'],
  }),
  storeNormTable: defineRoute({
    method: 'POST', path: '/api/v1/debt/norm-tables', tags, auth: 'staff', personalData: 'none',
    summary: 'Store the norm table for the next half year (functional administrator); validated, periods never overlap',
    access: { resource: 'debt-norms', action: 'create' },
    body: z.record(z.string(), z.unknown()),
    responses: { 201: vtlbNormTableSchema },
    errors: ['invalid-input', 'forbidden', 'conflict'],
  }),
});
