import fc from 'fast-check';
import { extractPdfText } from '@kern/documents/testing';
import { describe, expect, it } from 'vitest';
import { offerLetterLines, renderOfferLetter } from './offer-letter';
import { planSolution } from './solutions';

const claims = [
  { debtId: 'a', claimCents: 180_000 },
  { debtId: 'b', claimCents: 96_000 },
  { debtId: 'c', claimCents: 24_001 },
];

describe('planning a solution', () => {
  it('debt mediation: capacity x 18 months, the same percentage of every claim, shares summing exactly', () => {
    const p = planSolution('debt-mediation', 5_000, claims);
    expect(p.availableCents).toBe(90_000);
    expect(p.payoutBasisPoints).toBe(2999); // 90,000 / 300,001
    // exact 53,999.82 / 28,799.90 / 7,200.28: floors sum to 89,998; the two cents go to .90 and .82.
    expect(p.shares.map((s) => s.offeredCents)).toEqual([54_000, 28_800, 7_200]);
    expect(p.shares.reduce((s, x) => s + x.offeredCents, 0)).toBe(90_000);
  });

  it('never offers more than the claims, even with capacity to spare', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 30 }), (capacity, cs) => {
      const p = planSolution('debt-mediation', capacity, cs.map((c, i) => ({ debtId: String(i), claimCents: c })));
      p.shares.forEach((s) => expect(s.offeredCents).toBeLessThanOrEqual(s.claimCents));
      expect(p.shares.reduce((s, x) => s + x.offeredCents, 0)).toBe(Math.min(capacity * 18, cs.reduce((s, c) => s + c, 0)));
    }), { numRuns: 300 });
  });

  it('payment arrangement pays in full within the months it takes, and refuses over 36 months', () => {
    const p = planSolution('payment-arrangement', 10_000, claims);
    expect(p.termMonths).toBe(31);
    expect(p.shares.map((s) => s.offeredCents)).toEqual([180_000, 96_000, 24_001]);
    expect(() => planSolution('payment-arrangement', 5_000, claims)).toThrow(/debt mediation/);
  });

  it('zero offer only without capacity; mediation only with it', () => {
    expect(planSolution('zero-offer', 0, claims).shares.every((s) => s.offeredCents === 0)).toBe(true);
    expect(() => planSolution('zero-offer', 1, claims)).toThrow();
    expect(() => planSolution('debt-mediation', 0, claims)).toThrow(/zero offer/);
    expect(() => planSolution('debt-mediation', 100, [])).toThrow(/no verified debts/);
  });
});

describe('the offer letter', () => {
  const content = {
    creditorName: 'Woonstad Rotterdam', fileReference: 'S-2026-000001', residentName: 'Anna Moulin', teamName: 'Schuldhulp', contact: 'Joost Visser, 010-1234567', date: '2026-05-01',
    solution: { kind: 'debt-mediation' as const, termMonths: 18, payoutBasisPoints: 2999, lender: null },
    offers: [{ claimCents: 180_000, offeredCents: 53_999, category: 'nuts' }],
  };
  it('states the claim, the percentage, the share and the term', () => {
    const text = offerLetterLines(content).join('\n');
    expect(text).toContain('Uw vastgestelde vordering: € 1.800,00.');
    expect(text).toContain('29,99%');
    expect(text).toContain('over 18 maanden');
    expect(text).toContain('Uw aandeel: € 539,99, in maandelijkse termijnen');
  });
  it('renders a PDF, also for names the standard font cannot draw', async () => {
    const pdf = await renderOfferLetter({ ...content, residentName: 'Żaneta Żywiałowska' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(800);
  });
  it("draws the resident's name and the euro amounts as written (the shared documents font, not WinAnsi)", async () => {
    const text = (await extractPdfText(await renderOfferLetter({ ...content, residentName: 'Żaneta Żywiałowska' }))).join('\n');
    expect(text).toContain('Żaneta Żywiałowska');
    expect(text).toContain('Uw aandeel: € 539,99');
  });
});
