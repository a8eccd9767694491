import { connect, migrate } from '@kern/db';
import { drainJobs, enqueueRefresh, startInsightWorker } from '@kern/insight';
import { loadConfig, systemClock } from '@kern/kit';

/** `kern insight refresh|publish`: queue one job and run the queue, printing what each job did. */
export async function runInsightJob(kind: 'full' | 'incremental' | 'publish', options: { dataDir?: string }): Promise<void> {
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  const database = await connect(config);
  try {
    await migrate(database.db);
    await enqueueRefresh(database.db, kind, 'cli');
    const started = Date.now();
    for (const r of await drainJobs(database.db, systemClock)) {
      console.log(`kern insight: ${r.kind} job, events ${r.fromEventId}..${r.toEventId}, ${r.cells.toLocaleString('en')} cells, ${r.indicators} indicators`);
    }
    console.log(`kern insight: done in ${((Date.now() - started) / 1000).toFixed(1)} s (engine ${database.engine})`);
  } finally {
    await database.close();
  }
}

/** `kern insight worker`: runs until SIGINT/SIGTERM. */
export async function runInsightWorker(options: { interval: number; dataDir?: string }): Promise<void> {
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  const database = await connect(config);
  await migrate(database.db);
  const stop = startInsightWorker(database.db, systemClock, options.interval * 1000, (e) => console.error(`kern insight worker: ${String(e)}`));
  console.error(`kern insight worker: polling every ${options.interval} s (engine ${database.engine})`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stop();
  await database.close();
}
