import { startFakeBrp } from '@kern/registry';

export async function runBrp(options: { port: number; host: string }): Promise<void> {
  const brp = await startFakeBrp({ port: options.port, host: options.host });
  console.error(`kern brp: fake Haal Centraal BRP bevragen API at ${brp.url}/personen (GBA-V test persons)`);
  const stop = () => void brp.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
