import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { findProviders } from './contracting.repository';
import type { Provider } from './contract/contracting.schema';

/** The municipality's care providers with how many contracts each has. */
export async function listProviders(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<Provider[]> {
  await authorize(services, tx, ctx, { resource: 'contracting', action: 'read', detail: 'care providers' });
  return findProviders(tx);
}
