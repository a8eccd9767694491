import { proRataShares } from '../pro-rata';

/**
 * The fund's double-entry bookkeeping as pure functions. Amounts are eurocents; a debit is
 * positive, a credit negative, so every entry sums to zero. Accounts:
 * - cash: the fund's money (asset);
 * - receivable: what residents owe the fund (asset, per resident);
 * - payable: what the fund owes creditors for debts it took over (liability, per creditor);
 * - forgiveness: debt forgiven to residents (expense).
 */
export const accounts = ['cash', 'receivable', 'payable', 'forgiveness'] as const;
export type Account = (typeof accounts)[number];

export interface Posting {
  account: Account;
  amountCents: number;
  participationId?: string | undefined;
  creditorId?: string | undefined;
}

export const isBalanced = (postings: readonly Posting[]): boolean => postings.length >= 2 && postings.reduce((s, p) => s + p.amountCents, 0) === 0 && postings.every((p) => Number.isSafeInteger(p.amountCents) && p.amountCents !== 0);

const mulBasisPoints = (cents: number, bp: number): number => Number((BigInt(cents) * BigInt(bp)) / 10_000n);

/** What the fund pays a creditor for a claim at the agreed sector rate, rounded down to the cent. */
export const settlementCents = (claimCents: number, rateBasisPoints: number): number => mulBasisPoints(claimCents, rateBasisPoints);

/** The forgiveness on a milestone: a share of what is left, rounded down, never more than the balance. */
export const milestoneForgivenessCents = (balanceCents: number, shareBasisPoints: number): number => Math.min(Math.max(balanceCents, 0), mulBasisPoints(Math.max(balanceCents, 0), shareBasisPoints));

/** This month's repayment: the agreed amount, but never more than is still owed. */
export const repaymentCents = (balanceCents: number, monthlyCents: number): number => Math.max(0, Math.min(balanceCents, monthlyCents));

/** Take-over: the resident owes the fund what the fund owes the creditors. */
export function takeOverPostings(participationId: string, debts: readonly { creditorId: string; settlementCents: number }[]): Posting[] {
  const byCreditor = new Map<string, number>();
  for (const d of debts) byCreditor.set(d.creditorId, (byCreditor.get(d.creditorId) ?? 0) + d.settlementCents);
  const payables = [...byCreditor].filter(([, c]) => c > 0).map(([creditorId, c]): Posting => ({ account: 'payable', amountCents: -c, participationId, creditorId }));
  const total = payables.reduce((s, p) => s - p.amountCents, 0);
  return total > 0 ? [{ account: 'receivable', amountCents: total, participationId }, ...payables] : [];
}

export const repaymentPostings = (participationId: string, cents: number): Posting[] =>
  cents > 0 ? [{ account: 'cash', amountCents: cents }, { account: 'receivable', amountCents: -cents, participationId }] : [];

export const forgivenessPostings = (participationId: string, cents: number): Posting[] =>
  cents > 0 ? [{ account: 'forgiveness', amountCents: cents }, { account: 'receivable', amountCents: -cents, participationId }] : [];

/**
 * Payouts from the fund's cash to creditors, pro rata to what the fund still owes each, by
 * largest-remainder rounding: the payouts sum exactly to what is paid out, and no creditor gets
 * more than it is owed (if there is enough for all, each is paid in full and the rest stays).
 */
export function planPayouts<K>(availableCents: number, open: readonly { key: K; openCents: number }[]): { key: K; payCents: number }[] {
  const shares = proRataShares(availableCents, open.map((o) => o.openCents));
  return open.map((o, i) => ({ key: o.key, payCents: shares[i] ?? 0 }));
}

export function payoutPostings(payouts: readonly { participationId: string; creditorId: string; payCents: number }[]): Posting[] {
  const paid = payouts.filter((p) => p.payCents > 0);
  const total = paid.reduce((s, p) => s + p.payCents, 0);
  if (total === 0) return [];
  return [...paid.map((p): Posting => ({ account: 'payable', amountCents: p.payCents, participationId: p.participationId, creditorId: p.creditorId })), { account: 'cash', amountCents: -total }];
}

/** Months as YYYY-MM: the month of a date, months on, and counting. */
export const periodOf = (isoDate: string): string => isoDate.slice(0, 7);
export function addPeriods(period: string, n: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
export const periodsBetween = (from: string, to: string): number =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
