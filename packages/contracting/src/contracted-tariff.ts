import type { Tx } from '@kern/db';
import { findTariff } from './contracting.repository';
import type { ContractedTariff } from './contract/contracting.schema';

export interface ContractedTariffQuestion {
  /** The provider's AGB code (8 digits), as the messages carry it. */
  providerAgb: string;
  /** WMO020 / JZ020 category (two digits). */
  category: string;
  /** The product code in the message; null or undefined for an aspecifieke allocation (category only). */
  productCode?: string | null | undefined;
  /** The day the tariff must apply on (for an invoice line: the day the prestatie began). */
  on: string;
}

/**
 * The one question invoice verification and allocations both ask: what tariff per unit applied
 * for this provider, category and product on this day, under which contract and funding model?
 * Null when no contract of the provider covers it that day.
 *
 * It runs inside the caller's transaction and tenant (row-level security keeps it to that
 * municipality) and makes no access decision of its own: the calling use case has made one. A
 * product named in the contract wins over a contract for the whole category; then the
 * municipality's own contract over a regional one; then the latest start.
 */
export async function contractedTariff(tx: Tx, q: ContractedTariffQuestion): Promise<ContractedTariff | null> {
  if (!/^\d{8}$/.test(q.providerAgb) || !/^\d{2}$/.test(q.category) || !/^\d{4}-\d{2}-\d{2}$/.test(q.on)) return null;
  return findTariff(tx, { providerAgb: q.providerAgb, category: q.category, productCode: q.productCode ?? null, on: q.on });
}
