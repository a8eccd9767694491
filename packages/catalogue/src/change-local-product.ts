import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { notFound } from '@kern/kit';
import { findLocalProductForUpdate, updateLocalProduct } from './catalogue.repository';
import type { LocalProduct, LocalProductUpdate } from './contract/catalogue.schema';
import { assertStorableLocalProduct } from './local-product-checks';

const missing = (id: string) => notFound({ nl: `Lokaal product ${id} bestaat niet in uw gemeente.`, en: `Local product ${id} does not exist in your municipality.` });

/** Changes a local product (name, category, mapping, unit, period); the changed product must meet every rule again. */
export async function changeLocalProduct(services: AccessServices, tx: Tx, ctx: AccessContext, id: string, change: LocalProductUpdate): Promise<LocalProduct> {
  await authorize(services, tx, ctx, { resource: 'catalogue', action: 'update', detail: `local product ${id}` });
  const current = await findLocalProductForUpdate(tx, id);
  if (!current) throw missing(id);
  const next: LocalProduct = {
    ...current,
    name: change.name?.trim() ?? current.name,
    category: change.category ?? current.category,
    nationalCode: change.nationalCode !== undefined ? change.nationalCode : current.nationalCode,
    unit: change.unit !== undefined ? change.unit : current.unit,
    validFrom: change.validFrom ?? current.validFrom,
    validTo: change.validTo !== undefined ? change.validTo : current.validTo,
  };
  await assertStorableLocalProduct(tx, ctx.actor.municipalityCode, next);
  await updateLocalProduct(tx, next);
  return next;
}
