import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { contractedTariff, type ContractedTariffQuestion } from './contracted-tariff';
import type { ContractedTariff } from './contract/contracting.schema';

/** contractedTariff for a person at the screen or API: the same answer, behind an access decision. */
export async function lookUpTariff(services: AccessServices, tx: Tx, ctx: AccessContext, q: ContractedTariffQuestion): Promise<ContractedTariff | null> {
  await authorize(services, tx, ctx, { resource: 'contracting', action: 'read', detail: `tariff ${q.providerAgb} ${q.category}/${q.productCode ?? '*'} on ${q.on}` });
  return contractedTariff(tx, q);
}
