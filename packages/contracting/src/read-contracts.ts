import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { notFound } from '@kern/kit';
import { findContract, findContractedProducts, findContracts } from './contracting.repository';
import type { Contract, ContractDetail } from './contract/contracting.schema';

/** The municipality's contracts, optionally of one provider or valid on one day. */
export async function listContracts(services: AccessServices, tx: Tx, ctx: AccessContext, q: { providerId?: string | undefined; on?: string | undefined } = {}): Promise<Contract[]> {
  await authorize(services, tx, ctx, { resource: 'contracting', action: 'read', detail: 'contracts' });
  return findContracts(tx, q);
}

/** One contract with its contracted products and tariffs. */
export async function readContract(services: AccessServices, tx: Tx, ctx: AccessContext, id: string): Promise<ContractDetail> {
  await authorize(services, tx, ctx, { resource: 'contracting', action: 'read', detail: `contract ${id}` });
  const contract = await findContract(tx, id);
  if (!contract) throw notFound({ nl: `Contract ${id} bestaat niet in uw gemeente.`, en: `Contract ${id} does not exist in your municipality.` });
  return { ...contract, products: await findContractedProducts(tx, id) };
}
