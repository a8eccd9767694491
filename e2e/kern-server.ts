import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createTestDatabase } from '@kern/db/testing';
import { loadConfig } from '@kern/kit';
import { createBrpClient, startFakeBrp } from '@kern/registry';
import { seedDemo } from '@kern/seed';
import { buildApp, createServices, type KernServices } from '@kern/server';

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'web', 'dist');

/** A real Kern listening on a free port, serving the built web app, on a fresh database. */
export async function startKernServer(): Promise<{ url: string; services: KernServices; close(): Promise<void> }> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build:web` (npm test does this first).');
  }
  const database = await createTestDatabase();
  await seedDemo(database.db);
  const brp = await startFakeBrp({ port: 0 });
  const config = loadConfig({}, { logLevel: 'silent', webDistDir: WEB_DIST, port: 0, demoMode: true });
  const services = createServices(config, { database, brp: createBrpClient({ baseUrl: brp.url }) });
  const { app } = await buildApp(services);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    // citizen portal: browser tests prepare state (a household plan) through use cases that have no page yet
    services,
    async close() {
      await app.close();
      await brp.close();
      await database.close();
    },
  };
}
