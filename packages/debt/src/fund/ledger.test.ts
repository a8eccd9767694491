import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPeriods, forgivenessPostings, isBalanced, milestoneForgivenessCents, payoutPostings, periodsBetween, planPayouts, repaymentCents, repaymentPostings,
  settlementCents, takeOverPostings, type Posting,
} from './ledger';

const cents = fc.integer({ min: 1, max: 50_000_000 });
const bp = fc.integer({ min: 0, max: 10_000 });

/** An in-memory fund: the operations the use cases book, applied in any order. */
type Op =
  | { kind: 'take-over'; resident: number; claims: { creditor: number; claim: number; rate: number }[] }
  | { kind: 'repay'; resident: number; monthly: number }
  | { kind: 'milestone'; resident: number; share: number }
  | { kind: 'end-of-term'; resident: number }
  | { kind: 'payout'; share: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('take-over' as const), resident: fc.integer({ min: 0, max: 4 }), claims: fc.array(fc.record({ creditor: fc.integer({ min: 0, max: 5 }), claim: cents, rate: bp }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('repay' as const), resident: fc.integer({ min: 0, max: 4 }), monthly: fc.integer({ min: 0, max: 5_000_000 }) }),
  fc.record({ kind: fc.constant('milestone' as const), resident: fc.integer({ min: 0, max: 4 }), share: bp }),
  fc.record({ kind: fc.constant('end-of-term' as const), resident: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('payout' as const), share: bp }),
);

function simulate(ops: Op[]): { entries: Posting[][]; balance: (account: string, key?: string) => number; claims: Map<string, number>; paid: Map<string, number> } {
  const entries: Posting[][] = [];
  const taken = new Set<number>();
  const claims = new Map<string, number>();
  const paid = new Map<string, number>();
  const sum = (f: (p: Posting) => boolean) => entries.flat().filter(f).reduce((s, p) => s + p.amountCents, 0);
  const balance = (account: string, key?: string) => sum((p) => p.account === account && (key === undefined || p.participationId === key || `${p.participationId ?? ''}/${p.creditorId ?? ''}` === key));
  for (const op of ops) {
    let e: Posting[] = [];
    switch (op.kind) {
      case 'take-over': {
        // A second take-over of the same resident is refused, as the use case does.
        if (taken.has(op.resident)) break;
        taken.add(op.resident);
        const debts = op.claims.map((c) => ({ creditorId: `c${c.creditor}`, settlementCents: settlementCents(c.claim, c.rate) }));
        e = takeOverPostings(`r${op.resident}`, debts);
        for (const p of e) if (p.account === 'payable') claims.set(`${p.participationId ?? ''}/${p.creditorId ?? ''}`, -p.amountCents);
        break;
      }
      case 'repay':
        e = repaymentPostings(`r${op.resident}`, repaymentCents(balance('receivable', `r${op.resident}`), op.monthly));
        break;
      case 'milestone':
        e = forgivenessPostings(`r${op.resident}`, milestoneForgivenessCents(balance('receivable', `r${op.resident}`), op.share));
        break;
      case 'end-of-term':
        e = forgivenessPostings(`r${op.resident}`, balance('receivable', `r${op.resident}`));
        break;
      case 'payout': {
        const open = [...claims.keys()].map((key) => ({ key, openCents: -balance('payable', key) }));
        const available = Number((BigInt(balance('cash')) * BigInt(op.share)) / 10_000n);
        const plan = planPayouts(available, open);
        e = payoutPostings(plan.map((p) => ({ participationId: p.key.split('/')[0] ?? '', creditorId: p.key.split('/')[1] ?? '', payCents: p.payCents })));
        for (const p of plan) paid.set(p.key, (paid.get(p.key) ?? 0) + p.payCents);
        break;
      }
    }
    if (e.length > 0) entries.push(e);
  }
  return { entries, balance, claims, paid };
}

describe('the fund ledger (property tests)', () => {
  it('balances every entry and in total, whatever is booked in whatever order', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const { entries } = simulate(ops);
        for (const e of entries) expect(isBalanced(e)).toBe(true);
        expect(entries.flat().reduce((s, p) => s + p.amountCents, 0)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never makes a resident balance negative, by repayment or by forgiveness', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const { balance } = simulate(ops);
        for (let r = 0; r < 5; r++) expect(balance('receivable', `r${r}`)).toBeGreaterThanOrEqual(0);
        expect(balance('cash')).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('pays no creditor more than its claim, however often the fund pays out', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const { claims, paid } = simulate(ops);
        for (const [key, claim] of claims) expect(paid.get(key) ?? 0).toBeLessThanOrEqual(claim);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves exactly nothing after the end of the term is forgiven', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const { balance } = simulate([...ops, ...[0, 1, 2, 3, 4].map((resident): Op => ({ kind: 'end-of-term', resident }))]);
        for (let r = 0; r < 5; r++) expect(balance('receivable', `r${r}`)).toBe(0);
      }),
    );
  });
});

describe('pro-rata payouts (largest remainder)', () => {
  const openArb = fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 30 });

  it('sum exactly to the available amount when that is less than all that is owed, and never exceed a claim', () => {
    fc.assert(
      fc.property(openArb, fc.integer({ min: 0, max: 3_000_000_000 }), (open, available) => {
        const plan = planPayouts(available, open.map((openCents, key) => ({ key, openCents })));
        const total = open.reduce((s, c) => s + c, 0);
        expect(plan.reduce((s, p) => s + p.payCents, 0)).toBe(Math.min(available, total));
        plan.forEach((p, i) => {
          expect(Number.isInteger(p.payCents)).toBe(true);
          expect(p.payCents).toBeGreaterThanOrEqual(0);
          expect(p.payCents).toBeLessThanOrEqual(open[i] ?? 0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('splits 100 cents over three equal claims as 34, 33, 33', () => {
    expect(planPayouts(100, [{ key: 'a', openCents: 1000 }, { key: 'b', openCents: 1000 }, { key: 'c', openCents: 1000 }]).map((p) => p.payCents)).toEqual([34, 33, 33]);
  });
});

describe('forgiveness and repayment amounts', () => {
  it('a milestone share never exceeds the balance and is never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: 100_000_000_000 }), bp, (balance, share) => {
        const f = milestoneForgivenessCents(balance, share);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(Math.max(balance, 0));
      }),
    );
  });

  it('10% of EUR 1,234.56 forgives EUR 123.45 (rounded down to the cent)', () => {
    expect(milestoneForgivenessCents(123_456, 1_000)).toBe(12_345);
  });

  it('the last repayment is what is left, not the monthly amount', () => {
    expect(repaymentCents(2_500, 10_000)).toBe(2_500);
    expect(repaymentCents(0, 10_000)).toBe(0);
  });

  it('a 70% settlement of a claim of EUR 1,000.01 is EUR 700.00', () => {
    expect(settlementCents(100_001, 7_000)).toBe(70_000);
  });
});

describe('periods', () => {
  it.each([
    ['2026-01', 1, '2026-02'],
    ['2026-12', 1, '2027-01'],
    ['2026-03', 179, '2041-02'],
    ['2026-03', -3, '2025-12'],
  ])('addPeriods(%s, %i) = %s', (p, n, expected) => {
    expect(addPeriods(p, n)).toBe(expected);
    expect(periodsBetween(p, expected)).toBe(n);
  });
});
