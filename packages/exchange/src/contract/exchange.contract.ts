import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { invoiceLinesQuerySchema, invoiceLinesSchema, invoiceMessageSchema, invoiceMessagesQuerySchema, paymentBatchSchema } from './invoice-inbox.schema';

const idParam = z.object({ id: z.string().uuid() });
const xmlTypes = ['application/xml', 'text/xml'];

/** Invoices: the delivery endpoint (323 in, 325 out), the inbox, approval and the payment batch export. */
export const exchangeContract = defineContract({
  /** The 323 arrives as a stream; the handler counts it against the configured upload limit (exchangeUploadLimitBytes). */
  deliverInvoice: defineRoute({
    method: 'POST', path: '/api/v1/exchange/invoices', tags: ['exchange'], auth: 'staff', personalData: 'writes',
    summary: 'Deliver a declaration (iWmo/iJw 3.2 323) as the request body (application/xml, streamed); the answer is the 325. Purpose: wmo for iWmo, jeugdwet for iJw',
    access: { resource: 'invoice', action: 'create' },
    raw: { contentTypes: xmlTypes },
    responses: { 200: z.string().describe('the 325 (declaratieantwoord)') },
    produces: 'application/xml',
    errors: ['invalid-input', 'forbidden', 'payload-too-large'],
  }),
  listInvoiceMessages: defineRoute({
    method: 'GET', path: '/api/v1/exchange/invoices', tags: ['exchange'], auth: 'staff', personalData: 'reads',
    summary: 'The invoice inbox: declarations received under the purpose (wmo: iWmo, jeugdwet: iJw), with counts and totals',
    access: { resource: 'invoice', action: 'read' },
    query: invoiceMessagesQuerySchema,
    responses: { 200: z.object({ messages: z.array(invoiceMessageSchema) }) },
    errors: ['forbidden'],
  }),
  invoiceLines: defineRoute({
    method: 'GET', path: '/api/v1/exchange/invoices/:id/lines', tags: ['exchange'], auth: 'staff', personalData: 'reads',
    summary: "A declaration's lines with verdict and reasons (WJ001 in Dutch and English); filter by verdict and return code",
    access: { resource: 'invoice', action: 'read' },
    params: idParam, query: invoiceLinesQuerySchema,
    responses: { 200: invoiceLinesSchema },
    errors: ['forbidden', 'not-found'],
  }),
  approveInvoice: defineRoute({
    method: 'POST', path: '/api/v1/exchange/invoices/:id/payment-batches', tags: ['exchange'], auth: 'staff', personalData: 'writes',
    summary: "Approve for payment: the declaration's approved lines not paid yet become a payment batch",
    access: { resource: 'payment-batch', action: 'create' },
    params: idParam,
    responses: { 201: paymentBatchSchema },
    errors: ['forbidden', 'not-found', 'conflict'],
  }),
  paymentBatchCsv: defineRoute({
    method: 'GET', path: '/api/v1/exchange/payment-batches/:id/csv', tags: ['exchange'], auth: 'staff', personalData: 'reads',
    summary: 'A payment batch as CSV for the financial system (no BSN)',
    access: { resource: 'payment-batch', action: 'export' },
    params: idParam,
    responses: { 200: z.string() },
    errors: ['forbidden', 'not-found'],
  }),
});
