import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { enqueueRefresh } from './refresh-indicators';

/** Queues a refresh job; a worker (any instance) runs it. */
export async function requestRefresh(services: AccessServices, tx: Tx, ctx: AccessContext, kind: 'full' | 'incremental'): Promise<{ jobId: number }> {
  await authorize(services, tx, ctx, { resource: 'indicator', action: 'update', detail: `${kind} refresh` });
  return { jobId: await enqueueRefresh(tx, kind, ctx.actor.id) };
}
