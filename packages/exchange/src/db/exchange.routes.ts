import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { contextOf, runAsTenant, type KernApp } from '@kern/access';
import { DomainError } from '@kern/kit';
import { z } from 'zod';
import { openTempFile } from '../temp-file';
import { approveInvoice } from './approve-invoice';
import { exportPaymentBatch } from './export-payment-batch';
import { invoiceLinesQuerySchema, invoiceLinesSchema, invoiceMessageSchema, invoiceMessagesQuerySchema, paymentBatchSchema } from './invoice-inbox.schema';
import { listInvoiceMessages, readInvoiceLines } from './read-invoice-inbox';
import { receiveInvoice, type ExchangeServices } from './receive-invoice';

export interface ExchangeRouteServices extends ExchangeServices {
  /** The largest file one delivery may stream in (config exchangeUploadLimitBytes). */
  uploadLimitBytes: number;
}

const tooLarge = (limit: number): DomainError =>
  new DomainError('payload-too-large', {
    nl: `Het bestand is groter dan de toegestane ${limit} bytes; er is niets geboekt.`,
    en: `The file is larger than the ${limit} bytes allowed; nothing was booked.`,
  });

/** The request body as it arrives, counted: past the limit the delivery is refused (never buffered whole). */
async function* limited(body: Readable, limit: number): AsyncGenerator<Buffer> {
  let seen = 0;
  // Not destroyed on an early stop: the request must stay open for the answer (413 or the refusal).
  for await (const chunk of body.iterator({ destroyOnReturn: false })) {
    const b = chunk as Buffer;
    seen += b.length;
    // Stop reading and answer 413; Node discards the rest of the upload (destroying the request would lose the answer).
    if (seen > limit) throw tooLarge(limit);
    yield b;
  }
}

const idParam = z.object({ id: z.string().uuid() });
const xmlTypes = ['application/xml', 'text/xml'];

/** HTTP for invoices: the delivery endpoint (323 in, 325 out), the inbox, approval and the payment batch export. */
export function exchangeRoutes(app: KernApp, services: ExchangeRouteServices): void {
  // Its own scope, so only this route takes XML, and takes it as a stream.
  void app.register(async (scope) => {
    scope.addContentTypeParser(xmlTypes, (_request, payload, done) => done(null, payload));
    scope.post('/api/v1/exchange/invoices', {
      config: { auth: 'staff', personalData: 'writes' },
      schema: {
        tags: ['exchange'],
        summary: 'Deliver a declaration (iWmo/iJw 3.2 323) as the request body (application/xml, streamed); the answer is the 325. Purpose: wmo for iWmo, jeugdwet for iJw',
        consumes: xmlTypes,
        produces: ['application/xml'],
        response: { 200: z.string().describe('the 325 (declaratieantwoord)') },
      },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > services.uploadLimitBytes) throw tooLarge(services.uploadLimitBytes);
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
        throw new DomainError('invalid-input', { nl: 'Stuur het bericht als application/xml.', en: 'Send the message as application/xml.' }, [{ name: 'content-type', reason: 'application/xml' }]);
      }
      // The 325 goes to a temporary file and is streamed back from there: memory stays flat however many lines were rejected.
      const out = await openTempFile('kern-325-http-', 'answer.xml');
      const cleanup = () => void out.dispose();
      let received: Awaited<ReturnType<typeof receiveInvoice>>;
      try {
        received = await receiveInvoice(services, ctx, limited(body, services.uploadLimitBytes), { answer: (p) => out.write(p) });
        await out.close();
      } catch (e) {
        cleanup();
        throw e;
      }
      if (!received.outcome.header) {
        cleanup();
        // Not even a header: there is no 325 to address, so the refusal is a problem.
        const r = received.outcome.refusal;
        throw new DomainError('invalid-input', {
          nl: `Het bestand is geen geldig iWmo/iJw-declaratiebericht (${r?.rule ?? 'XML'} ${r?.code ?? '0001'}); er is niets geboekt.`,
          en: `The file is not a valid iWmo/iJw declaration (${r?.rule ?? 'XML'} ${r?.code ?? '0001'}); nothing was booked.`,
        }, [{ name: 'body', reason: r?.message.slice(0, 300) ?? 'not a message' }]);
      }
      const stream = createReadStream(out.path);
      // Fastify answers a read error of a sent stream itself; the file goes either way.
      stream.once('close', cleanup);
      return reply
        .type('application/xml; charset=utf-8')
        .header('kern-message-id', received.messageId ?? '')
        .header('kern-message-status', received.refused ? 'refused' : received.repeated ? 'repeated' : 'answered')
        .header('kern-lines', `${received.lines};approved=${received.approvedLines};rejected=${received.rejectedLines}`)
        .send(stream);
    });
  });

  app.get('/api/v1/exchange/invoices', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['exchange'], summary: 'The invoice inbox: declarations received under the purpose (wmo: iWmo, jeugdwet: iJw), with counts and totals', querystring: invoiceMessagesQuerySchema, response: { 200: z.object({ messages: z.array(invoiceMessageSchema) }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return { messages: await runAsTenant(services, ctx, (tx) => listInvoiceMessages(services, tx, ctx, request.query)) };
  });

  app.get('/api/v1/exchange/invoices/:id/lines', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['exchange'], summary: "A declaration's lines with verdict and reasons (WJ001 in Dutch and English); filter by verdict and return code", params: idParam, querystring: invoiceLinesQuerySchema, response: { 200: invoiceLinesSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readInvoiceLines(services, tx, ctx, request.params.id, request.query));
  });

  app.post('/api/v1/exchange/invoices/:id/payment-batches', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['exchange'], summary: "Approve for payment: the declaration's approved lines not paid yet become a payment batch", params: idParam, response: { 201: paymentBatchSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const batch = await runAsTenant(services, ctx, (tx) => approveInvoice(services, tx, ctx, request.params.id));
    return reply.code(201).send(batch);
  });

  app.get('/api/v1/exchange/payment-batches/:id/csv', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['exchange'], summary: 'A payment batch as CSV for the financial system (no BSN)', params: idParam, response: { 200: z.string() } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const { fileName, csv } = await runAsTenant(services, ctx, (tx) => exportPaymentBatch(services, tx, ctx, request.params.id));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(csv);
  });
}
