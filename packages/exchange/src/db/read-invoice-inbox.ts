import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput, notFound } from '@kern/kit';
import { findLines, findMessageById, findMessages, type MessageRow } from './inbox.repository';
import { returnCodeText, type InvoiceLine, type InvoiceLinesQuery, type InvoiceMessage, type InvoiceMessagesQuery } from '../contract/invoice-inbox.schema';

/** The standard whose messages a purpose may see: Wmo -> iWmo, Jeugdwet -> iJw. */
export function standardFor(ctx: AccessContext): 'iwmo' | 'ijw' {
  const purpose = requirePurpose(ctx);
  if (purpose === 'wmo') return 'iwmo';
  if (purpose === 'jeugdwet') return 'ijw';
  throw invalidInput({ nl: 'Declaraties zijn te zien onder het doel Wmo of Jeugdwet.', en: 'Invoices are shown under the Wmo or Jeugdwet purpose.' }, [{ name: 'Kern-Purpose', reason: 'wmo or jeugdwet' }]);
}

export function toMessage(m: MessageRow): InvoiceMessage {
  return {
    id: m.id,
    standard: m.standard,
    sender: m.sender,
    identification: m.identification,
    messageDate: m.message_date,
    declaratieNummer: m.declaratie_nummer,
    periodBegin: m.period_begin,
    periodEnd: m.period_end,
    status: m.status,
    refusal: m.refusal_code ? { ...returnCodeText(m.refusal_code), reason: m.refusal_reason } : null,
    failure: m.status === 'failed' ? { reason: m.failure_reason ?? 'processing failed', at: new Date(m.failed_at ?? m.received_at).toISOString() } : null,
    receivedAt: new Date(m.received_at).toISOString(),
    clients: m.clients,
    lines: m.lines,
    approvedLines: m.approved_lines,
    rejectedLines: m.rejected_lines,
    submittedCents: Number(m.submitted_cents),
    approvedCents: Number(m.approved_cents),
    rejectedCents: Number(m.rejected_cents),
    paymentBatchId: m.payment_batch_id,
  };
}

/** The inbox: the declarations received under the actor's purpose, newest first, with their counts and totals. */
export async function listInvoiceMessages(services: AccessServices, tx: Tx, ctx: AccessContext, q: InvoiceMessagesQuery): Promise<InvoiceMessage[]> {
  const standard = standardFor(ctx);
  await authorize(services, tx, ctx, { resource: 'invoice', action: 'read', detail: 'invoice inbox: messages' });
  return (await findMessages(tx, ctx.actor.municipalityCode, standard, q)).map(toMessage);
}

/** One declaration's lines with verdicts and reasons (WJ001 texts in Dutch and English), filtered. */
export async function readInvoiceLines(services: AccessServices, tx: Tx, ctx: AccessContext, messageId: string, q: InvoiceLinesQuery): Promise<{ message: InvoiceMessage; lines: InvoiceLine[]; total: number }> {
  const standard = standardFor(ctx);
  await authorize(services, tx, ctx, { resource: 'invoice', action: 'read', detail: `invoice lines of message ${messageId}` });
  const m = await findMessageById(tx, ctx.actor.municipalityCode, messageId);
  if (!m || m.standard !== standard) throw notFound({ nl: 'Deze declaratie bestaat niet.', en: 'This invoice does not exist.' });
  const { rows, total } = await findLines(tx, messageId, q);
  return {
    message: toMessage(m),
    total,
    lines: rows.map((l) => ({
      id: l.id,
      clientIndex: l.client_index,
      referentieNummer: l.referentie_nummer,
      vorigReferentieNummer: l.vorig_referentie_nummer,
      toewijzingNummer: l.toewijzing_nummer,
      productCategorie: l.product_category,
      productCode: l.product_code,
      begindatum: l.begin_date,
      einddatum: l.end_date,
      volume: Number(l.volume),
      unit: l.unit,
      tariffCents: Number(l.tariff_cents),
      amountCents: Number(l.amount_cents),
      debitCredit: l.debit_credit,
      approved: l.approved,
      firstSubmission: l.first_submission,
      reasons: l.return_codes.map(returnCodeText),
      paid: l.paid,
    })),
  };
}
