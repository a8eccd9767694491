import { yearsBefore } from '../inbound/header-rules';
import type { InvoiceHeader, Prestatie } from '../invoice.schema';
import { MessageRefusal } from '../refusal';
import { signed } from '../verify-invoice';

/**
 * The rules on a 323's content that need no state (controleniveau 2, "xslt"): checked on the
 * message itself, as it streams by, by `validate`, `process` and `receive` alike. Breaking one
 * refuses the whole message with 0001 under the rule's own name (IV087: only the header is
 * answered). What it keeps is the keys of the current client's prestaties and every ReferentieNummer (TR316), not the lines themselves.
 */
export class InvoiceContentRules {
  private readonly lines = new Set<string>();
  private readonly references = new Set<string>();
  private readonly credited: string[] = [];

  /**
   * A new Client begins: identical lines are looked for within it, so only one client's keys are
   * kept (a Client twice under one Bsn is not refused yet: TR101 is partial, see docs/istandaarden.md).
   */
  client(bsn: string): void {
    void bsn;
    this.lines.clear();
  }

  prestatie(header: InvoiceHeader, bsn: string, p: Prestatie): void {
    // TR101: no identical lines. A Prestatie equal in every element to an earlier one of the same
    // client is a duplicate line; one that only repeats the ReferentieNummer is judged per line (TR314, 8021).
    const key = `${bsn}/${p.referentieNummer}/${p.vorigReferentieNummer ?? ''}/${p.toewijzingNummer}/${p.productCategorie}/${p.productCode ?? ''}/${p.begindatum}/${p.einddatum}/${p.geleverdVolume}/${p.eenheid}/${p.productTarief}/${p.bedrag}/${p.debetCredit}`;
    if (this.lines.has(key)) throw new MessageRefusal('0001', 'TR101', `Prestatie ${p.referentieNummer} appears twice, identical, for one client (no duplicate lines within a message)`);
    this.lines.add(key);
    this.references.add(p.referentieNummer);
    if (p.vorigReferentieNummer) this.credited.push(p.vorigReferentieNummer);
    // TR335: Einddatum not more than 5 years before DeclaratieDagtekening.
    if (p.einddatum < yearsBefore(header.declaratieDagtekening, 5)) {
      throw new MessageRefusal('0001', 'TR335', `Prestatie ${p.referentieNummer} ends on ${p.einddatum}, more than 5 years before the DeclaratieDagtekening ${header.declaratieDagtekening}`);
    }
  }

  /** At the end of the message: TR316 (no debit credited in its own message) and TR358 (the total, with its sign). */
  end(header: InvoiceHeader, submittedCents: number): void {
    const own = this.credited.find((r) => this.references.has(r));
    if (own !== undefined) throw new MessageRefusal('0001', 'TR316', `VorigReferentieNummer ${own} is the ReferentieNummer of a prestatie in the same message (a debit may not be credited in its own message)`);
    const total = signed(header.totaalBedrag, header.totaalDebetCredit);
    if (total !== submittedCents) {
      throw new MessageRefusal('0001', 'TR358', `TotaalIngediendBedrag ${header.totaalBedrag} ${header.totaalDebetCredit} is not the sum of the prestaties, debit minus credit (${Math.abs(submittedCents)} ${submittedCents < 0 ? 'C' : 'D'})`);
    }
  }
}
