import { sql, type Tx } from '@kern/db';

/**
 * Answers the provisions module's InvoicedCare port: the last day of approved debit care booked on
 * an allocation, or staged by a message still being received, leaving out debits an approved
 * credit reversed.
 * Runs in the caller's transaction and tenant; the caller made the access decision.
 */
export const invoicedCare = {
  async lastInvoicedDay(tx: Tx, q: { providerAgb: string; toewijzingNummer: string }): Promise<string | null> {
    const r = await sql<{ last: string | null }>`
      select max(d.end_date)::text as last
      from exchange_invoice_lines d
      -- a message still being received counts too: its approved lines are about to be booked
      join exchange_messages m on m.id = d.message_id and m.status in ('answered', 'receiving')
      where d.provider_agb = ${q.providerAgb} and d.toewijzing_nummer = ${q.toewijzingNummer} and d.debit_credit = 'D' and d.approved
        and not exists (
          select 1 from exchange_invoice_lines c join exchange_messages cm on cm.id = c.message_id and cm.status = 'answered'
          where c.provider_agb = d.provider_agb and c.vorig_referentie_nummer = d.referentie_nummer and c.debit_credit = 'C' and c.approved)`.execute(tx);
    return r.rows[0]?.last ?? null;
  },
};
