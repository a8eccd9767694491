import { connect, migrate } from '@kern/db';
import { loadConfig } from '@kern/kit';

export async function runMigrate(options: { dataDir?: string }): Promise<void> {
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  const database = await connect(config);
  try {
    console.error(`kern migrate: ${database.engine === 'postgres' ? 'PostgreSQL server (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`);
    const result = await migrate(database.db, (m) => console.error(`  ${m}`));
    console.error(`kern migrate: ${result.applied.length} applied, ${result.alreadyApplied} already present`);
  } finally {
    await database.close();
  }
}
