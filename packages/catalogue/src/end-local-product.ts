import type { AccessContext, AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import type { LocalProduct } from './contract/catalogue.schema';
import { changeLocalProduct } from './change-local-product';

/**
 * Ends a local product on a day: it stays in the catalogue as history (allocations and invoices
 * before that day keep their code), and the same code can start again with a new mapping after it.
 */
export async function endLocalProduct(services: AccessServices, tx: Tx, ctx: AccessContext, id: string, validTo: string): Promise<LocalProduct> {
  return changeLocalProduct(services, tx, ctx, id, { validTo });
}
