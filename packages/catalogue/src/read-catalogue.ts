import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { findCategories, findLocalProducts, findNationalProducts } from './catalogue.repository';
import type { Category, LocalProduct, NationalProduct, Standard } from './contract/catalogue.schema';

/** The national categories (WMO020, JZ020) with their validity and how many national codes each has. */
export async function listCategories(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<Category[]> {
  await authorize(services, tx, ctx, { resource: 'catalogue', action: 'read', detail: 'national categories' });
  return findCategories(tx);
}

/** National product codes, by standard, category and the day they must be valid on. */
export async function listNationalProducts(services: AccessServices, tx: Tx, ctx: AccessContext, q: { standard?: Standard | undefined; category?: string | undefined; on?: string | undefined }): Promise<NationalProduct[]> {
  await authorize(services, tx, ctx, { resource: 'catalogue', action: 'read', detail: 'national product codes' });
  return findNationalProducts(tx, q);
}

/** The municipality's own local products (row-level security keeps it to the actor's municipality). */
export async function listLocalProducts(services: AccessServices, tx: Tx, ctx: AccessContext, q: { standard?: Standard | undefined; on?: string | undefined } = {}): Promise<LocalProduct[]> {
  await authorize(services, tx, ctx, { resource: 'catalogue', action: 'read', detail: 'local products' });
  return findLocalProducts(tx, q);
}
