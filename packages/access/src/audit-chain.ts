import { createHash } from 'node:crypto';

/** One audit entry as a use case states it; seq, time and hashes are added on append. */
export interface AuditEntry {
  actorId: string;
  actorKind: 'staff' | 'citizen' | 'system';
  actorRoles: string[];
  actorTeams: string[];
  purpose?: string | undefined;
  action: string;
  resource: string;
  subjectBsn?: string | undefined;
  outcome: 'allowed' | 'denied';
  reason: string;
  legalBasis?: string | undefined;
  breakGlass?: boolean | undefined;
  requestId?: string | undefined;
}

export interface ChainedRecord {
  municipalityCode: string;
  seq: number;
  at: string;
  entry: AuditEntry;
  prevHash: string;
  hash: string;
  payload: string;
}

export const genesisHash = (municipalityCode: string): string =>
  sha256(`kern-audit-genesis:${municipalityCode}`);

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * The canonical payload fixes key order and turns absent values into null, so the same
 * record always hashes the same on any engine and in any language that re-verifies it. The
 * position in the chain is not part of it: the previous hash already fixes the order, and so
 * the payload can be prepared before the database hands out the next position.
 */
export function canonicalPayload(municipalityCode: string, at: string, e: AuditEntry): string {
  return JSON.stringify([
    municipalityCode,
    at,
    e.actorId,
    e.actorKind,
    e.actorRoles,
    e.actorTeams,
    e.purpose ?? null,
    e.action,
    e.resource,
    e.subjectBsn ?? null,
    e.outcome,
    e.reason,
    e.legalBasis ?? null,
    e.breakGlass ?? false,
    e.requestId ?? null,
  ]);
}

export const chainHash = (prevHash: string, payload: string): string => sha256(`${prevHash}\n${payload}`);

/** Chains entries after the given head: seq and hashes continue from it. */
export function chain(
  municipalityCode: string,
  head: { seq: number; hash: string },
  at: string,
  entries: AuditEntry[],
): ChainedRecord[] {
  let prev = head.hash;
  return entries.map((entry, i) => {
    const seq = head.seq + i + 1;
    const payload = canonicalPayload(municipalityCode, at, entry);
    const hash = chainHash(prev, payload);
    const record = { municipalityCode, seq, at, entry, prevHash: prev, hash, payload };
    prev = hash;
    return record;
  });
}

export interface StoredLink {
  seq: number;
  prevHash: string;
  hash: string;
  payload: string;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenSeq?: number;
  problem?: string;
}

/**
 * Walks stored records in seq order. A removed record shows as a gap or a prev-hash mismatch,
 * an edited one as a hash mismatch: either way the chain is broken from that record on.
 */
export function verifyChain(municipalityCode: string, links: StoredLink[], headHash?: string): ChainVerification {
  let prev = genesisHash(municipalityCode);
  let expectedSeq = 1;
  for (const link of links) {
    if (link.seq !== expectedSeq) return broken(link.seq, links, `gap: expected seq ${expectedSeq}`);
    if (link.prevHash !== prev) return broken(link.seq, links, 'previous hash does not match');
    if (chainHash(prev, link.payload) !== link.hash) return broken(link.seq, links, 'record hash does not match its content');
    prev = link.hash;
    expectedSeq++;
  }
  if (headHash !== undefined && headHash !== prev) {
    return { valid: false, checked: links.length, firstBrokenSeq: expectedSeq, problem: 'records after the last one are missing' };
  }
  return { valid: true, checked: links.length };
}

function broken(seq: number, links: StoredLink[], problem: string): ChainVerification {
  return { valid: false, checked: links.findIndex((l) => l.seq === seq), firstBrokenSeq: seq, problem };
}
