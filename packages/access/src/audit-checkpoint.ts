import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withSystem, withTenant, type AnyDb } from '@kern/db';
import type { Clock } from '@kern/kit';
import { verifyChain, type ChainVerification, type StoredLink } from './audit-chain';
import { listAuditChainMunicipalities, readChain } from './audit.repository';

/**
 * A chain head vouched for outside the database. Someone who can change the database can delete
 * the newest records and move the head back, and the chain that is left is whole. A checkpoint,
 * signed with a key the database does not hold and appended to a file the operator keeps (and
 * copies off the machine), says "the chain had reached seq N with hash H at time T": a chain that
 * no longer reaches N, or reaches it with another hash, has lost its tail (ADR 0003).
 */
export interface AuditCheckpoint {
  municipalityCode: string;
  seq: number;
  hash: string;
  at: string;
  signature: string;
}

/** Where checkpoints are kept. The file store is the default; an operator may wire another. */
export interface CheckpointStore {
  append(checkpoint: AuditCheckpoint): Promise<void>;
  /** Every checkpoint of the municipality, oldest first, as stored (signatures unchecked). */
  list(municipalityCode: string): Promise<AuditCheckpoint[]>;
}

export interface AuditCheckpoints {
  store: CheckpointStore;
  /** The HMAC-SHA256 key (config auditCheckpointKey); never stored in the database. */
  key: string;
}

const signedText = (c: Omit<AuditCheckpoint, 'signature'>): string =>
  JSON.stringify(['kern-audit-checkpoint', c.municipalityCode, c.seq, c.hash, c.at]);

export function signCheckpoint(key: string, c: Omit<AuditCheckpoint, 'signature'>): AuditCheckpoint {
  return { ...c, signature: createHmac('sha256', key).update(signedText(c)).digest('hex') };
}

export function checkpointSignatureValid(key: string, c: AuditCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, c).signature);
  const given = Buffer.from(String(c.signature));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * One JSON line per checkpoint in `<dir>/audit-checkpoints-<code>.jsonl`, opened for append
 * only: earlier lines are never rewritten, so the file can be shipped to write-once storage.
 */
export function fileCheckpointStore(dir: string): CheckpointStore {
  const file = (code: string) => {
    if (!/^\d{4}$/.test(code)) throw new Error(`audit checkpoint: not a municipality code: ${code}`);
    return join(dir, `audit-checkpoints-${code}.jsonl`);
  };
  return {
    async append(c) {
      await mkdir(dir, { recursive: true });
      await appendFile(file(c.municipalityCode), `${JSON.stringify(c)}\n`, { encoding: 'utf8', flag: 'a' });
    },
    async list(code) {
      let text: string;
      try {
        text = await readFile(file(code), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
      return text.split('\n').filter((l) => l.trim() !== '').map((l) => parseLine(l));
    },
  };
}

/** A line that is not a checkpoint is kept as an unsigned one, so verification reports it. */
function parseLine(line: string): AuditCheckpoint {
  try {
    const v = JSON.parse(line) as Partial<AuditCheckpoint>;
    return { municipalityCode: String(v.municipalityCode), seq: Number(v.seq), hash: String(v.hash), at: String(v.at), signature: String(v.signature ?? '') };
  } catch {
    return { municipalityCode: '', seq: 0, hash: '', at: '', signature: '' };
  }
}

/**
 * Holds a chain to the checkpoints kept for it: every checkpoint must be correctly signed, and
 * the chain must still contain the record each one names, with the same hash. Verifying the
 * newest is enough for a cut tail; all are checked because a forged file might drop only its end.
 */
export function verifyAgainstCheckpoints(key: string, municipalityCode: string, links: StoredLink[], checkpoints: AuditCheckpoint[]): ChainVerification | undefined {
  const bySeq = new Map(links.map((l) => [l.seq, l]));
  for (const c of checkpoints) {
    if (c.municipalityCode !== municipalityCode || !checkpointSignatureValid(key, c)) {
      return { valid: false, checked: links.length, problem: 'a checkpoint of the chain head has no valid signature' };
    }
    const link = bySeq.get(c.seq);
    if (!link) {
      return { valid: false, checked: links.length, firstBrokenSeq: c.seq, problem: `records up to seq ${c.seq}, vouched for by the checkpoint of ${c.at}, are missing` };
    }
    if (link.hash !== c.hash) {
      return { valid: false, checked: links.length, firstBrokenSeq: c.seq, problem: `record ${c.seq} differs from the checkpoint of ${c.at}` };
    }
  }
  return undefined;
}

/** Verification of the stored chain alone, then against its checkpoints when they are kept. */
export function verifyChainWithCheckpoints(
  municipalityCode: string,
  chain: { links: StoredLink[]; headHash?: string },
  checkpoints?: { key: string; list: AuditCheckpoint[] },
): ChainVerification & { checkpointSeq?: number } {
  const own = verifyChain(municipalityCode, chain.links, chain.headHash);
  if (!own.valid || !checkpoints) return own;
  const against = verifyAgainstCheckpoints(checkpoints.key, municipalityCode, chain.links, checkpoints.list);
  if (against) return against;
  const newest = checkpoints.list.reduce((m, c) => Math.max(m, c.seq), 0);
  return { ...own, ...(checkpoints.list.length ? { checkpointSeq: newest } : {}) };
}

export type CheckpointResult =
  | { written: true; checkpoint: AuditCheckpoint }
  | { written: false; verification: ChainVerification };

/**
 * Writes a checkpoint of the municipality's chain head, after verifying that the chain as it
 * stands extends the newest earlier checkpoint: a chain that was cut or edited since gets no
 * checkpoint, or the new one would vouch for the forgery. Only the records from that checkpoint
 * on are read, so a periodic write stays cheap on a long chain; the auditor's verification still
 * walks the whole chain. Runs as the municipality's tenant: it needs no rights beyond reading.
 */
export async function writeAuditCheckpoint(
  services: { db: AnyDb; clock: Clock; auditCheckpoints: AuditCheckpoints },
  municipalityCode: string,
): Promise<CheckpointResult> {
  const { store, key } = services.auditCheckpoints;
  const earlier = await store.list(municipalityCode);
  const forged = earlier.find((c) => c.municipalityCode !== municipalityCode || !checkpointSignatureValid(key, c));
  if (forged) return { written: false, verification: { valid: false, checked: 0, problem: 'a checkpoint of the chain head has no valid signature' } };
  const newest = earlier.reduce<AuditCheckpoint | undefined>((m, c) => (!m || c.seq > m.seq ? c : m), undefined);
  const chain = await withTenant(services.db, municipalityCode, (tx) => readChain(tx, municipalityCode, newest?.seq ?? 1));
  let verification: ChainVerification;
  if (newest) {
    const [vouched, ...after] = chain.links;
    verification = vouched?.seq !== newest.seq || vouched.hash !== newest.hash
      ? (verifyAgainstCheckpoints(key, municipalityCode, chain.links, [newest]) ?? { valid: false, checked: 0, problem: 'the chain does not extend its last checkpoint' })
      : verifyChain(municipalityCode, after, chain.headHash, newest);
  } else {
    verification = verifyChain(municipalityCode, chain.links, chain.headHash);
  }
  if (!verification.valid) return { written: false, verification };
  const last = chain.links[chain.links.length - 1];
  if (!last) return { written: false, verification: { valid: true, checked: 0, problem: 'the chain has no records yet' } };
  if (newest && last.seq === newest.seq) return { written: false, verification: { valid: true, checked: 0, problem: `no new records since the checkpoint at seq ${last.seq}` } };
  const checkpoint = signCheckpoint(key, { municipalityCode, seq: last.seq, hash: last.hash, at: services.clock.now().toISOString() });
  await store.append(checkpoint);
  return { written: true, checkpoint };
}

/**
 * A checkpoint of every municipality's chain (or of the ones named): what `kern audit
 * checkpoint` and the periodic write in `kern serve` run. A chain that fails verification gets
 * none and is reported, so the operator sees it at the next run at the latest.
 */
export async function writeAuditCheckpoints(
  services: { db: AnyDb; clock: Clock; auditCheckpoints: AuditCheckpoints },
  municipalityCodes?: string[],
): Promise<{ municipalityCode: string; result: CheckpointResult }[]> {
  const codes = municipalityCodes ?? (await withSystem(services.db, (tx) => listAuditChainMunicipalities(tx)));
  const results: { municipalityCode: string; result: CheckpointResult }[] = [];
  for (const municipalityCode of codes) results.push({ municipalityCode, result: await writeAuditCheckpoint(services, municipalityCode) });
  return results;
}
