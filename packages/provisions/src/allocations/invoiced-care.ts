import type { Tx } from '@kern/db';

/**
 * The port an allocation change asks before it takes care away: up to which day has the provider
 * been paid for care on this allocation? The exchange module answers it from booked invoice lines
 * (`@kern/exchange`'s `invoicedCare`); provisions does not read invoices itself, so dependencies
 * keep pointing from the exchange to the allocations it verifies against.
 */
export interface InvoicedCare {
  /** The last day of approved debit care not reversed by an approved credit, or null when none. */
  lastInvoicedDay(tx: Tx, q: { providerAgb: string; toewijzingNummer: string }): Promise<string | null>;
}

/** For wiring without the exchange module (seeds, tests of provisions alone): nothing was ever invoiced. */
export const nothingInvoiced: InvoicedCare = { lastInvoicedDay: () => Promise.resolve(null) };
