/** The invoice inbox: the client for /api/v1/exchange, typed from @kern/exchange/contract. */
import { exchangeContract, invoiceMessageSchema, type InvoiceLine, type InvoiceMessage, type PaymentBatch } from '@kern/exchange/contract';
import type { QueryIn } from '@kern/kit/contract';
import { ApiError, type Api, type Problem } from '../api';
import type { Lang } from '../i18n';
import type { Purpose } from '../purpose';
import { urlOf } from './client';

/** The role that works the invoice inbox (the back office; see packages/access/src/policy/exchange-rules.ts). */
export const INVOICE_ROLE = 'decision-maker';

/** Lines per page in the inbox. */
export const LINES_PAGE = 200;

export type { InvoiceLine, InvoiceMessage, PaymentBatch };
/** The states a received declaration can be in (the inbox filter). */
export const INVOICE_STATUSES = invoiceMessageSchema.shape.status.options;
export type ReturnCodeText = InvoiceLine['reasons'][number];
export type InboxFilter = Omit<QueryIn<typeof exchangeContract.listInvoiceMessages>, 'limit'>;
export type LineFilter = Pick<QueryIn<typeof exchangeContract.invoiceLines>, 'verdict' | 'returnCode'>;

export interface Delivery {
  messageId: string;
  status: string;
  lines: string;
}

/** What the raw requests (an XML upload, a CSV download) need besides the JSON client. */
export interface RawContext {
  lang: Lang;
  purpose: Purpose | null;
  csrfToken: string | null;
}

async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = { title: response.statusText || 'Error', status: response.status };
  if (!(response.headers.get('content-type') ?? '').includes('json')) return fallback;
  try {
    return { ...fallback, ...((await response.json()) as Partial<Problem>), status: response.status };
  } catch {
    return fallback;
  }
}

function rawHeaders(ctx: RawContext, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Accept-Language': ctx.lang,
    ...(ctx.purpose ? { 'Kern-Purpose': ctx.purpose } : {}),
    ...(ctx.csrfToken ? { 'X-CSRF-Token': ctx.csrfToken } : {}),
    ...extra,
  };
}

export function exchangeApi(api: Api) {
  const c = exchangeContract;
  return {
    messages: (filter: InboxFilter) => api.call(c.listInvoiceMessages, { query: { ...filter, limit: 100 } }).then((x) => x.messages),
    lines: (id: string, filter: LineFilter, offset = 0) => api.call(c.invoiceLines, { params: { id }, query: { ...filter, offset, limit: LINES_PAGE } }),
    approve: (id: string) => api.call(c.approveInvoice, { params: { id } }),
    /** Sends the file as it is (application/xml, streamed by the browser); the answer is the 325. */
    async deliver(file: Blob, ctx: RawContext): Promise<Delivery> {
      const response = await fetch(c.deliverInvoice.path, { method: 'POST', credentials: 'same-origin', headers: rawHeaders(ctx, { 'Content-Type': 'application/xml', Accept: 'application/xml, application/problem+json' }), body: file });
      if (!response.ok) throw new ApiError(await problemOf(response));
      await response.text();
      return { messageId: response.headers.get('kern-message-id') ?? '', status: response.headers.get('kern-message-status') ?? '', lines: response.headers.get('kern-lines') ?? '' };
    },
    async paymentBatchCsv(batchId: string, ctx: RawContext): Promise<{ fileName: string; csv: string }> {
      const response = await fetch(urlOf(c.paymentBatchCsv, { params: { id: batchId } }), { credentials: 'same-origin', headers: rawHeaders(ctx, { Accept: 'text/csv, application/problem+json' }) });
      if (!response.ok) throw new ApiError(await problemOf(response));
      const disposition = response.headers.get('content-disposition') ?? '';
      return { fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'betaalbatch.csv', csv: await response.text() };
    },
  };
}
