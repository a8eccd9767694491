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
 * Text as the audit log can always store it. PostgreSQL text holds no NUL and its JSON reader
 * refuses a lone UTF-16 surrogate, so either in a reason (a free-text field an attacker
 * controls) would make the append fail, and with it the record of a denial. Such characters are
 * written as a visible escape (`\u0000`, `\udc00`) instead: the record keeps what was sent.
 * Idempotent, so a payload rebuilt from the stored columns comes out the same.
 */
export function auditText(s: string): string {
  // eslint-disable-next-line no-control-regex -- the NUL is exactly what has to be found
  return s.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const optionalText = (s: string | undefined): string | null => (s === undefined ? null : auditText(s));

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
    auditText(e.actorId),
    e.actorKind,
    e.actorRoles.map(auditText),
    e.actorTeams.map(auditText),
    optionalText(e.purpose),
    auditText(e.action),
    auditText(e.resource),
    optionalText(e.subjectBsn),
    e.outcome,
    auditText(e.reason),
    optionalText(e.legalBasis),
    e.breakGlass ?? false,
    optionalText(e.requestId),
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

/**
 * A stored record: its hashed payload and, beside it, the columns that readers show (the
 * auditor's search and CSV export, the citizen's "who looked"). Verification rebuilds the
 * payload from those columns, so the hash covers them too: a column edited after the write
 * breaks the chain as surely as an edited payload.
 */
export interface StoredLink {
  seq: number;
  prevHash: string;
  hash: string;
  payload: string;
  at: string;
  entry: AuditEntry;
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
export function verifyChain(municipalityCode: string, links: StoredLink[], headHash?: string, after?: { seq: number; hash: string }): ChainVerification {
  // `after`: verify only the records that follow a point already vouched for (a checkpoint).
  let prev = after?.hash ?? genesisHash(municipalityCode);
  let expectedSeq = (after?.seq ?? 0) + 1;
  for (const link of links) {
    if (link.seq !== expectedSeq) return broken(link.seq, links, `gap: expected seq ${expectedSeq}`);
    if (link.prevHash !== prev) return broken(link.seq, links, 'previous hash does not match');
    if (chainHash(prev, link.payload) !== link.hash) return broken(link.seq, links, 'record hash does not match its content');
    if (canonicalPayload(municipalityCode, link.at, link.entry) !== link.payload) {
      return broken(link.seq, links, 'a column of the record differs from its hashed content');
    }
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
