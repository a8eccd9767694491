import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { contextOf, moduleRoutes, runAsTenant } from '@kern/access';
import { DomainError } from '@kern/kit';
import { exchangeContract } from '../contract/exchange.contract';
import { openTempFile } from '../temp-file';
import { approveInvoice } from './approve-invoice';
import { exportPaymentBatch } from './export-payment-batch';
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

/** HTTP for invoices: the delivery endpoint (323 in, 325 out), the inbox, approval and the payment batch export. */
export function exchangeRoutes(services: ExchangeRouteServices) {
  return moduleRoutes(exchangeContract, {
    deliverInvoice: async (request, reply) => {
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
    },
    listInvoiceMessages: async (request) => {
      const ctx = contextOf(request);
      return { messages: await runAsTenant(services, ctx, (tx) => listInvoiceMessages(services, tx, ctx, request.query)) };
    },
    invoiceLines: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readInvoiceLines(services, tx, ctx, request.params.id, request.query));
    },
    approveInvoice: async (request, reply) => {
      const ctx = contextOf(request);
      const batch = await runAsTenant(services, ctx, (tx) => approveInvoice(services, tx, ctx, request.params.id));
      return reply.code(201).send(batch);
    },
    paymentBatchCsv: async (request, reply) => {
      const ctx = contextOf(request);
      const { fileName, csv } = await runAsTenant(services, ctx, (tx) => exportPaymentBatch(services, tx, ctx, request.params.id));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(csv);
    },
  });
}
