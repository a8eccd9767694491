import { describe, expect, it } from 'vitest';
import { auditText, chain, genesisHash, verifyChain, type AuditEntry } from './audit-chain';

const entry = (n: number): AuditEntry => ({
  actorId: `actor-${n}`,
  actorKind: 'staff',
  actorRoles: ['wmo-consultant'],
  actorTeams: [],
  purpose: 'wmo',
  action: 'read',
  resource: 'resident',
  subjectBsn: '999991838',
  outcome: 'allowed',
  reason: `read ${n}`,
});

const links = () => chain('0599', { seq: 0, hash: genesisHash('0599') }, '2026-11-23T10:00:00.000Z', [entry(1), entry(2), entry(3), entry(4)]);

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    const l = links();
    expect(verifyChain('0599', l, l[3]?.hash)).toEqual({ valid: true, checked: 4 });
  });

  it('detects an edited record at the record that was edited', () => {
    const l = links();
    const edited = l.map((x) => (x.seq === 2 ? { ...x, payload: x.payload.replace('read 2', 'read 9') } : x));
    expect(verifyChain('0599', edited)).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });

  it('detects a removed record in the middle', () => {
    const l = links().filter((x) => x.seq !== 3);
    expect(verifyChain('0599', l)).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('detects records cut off at the end by comparing with the chain head', () => {
    const l = links();
    expect(verifyChain('0599', l.slice(0, 3), l[3]?.hash)).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('does not accept one municipality chain as another one', () => {
    expect(verifyChain('0518', links()).valid).toBe(false);
  });

  it('continues seq and hashes from a given head', () => {
    const first = links();
    const last = first[3];
    if (!last) throw new Error('fixture');
    const next = chain('0599', { seq: last.seq, hash: last.hash }, '2026-11-23T10:01:00.000Z', [entry(5)]);
    expect(next[0]?.seq).toBe(5);
    expect(verifyChain('0599', [...first, ...next]).valid).toBe(true);
  });
});

describe('what the hash covers', () => {
  it('detects a column that no longer matches the hashed payload (a reader shows the columns)', () => {
    const l = links();
    const edited = l.map((x) => (x.seq === 2 ? { ...x, entry: { ...x.entry, outcome: 'denied' as const } } : x));
    expect(verifyChain('0599', edited)).toMatchObject({ valid: false, firstBrokenSeq: 2, problem: expect.stringMatching(/column/) });
  });

  it('escapes NUL and lone surrogates, keeps proper pairs, and escaping twice changes nothing', () => {
    const raw = 'a\u0000b \ud83d\ude00 c\ud800 d\udc00';
    expect(auditText(raw)).toBe('a\\u0000b \ud83d\ude00 c\\ud800 d\\udc00');
    expect(auditText(auditText(raw))).toBe(auditText(raw));
  });
});
