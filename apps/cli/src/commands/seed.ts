import { connect, migrate } from '@kern/db';
import { loadConfig } from '@kern/kit';
import { DEMO_PASSWORD, demoAccounts, demoSeedSteps, seedDemo } from '@kern/seed';
import { runSeedNl } from './seed-nl';
import { progress } from '../progress';

export async function runSeed(options: { dataDir?: string; scale: string; fraction?: number }): Promise<void> {
  if (options.scale === 'nl') return runSeedNl(options);
  if (options.scale !== 'demo') throw new Error(`unknown scale "${options.scale}"; available: demo, nl`);
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  const database = await connect(config);
  try {
    await migrate(database.db, (m) => console.error(`kern seed: migration ${m}`));
    const result = await seedDemo(database.db, progress('kern seed', demoSeedSteps()));
    console.error(result.created ? 'kern seed: demo seeded' : 'kern seed: demo already present, nothing changed');
    console.log(`Demo logins (password for all: ${DEMO_PASSWORD}): ${demoAccounts.map((a) => a.username).join(', ')}`);
  } finally {
    await database.close();
  }
}
