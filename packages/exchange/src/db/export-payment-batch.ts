import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { notFound } from '@kern/kit';
import { findBatch, findBatchLines } from './inbox.repository';
import { standardFor } from './read-invoice-inbox';

const csvField = (v: string): string => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The payment batch as CSV for the financial system, in the columns of `paymentBatchCsv` (the
 * file the CLI writes): no BSN and nothing medical, the allocation number traces each line.
 */
export async function exportPaymentBatch(services: AccessServices, tx: Tx, ctx: AccessContext, batchId: string): Promise<{ fileName: string; csv: string }> {
  const standard = standardFor(ctx);
  await authorize(services, tx, ctx, { resource: 'payment-batch', action: 'export', detail: `payment batch ${batchId} exported` });
  const b = await findBatch(tx, ctx.actor.municipalityCode, batchId);
  if (!b || b.standard !== standard) throw notFound({ nl: 'Deze betaalbatch bestaat niet.', en: 'This payment batch does not exist.' });
  const rows = ['aanbieder_agb;declaratienummer;referentienummer;toewijzingnummer;productcategorie;productcode;begindatum;einddatum;volume;eenheid;tarief_cent;bedrag_cent'];
  let total = 0;
  for (const l of await findBatchLines(tx, batchId)) {
    const cents = Number(l.amount_cents);
    total += cents;
    rows.push([b.provider_agb, b.declaratie_nummer ?? '', l.referentie_nummer, l.toewijzing_nummer, l.product_category, l.product_code ?? '', l.begin_date, l.end_date, String(l.volume), l.unit, String(l.tariff_cents), String(cents)].map(csvField).join(';'));
  }
  rows.push(`totaal;${csvField(b.declaratie_nummer ?? '')};;;;;;;;;;${total}`);
  return { fileName: `${b.reference}.csv`, csv: `${rows.join('\n')}\n` };
}
