import type { InvoiceHeader } from './invoice.schema';
import type { JudgedLine } from './process-invoice';
import { signed } from './verify-invoice';

const csvField = (v: string): string => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The payment batch of one answered declaration: its approved lines (credits negative), as CSV
 * for the financial system. No BSN and nothing medical: the allocation number traces each line.
 */
export function paymentBatchCsv(header: InvoiceHeader, lines: readonly JudgedLine[]): { csv: string; lines: number; totalCents: number } {
  const rows = ['aanbieder_agb;declaratienummer;referentienummer;toewijzingnummer;productcategorie;productcode;begindatum;einddatum;volume;eenheid;tarief_cent;bedrag_cent'];
  let total = 0;
  let count = 0;
  for (const l of lines) {
    if (!l.verdict.approved) continue;
    const p = l.prestatie;
    const cents = signed(p.bedrag, p.debetCredit);
    total += cents;
    count++;
    rows.push([header.afzender, header.declaratieNummer, p.referentieNummer, p.toewijzingNummer, p.productCategorie, p.productCode ?? '', p.begindatum, p.einddatum, String(p.geleverdVolume), p.eenheid, String(p.productTarief), String(cents)].map(csvField).join(';'));
  }
  rows.push(`totaal;${csvField(header.declaratieNummer)};;;;;;;;;;${total}`);
  return { csv: `${rows.join('\n')}\n`, lines: count, totalCents: total };
}
