import { writeCsv, type CsvCell } from '@kern/kit';
import type { InvoiceHeader } from './invoice.schema';
import type { JudgedLine } from './process-invoice';
import { signed } from './verify-invoice';

const PAYMENT_BATCH_COLUMNS = ['aanbieder_agb', 'declaratienummer', 'referentienummer', 'toewijzingnummer', 'productcategorie', 'productcode', 'begindatum', 'einddatum', 'volume', 'eenheid', 'tarief_cent', 'bedrag_cent'];

/** One approved line of a payment batch, as the financial system reads it. */
export interface PaymentBatchLine {
  agb: string;
  declaratieNummer: string;
  referentieNummer: string;
  toewijzingNummer: string;
  productCategorie: string;
  productCode: string | null;
  begindatum: string;
  einddatum: string;
  volume: number;
  eenheid: string;
  tariefCents: number;
  /** Negative for a credit. */
  bedragCents: number;
}

/**
 * The one layout of a payment batch file, written by the CLI and by the HTTP export alike.
 * References and codes come from the provider's message, so they are text cells and a formula in
 * one is neutralised; volume, tariff and amount are numbers, so a credit stays -1250 and the
 * financial system (or a spreadsheet) adds it up.
 */
export function writePaymentBatchCsv(declaratieNummer: string, lines: readonly PaymentBatchLine[]): string {
  const rows: CsvCell[][] = lines.map((l) => [l.agb, l.declaratieNummer, l.referentieNummer, l.toewijzingNummer, l.productCategorie, l.productCode ?? '', l.begindatum, l.einddatum, l.volume, l.eenheid, l.tariefCents, l.bedragCents]);
  const total = lines.reduce((s, l) => s + l.bedragCents, 0);
  rows.push(['totaal', declaratieNummer, '', '', '', '', '', '', '', '', '', total]);
  return writeCsv(PAYMENT_BATCH_COLUMNS, rows, { separator: ';' });
}

/**
 * The payment batch of one answered declaration: its approved lines (credits negative), as CSV
 * for the financial system. No BSN and nothing medical: the allocation number traces each line.
 */
export function paymentBatchCsv(header: InvoiceHeader, lines: readonly JudgedLine[]): { csv: string; lines: number; totalCents: number } {
  const batch: PaymentBatchLine[] = [];
  for (const l of lines) {
    if (!l.verdict.approved) continue;
    const p = l.prestatie;
    batch.push({
      agb: header.afzender, declaratieNummer: header.declaratieNummer, referentieNummer: p.referentieNummer, toewijzingNummer: p.toewijzingNummer, productCategorie: p.productCategorie,
      productCode: p.productCode, begindatum: p.begindatum, einddatum: p.einddatum, volume: p.geleverdVolume, eenheid: p.eenheid, tariefCents: p.productTarief, bedragCents: signed(p.bedrag, p.debetCredit),
    });
  }
  return { csv: writePaymentBatchCsv(header.declaratieNummer, batch), lines: batch.length, totalCents: batch.reduce((s, l) => s + l.bedragCents, 0) };
}
