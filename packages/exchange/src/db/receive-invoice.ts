import { authorize, recordAccess, requirePurpose, runAsTenant, type AccessContext, type AccessServices } from '@kern/access';
import { isoDay, withTenant, type AnyDb } from '@kern/db';
import { DomainError, invalidInput } from '@kern/kit';
import type { SplitLimits } from '../invoice-split';
import { processInvoiceStream, type InvoiceOutcome, type JudgedLine } from '../process-invoice';
import { noteRefusal, refuseMessage } from './exchange.repository';
import type { ReceivedInvoice } from '../contract/invoice-inbox.schema';
import { PgInvoiceBackend } from './pg-invoice-backend';
import { nextRetourIdentification } from '../regie/regie.repository';
import type { ResidencySource } from './residency';

export interface ExchangeServices extends AccessServices {
  db: AnyDb;
  residency: ResidencySource;
}

export interface ReceiveOptions {
  /** Receives the 325 piece by piece (the HTTP route collects it, the CLI writes a file). */
  answer: (piece: string) => void | Promise<void>;
  onLine?: (line: JudgedLine) => void;
  onProgress?: (clients: number, lines: number) => void;
  limits?: SplitLimits;
  /** Test hook: called before each batch is staged (simulate a crash). */
  beforeCommit?: (batch: number) => void;
}

const lawOf = { iwmo: 'wmo', ijw: 'jeugdwet' } as const;

/** What the inbox says about a failure: the error's own words, without a BSN it may quote. */
export function failureReason(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `processing failed: ${text.replace(/\b\d{9}\b/g, '*********')}`.slice(0, 2000);
}

/**
 * A care provider's declaration (323) is received: streamed, XSD-validated per batch, each
 * prestatie verified against the allocations, the contract and the BRP, booked per batch and
 * answered with a 325. Access first: the back office receives invoices under the law of the
 * message (an iJw invoice needs the Jeugdwet purpose); the decision is audited before any fact
 * is read. Refused messages book nothing; a message received again gets its stored answer.
 */
export async function receiveInvoice(services: ExchangeServices, ctx: AccessContext, source: AsyncIterable<Buffer | string>, o: ReceiveOptions): Promise<ReceivedInvoice & { outcome: InvoiceOutcome }> {
  const purpose = requirePurpose(ctx);
  if (purpose !== 'wmo' && purpose !== 'jeugdwet') {
    throw invalidInput({ nl: 'Declaraties worden ontvangen onder het doel Wmo of Jeugdwet.', en: 'Invoices are received under the Wmo or Jeugdwet purpose.' }, [{ name: 'Kern-Purpose', reason: 'wmo or jeugdwet' }]);
  }
  const grant = await runAsTenant(services, ctx, (tx) => authorize(services, tx, ctx, { resource: 'invoice', action: 'create', detail: 'declaration (323) received for verification' }));
  const municipality = ctx.actor.municipalityCode;
  const backend = new PgInvoiceBackend({
    db: services.db, municipalityCode: municipality, residency: services.residency, clock: services.clock, receivedBy: ctx.actor.id,
    // One audit record per client whose lines a batch books (their allocations and BRP residency
    // were read to verify them), in the batch's own transaction, under the grant above.
    auditClients: (tx, bsns) => recordAccess(services, tx, ctx, grant, bsns.map((subjectBsn) => ({ resource: 'invoice', action: 'create', subjectBsn, detail: 'declaration lines verified against allocation, contract and BRP residency' }))),
  });
  backend.beforeCommit = o.beforeCommit;
  const guarded = {
    priorAnswer: async (h: Parameters<PgInvoiceBackend['priorAnswer']>[0]) => {
      // Doelbinding: the purpose the actor works under must be the law of the message.
      if (lawOf[h.standard] !== purpose) {
        throw invalidInput(
          { nl: `Dit is een ${h.standard === 'iwmo' ? 'iWmo' : 'iJw'}-declaratie: werk onder het doel ${lawOf[h.standard]}.`, en: `This is an ${h.standard === 'iwmo' ? 'iWmo' : 'iJw'} invoice: work under the ${lawOf[h.standard]} purpose.` },
          [{ name: 'Kern-Purpose', reason: `must be ${lawOf[h.standard]}` }],
        );
      }
      return backend.priorAnswer(h);
    },
    checkHeader: backend.checkHeader.bind(backend),
    factsFor: backend.factsFor.bind(backend),
    commitBatch: backend.commitBatch.bind(backend),
    finish: backend.finish.bind(backend),
    abandon: backend.abandon.bind(backend),
  };
  const today = isoDay(services.clock.now());
  // IV087: the 325's own identification, unique for the municipality (not derived from the 323's).
  const answerId = await withTenant(services.db, municipality, (tx) => nextRetourIdentification(tx, 'K'));
  let outcome: InvoiceOutcome;
  try {
    outcome = await processInvoiceStream(source, guarded, {
    today,
    municipality,
    answerIdentity: { identificatie: answerId, dagtekening: today },
    answer: o.answer,
    ...(o.onLine ? { onLine: o.onLine } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.limits ? { limits: o.limits } : {}),
    });
  } catch (e) {
    // Refused input found by the caller's stream (too large, aborted): drop what was staged. Any
    // other error is a failure inside Kern: the message is failed with its reason (the inbox shows
    // it), so it never holds up the provider's next message, and delivering it again processes it anew.
    const id = backend.storedMessageId;
    if (e instanceof DomainError && id) {
      await withTenant(services.db, municipality, async (tx) => {
        await refuseMessage(tx, id);
        await noteRefusal(tx, id, '0001', e.userMessage.en);
      });
    } else if (id) {
      // If even this write fails (database gone), the lease runs out and the next delivery fails it.
      await backend.fail(failureReason(e)).catch(() => undefined);
    }
    throw e;
  } finally {
    backend.release();
  }
  const messageId = backend.storedMessageId ?? null;
  // 9056 refuses a message whose identity belongs to one answered before: that one keeps its state.
  if (outcome.refusal && messageId && outcome.refusal.code !== '9056') {
    const r = outcome.refusal;
    await withTenant(services.db, municipality, (tx) => noteRefusal(tx, messageId, r.code, `${r.rule}: ${r.message}`));
  }
  return {
    outcome,
    messageId,
    refused: outcome.refusal !== null,
    refusalCode: outcome.refusal?.code ?? null,
    repeated: outcome.repeated,
    lines: outcome.lines,
    approvedLines: outcome.approvedLines,
    rejectedLines: outcome.rejectedLines,
  };
}
