import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAuditCheckpoints } from '@kern/access';
import { connect, migrate } from '@kern/db';
import { loadConfig } from '@kern/kit';
import { createBrpClient, startFakeBrp } from '@kern/registry';
import { buildApp, createServices, guardProcess, startBackgroundJobs } from '@kern/server';
import { DEMO_PASSWORD, demoAccounts, seedScale } from '@kern/seed';

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist');

export async function runServe(options: { port?: number; host?: string; dataDir?: string; demo?: boolean }): Promise<void> {
  const config = loadConfig(process.env, { port: options.port, host: options.host, dataDir: options.dataDir, webDistDir: process.env.KERN_WEB_DIST ?? WEB_DIST, ...(options.demo ? { demoMode: true } : {}) });
  const closers: (() => Promise<void>)[] = [];

  let brpUrl = config.brpUrl;
  if (!brpUrl) {
    if (!options.demo) throw new Error('set KERN_BRP_URL to the Haal Centraal BRP bevragen API, or start with --demo to use the fake BRP');
    const fake = await startFakeBrp({ port: 0 });
    closers.push(() => fake.close());
    brpUrl = fake.url;
    console.error(`kern: fake BRP (GBA-V test persons) at ${fake.url}`);
  }

  const database = await connect(config);
  closers.unshift(() => database.close());
  console.error(`kern: database ${database.engine === 'postgres' ? 'PostgreSQL server (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`);
  const migrated = await migrate(database.db, (m) => console.error(`kern: migration ${m}`));
  if (migrated.applied.length === 0) console.error('kern: database schema up to date');
  // The demo municipalities with their staff, werkwijzen, families' plans, assessments, offerings and debt files.
  if (options.demo) await seedScale(database, 'demo');

  const services = createServices(config, { database, brp: createBrpClient({ baseUrl: brpUrl, apiKey: config.brpApiKey }) });
  const { app } = await buildApp(services);
  // An error that escapes a request is logged at error level; it never ends the process for everyone.
  guardProcess({ error: (details, message) => (config.logLevel === 'silent' ? console.error(`kern: ${message}`, details) : app.log.error(details, message)) });
  closers.unshift(() => app.close());
  // Background jobs (indicator refresh, portal mail retries) from the one queue; any instance may pick them up.
  const stopWorker = startBackgroundJobs(services, {
    onError: (e, queue) => console.error(`kern: background job (${queue}) failed: ${e instanceof Error ? e.message : String(e)}`),
  });
  closers.unshift(async () => stopWorker());
  // The audit chain heads are anchored outside the database at intervals (ADR 0003).
  const checkpoints = services.auditCheckpoints;
  if (checkpoints && config.auditCheckpointIntervalMinutes > 0) {
    const timer = setInterval(() => {
      writeAuditCheckpoints({ ...services, auditCheckpoints: checkpoints }).then(
        (results) => results.filter((r) => !r.result.written && !r.result.verification.valid).forEach((r) => console.error(`kern: audit chain ${r.municipalityCode} fails verification, no checkpoint written`)),
        (e: unknown) => console.error(`kern: audit checkpoint failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    }, config.auditCheckpointIntervalMinutes * 60_000);
    timer.unref();
    closers.unshift(async () => clearInterval(timer));
  }
  const address = await app.listen({ port: config.port, host: config.host });

  console.log(`\nKern is running at ${address.replace('127.0.0.1', 'localhost')}`);
  console.log(`  API reference: ${address}/api/v1/docs   OpenAPI: ${address}/api/v1/openapi.json`);
  if (options.demo) {
    console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD})`);
    for (const a of demoAccounts) console.log(`  ${a.username.padEnd(24)} ${a.municipalityName.padEnd(14)} ${a.description}`);
  }
  console.log('\nStop with Ctrl+C.');

  const shutdown = () => {
    void (async () => {
      for (const close of closers) await close().catch(() => undefined);
      process.exit(0);
    })();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
