import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { PolicyStore, type AccessContext } from '@kern/access';
import { connect, migrate } from '@kern/db';
import { deliverRegieMessage, maxMessageBytes, RegieRefused, returnCodes, type ReceiveResult, type RegieServices } from '@kern/exchange';
import { acknowledgeAllocation } from '@kern/provisions';
import { isDomainError, loadConfig, systemClock } from '@kern/kit';
import { municipalityExists } from '@kern/tenancy';

const meaning = new Map(returnCodes.map((c) => [c.code, c.nl]));

export interface ExchangeReceiveOptions {
  municipality: string;
  dataDir?: string;
}

/**
 * `kern exchange receive <files...> --municipality <code>`: each regie message (302, 305, 307,
 * 315, 317, 320) is received into Kern's database by its message type, as the municipality's back
 * office would over HTTP (same use case: access decision, audit, rules, one transaction per file,
 * idempotent on the message identity). The retour (306, 308, 316, 318) is written beside the
 * file. Every finding is printed with its rule id and return code. Exit code 1 when any file is
 * refused or any line carries a return code other than 0200.
 */
export async function runExchangeReceive(files: string[], opts: ExchangeReceiveOptions): Promise<void> {
  const code = opts.municipality.replace(/^GM/i, '');
  const config = loadConfig(process.env, { dataDir: opts.dataDir });
  const database = await connect(config);
  let bad = 0;
  try {
    await migrate(database.db);
    if (!(await municipalityExists(database.db, code))) throw new Error(`unknown municipality ${opts.municipality}`);
    const services: RegieServices = { db: database.db, clock: systemClock, policies: new PolicyStore(), allocationAcknowledged: acknowledgeAllocation };
    for (const file of files) {
      try {
        if (!(await one(services, code, file))) bad++;
      } catch (e) {
        bad++;
        if (e instanceof RegieRefused) console.log(`${file}: refused  ${e.rule} ${e.returnCode} ${e.userMessage.en}`);
        else console.log(`${file}: refused  ${isDomainError(e) ? e.userMessage.en : e instanceof Error ? e.message : String(e)}`);
      }
    }
  } finally {
    await database.close();
  }
  console.log(`kern exchange receive: ${files.length - bad} of ${files.length} file(s) answered without return codes (engine ${database.engine})`);
  if (bad > 0) process.exitCode = 1;
}

/** The law of the message decides the purpose the back office acts under. */
function purposeOf(xml: string): 'wmo' | 'jeugdwet' {
  return /istandaarden\.nl\/ijw\//.test(xml.slice(0, 4096)) ? 'jeugdwet' : 'wmo';
}

async function one(services: RegieServices, municipalityCode: string, file: string): Promise<boolean> {
  if (statSync(file).size > maxMessageBytes) throw new RegieRefused('SIZE', '0001', `larger than ${maxMessageBytes} bytes`);
  const xml = readFileSync(file, 'utf8');
  const ctx: AccessContext = {
    actor: { kind: 'system', id: 'kern-cli', name: 'kern exchange receive', municipalityCode, roles: ['decision-maker'], teamIds: [] },
    purpose: purposeOf(xml),
  };
  const r: ReceiveResult = await deliverRegieMessage(services, ctx, xml);
  for (const f of r.findings) console.log(`${file}: ${f.element}${f.ref ? ` ${f.ref}` : ''}: ${f.rule} ${f.code} ${meaning.get(f.code) ?? ''}`);
  let note = '';
  if (r.answer) {
    const out = `${file.replace(/\.xml$/i, '')}.${r.answer.messageType}.xml`;
    writeFileSync(out, r.answer.xml);
    note = `; ${r.answer.messageType} in ${out}`;
  }
  console.log(`${file}: ${r.standard === 'iwmo' ? 'WMO' : 'JW'}${r.messageType} ${r.identification} from AGB ${r.providerAgb}: ${r.status}${r.duplicate ? ' (received before: same answer, nothing booked again)' : ''}, header ${r.headerCodes.join(' ') || '-'}${note}`);
  return r.status !== 'refused' && r.findings.length === 0;
}
