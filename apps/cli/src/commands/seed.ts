import { connect, migrate } from '@kern/db';
import { loadConfig } from '@kern/kit';
import { DEMO_PASSWORD, demoAccounts, SCALE_PROGRESS_TOTAL, seedScale } from '@kern/seed';
import { progress } from '../progress';
import { runSeedNl } from './seed-nl';

export async function runSeed(options: { dataDir?: string; scale: string; residents?: string; municipality?: string; fraction?: number }): Promise<void> {
  if (options.scale === 'nl') return runSeedNl(options);
  if (options.scale !== 'demo' && options.scale !== 'g4') throw new Error(`unknown scale "${options.scale}"; available: demo, g4, nl`);
  const residents = options.residents === undefined ? undefined : Number(options.residents);
  if (residents !== undefined && (!Number.isInteger(residents) || residents < 100 || residents > 2_000_000)) throw new Error('--residents must be a whole number from 100 to 2,000,000');
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  const database = await connect(config);
  try {
    await migrate(database.db, (m) => console.error(`kern seed: migration ${m}`));
    const result = await seedScale(database, options.scale, {
      onProgress: progress(`kern seed ${options.scale}`, SCALE_PROGRESS_TOTAL),
      ...(residents !== undefined ? { residents } : {}),
      ...(options.municipality ? { municipalityCode: options.municipality } : {}),
    });
    if ('residents' in result) {
      console.error(result.created
        ? `kern seed: ${result.municipalityName} (${result.municipalityCode}) generated on ${database.engine} in ${result.seconds.toFixed(1)}s: ${result.households} households, ${result.residents} residents, ${result.clients} clients, ${result.cases} cases, ${result.plans} plans, ${result.assessments} assessments, ${result.enrolments} enrolments`
        : `kern seed: ${result.municipalityName} was generated before (${result.seconds.toFixed(1)}s then); nothing changed`);
      console.log(`Generated staff (password: ${DEMO_PASSWORD}), one coordinator per team: ${result.coordinators.join(', ')}`);
    } else {
      console.error(result.created ? 'kern seed: demo seeded' : 'kern seed: demo already present, nothing changed');
    }
    console.log(`Demo logins (password for all: ${DEMO_PASSWORD}): ${demoAccounts.map((a) => a.username).join(', ')}`);
  } finally {
    await database.close();
  }
}
