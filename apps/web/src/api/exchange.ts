/** The invoice inbox: the client for /api/v1/exchange. Types mirror the server's zod schemas (packages/exchange/src/db/invoice-inbox.schema.ts). */
import { ApiError, queryString, type Api, type Problem } from '../api';
import type { Lang } from '../i18n';
import type { Purpose } from '../purpose';

/** The role that works the invoice inbox (the back office; see packages/access/src/policy/exchange-rules.ts). */
export const INVOICE_ROLE = 'decision-maker';

/** Lines per page in the inbox. */
export const LINES_PAGE = 200;

export interface ReturnCodeText {
  code: string;
  rule: string | null;
  nl: string;
  en: string;
}

export interface InvoiceMessage {
  id: string;
  standard: 'iwmo' | 'ijw';
  sender: string;
  identification: string;
  messageDate: string;
  declaratieNummer: string | null;
  periodBegin: string | null;
  periodEnd: string | null;
  status: 'receiving' | 'answered' | 'refused' | 'failed';
  refusal: (ReturnCodeText & { reason: string | null }) | null;
  /** Processing failed inside Kern: deliver the message again. */
  failure: { reason: string; at: string } | null;
  receivedAt: string;
  clients: number;
  lines: number;
  approvedLines: number;
  rejectedLines: number;
  submittedCents: number;
  approvedCents: number;
  rejectedCents: number;
  paymentBatchId: string | null;
}

export interface InvoiceLine {
  id: string;
  clientIndex: number;
  referentieNummer: string;
  vorigReferentieNummer: string | null;
  toewijzingNummer: string;
  productCategorie: string;
  productCode: string | null;
  begindatum: string;
  einddatum: string;
  volume: number;
  unit: string;
  tariffCents: number;
  amountCents: number;
  debitCredit: 'D' | 'C';
  approved: boolean;
  firstSubmission: boolean;
  reasons: ReturnCodeText[];
  paid: boolean;
}

export interface PaymentBatch {
  id: string;
  reference: string;
  messageId: string;
  providerAgb: string;
  lines: number;
  totalCents: number;
  createdAt: string;
}

export interface InboxFilter {
  provider?: string;
  period?: string;
  status?: string;
}

export interface LineFilter {
  verdict?: string;
  returnCode?: string;
}

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
  const r = api.request;
  return {
    messages: (filter: InboxFilter) => r<{ messages: InvoiceMessage[] }>('GET', `/exchange/invoices${queryString({ ...filter, limit: 100 })}`).then((x) => x.messages),
    lines: (id: string, filter: LineFilter, offset = 0) =>
      r<{ message: InvoiceMessage; lines: InvoiceLine[]; total: number }>('GET', `/exchange/invoices/${encodeURIComponent(id)}/lines${queryString({ ...filter, offset, limit: LINES_PAGE })}`),
    approve: (id: string) => r<PaymentBatch>('POST', `/exchange/invoices/${encodeURIComponent(id)}/payment-batches`),
    /** Sends the file as it is (application/xml, streamed by the browser); the answer is the 325. */
    async deliver(file: Blob, ctx: RawContext): Promise<Delivery> {
      const response = await fetch('/api/v1/exchange/invoices', { method: 'POST', credentials: 'same-origin', headers: rawHeaders(ctx, { 'Content-Type': 'application/xml', Accept: 'application/xml, application/problem+json' }), body: file });
      if (!response.ok) throw new ApiError(await problemOf(response));
      await response.text();
      return { messageId: response.headers.get('kern-message-id') ?? '', status: response.headers.get('kern-message-status') ?? '', lines: response.headers.get('kern-lines') ?? '' };
    },
    async paymentBatchCsv(batchId: string, ctx: RawContext): Promise<{ fileName: string; csv: string }> {
      const response = await fetch(`/api/v1/exchange/payment-batches/${encodeURIComponent(batchId)}/csv`, { credentials: 'same-origin', headers: rawHeaders(ctx, { Accept: 'text/csv, application/problem+json' }) });
      if (!response.ok) throw new ApiError(await problemOf(response));
      const disposition = response.headers.get('content-disposition') ?? '';
      return { fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'betaalbatch.csv', csv: await response.text() };
    },
  };
}
