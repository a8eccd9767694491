import { startJobWorker } from '@kern/db';
import { enqueueRefreshIfBehind, insightRefreshQueue } from '@kern/insight';
import { portalMailQueue } from '@kern/portal';
import { installStoredDecrees } from '@kern/workflows';
import type { KernServices } from './services';

/**
 * The background jobs of one server instance, all from the one job queue (@kern/db jobs): the
 * indicators follow the domain events, and portal mail that failed right after its commit is
 * sent again; the statutory calendar follows the stored decrees. Any instance picks up any job; a job runs once however many instances poll.
 * Returns a stop function.
 */
export function startBackgroundJobs(services: KernServices, options: { intervalMs?: number; onError: (e: unknown, queue: string) => void }): () => void {
  return startJobWorker(services.db, [insightRefreshQueue(services.clock), portalMailQueue(services.mail)], {
    intervalMs: options.intervalMs ?? 30_000,
    // Each tick also picks up a decree (Atw art. 3 lid 3) another instance stored.
    beforeEach: async () => {
      await installStoredDecrees(services.db).catch((e: unknown) => options.onError(e, 'statutory-decrees'));
      await enqueueRefreshIfBehind(services.db);
    },
    onError: options.onError,
  });
}
