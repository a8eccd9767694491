import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { conflict, newId, notFound } from '@kern/kit';
import { findMessageById, insertPaymentBatch } from './inbox.repository';
import type { PaymentBatch } from '../contract/invoice-inbox.schema';
import { standardFor } from './read-invoice-inbox';

/**
 * Approval for payment: the approved lines of an answered declaration that are not paid yet
 * become one payment batch (a line is never paid twice). Rejected lines are never in it.
 */
export async function approveInvoice(services: AccessServices, tx: Tx, ctx: AccessContext, messageId: string): Promise<PaymentBatch> {
  const standard = standardFor(ctx);
  await authorize(services, tx, ctx, { resource: 'payment-batch', action: 'create', detail: `payment batch of message ${messageId}` });
  const m = await findMessageById(tx, ctx.actor.municipalityCode, messageId);
  if (!m || m.standard !== standard) throw notFound({ nl: 'Deze declaratie bestaat niet.', en: 'This invoice does not exist.' });
  if (m.status !== 'answered') throw conflict({ nl: 'Alleen een beantwoorde declaratie kan worden goedgekeurd voor betaling.', en: 'Only an answered invoice can be approved for payment.' });
  const now = services.clock.now();
  const id = newId();
  const reference = `BB-${isoDay(now).replace(/-/g, '')}-${id.slice(0, 8)}`;
  const b = await insertPaymentBatch(tx, ctx.actor.municipalityCode, id, reference, messageId, now, ctx.actor.id);
  if (!b) throw conflict({ nl: 'Er zijn geen goedgekeurde regels meer om te betalen.', en: 'There are no approved lines left to pay.' });
  await appendDomainEvents(tx, [
    { municipalityCode: ctx.actor.municipalityCode, type: 'exchange.payment-batch-created', occurredOn: isoDay(now), subjectRef: id, law: standard === 'iwmo' ? 'wmo' : 'jeugdwet', data: { lines: b.lines, totalCents: Number(b.total_cents) } },
  ]);
  return { id: b.id, reference: b.reference, messageId: b.message_id, providerAgb: b.provider_agb, lines: b.lines, totalCents: Number(b.total_cents), createdAt: new Date(b.created_at).toISOString() };
}
