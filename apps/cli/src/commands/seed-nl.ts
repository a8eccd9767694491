import { connect, migrate } from '@kern/db';
import { loadConfig } from '@kern/kit';
import { nlSeedSteps, seedNl } from '@kern/seed';
import { progress } from '../progress';

/** `kern seed --scale nl [--fraction f]`: the national dataset, timed. */
export async function runSeedNl(options: { dataDir?: string; fraction?: number }): Promise<void> {
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  const database = await connect(config);
  try {
    await migrate(database.db, (m) => console.error(`kern seed: migration ${m}`));
    const fraction = options.fraction ?? 1;
    const r = await seedNl(database.db, { fraction }, progress(`kern seed nl (fraction ${fraction})`, nlSeedSteps()));
    console.log(r.created
      ? `National dataset (engine ${database.engine}, fraction ${fraction}): ${r.municipalities} municipalities, ${r.residents.toLocaleString('en')} residents, ${r.clients.toLocaleString('en')} clients, ${r.events.toLocaleString('en')} events in ${r.seconds.toFixed(1)} s`
      : `National dataset already present (${r.events.toLocaleString('en')} events); nothing changed`);
  } finally {
    await database.close();
  }
}
