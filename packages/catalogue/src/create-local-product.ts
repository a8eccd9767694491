import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { newId } from '@kern/kit';
import { insertLocalProduct } from './catalogue.repository';
import type { LocalProduct, LocalProductInput } from './contract/catalogue.schema';
import { assertStorableLocalProduct } from './local-product-checks';

/** Adds a local product to the municipality's catalogue, mapped onto a category and (optionally) a national code. */
export async function createLocalProduct(services: AccessServices, tx: Tx, ctx: AccessContext, input: LocalProductInput): Promise<LocalProduct> {
  await authorize(services, tx, ctx, { resource: 'catalogue', action: 'create', detail: `local product ${input.standard}/${input.localCode}` });
  const product: LocalProduct = {
    id: newId(),
    standard: input.standard,
    localCode: input.localCode,
    name: input.name.trim(),
    category: input.category,
    nationalCode: input.nationalCode ?? null,
    unit: input.unit ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
  };
  await assertStorableLocalProduct(tx, ctx.actor.municipalityCode, product);
  await insertLocalProduct(tx, { ...product, municipalityCode: ctx.actor.municipalityCode, createdAt: services.clock.now().toISOString(), createdBy: ctx.actor.id });
  return product;
}
