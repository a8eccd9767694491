import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { notFound } from '@kern/kit';
import { writePaymentBatchCsv } from '../payment-batch';
import { findBatch, findBatchLines } from './inbox.repository';
import { standardFor } from './read-invoice-inbox';

/**
 * The payment batch as CSV for the financial system, in the columns of `paymentBatchCsv` (the
 * file the CLI writes): no BSN and nothing medical, the allocation number traces each line.
 */
export async function exportPaymentBatch(services: AccessServices, tx: Tx, ctx: AccessContext, batchId: string): Promise<{ fileName: string; csv: string }> {
  const standard = standardFor(ctx);
  await authorize(services, tx, ctx, { resource: 'payment-batch', action: 'export', detail: `payment batch ${batchId} exported` });
  const b = await findBatch(tx, ctx.actor.municipalityCode, batchId);
  if (!b || b.standard !== standard) throw notFound({ nl: 'Deze betaalbatch bestaat niet.', en: 'This payment batch does not exist.' });
  const lines = (await findBatchLines(tx, batchId)).map((l) => ({
    agb: b.provider_agb, declaratieNummer: b.declaratie_nummer ?? '', referentieNummer: l.referentie_nummer, toewijzingNummer: l.toewijzing_nummer, productCategorie: l.product_category,
    productCode: l.product_code, begindatum: l.begin_date, einddatum: l.end_date, volume: Number(l.volume), eenheid: l.unit, tariefCents: Number(l.tariff_cents), bedragCents: Number(l.amount_cents),
  }));
  return { fileName: `${b.reference}.csv`, csv: writePaymentBatchCsv(b.declaratie_nummer ?? '', lines) };
}
