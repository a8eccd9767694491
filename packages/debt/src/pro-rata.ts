/**
 * Pro-rata shares in whole cents by largest-remainder rounding (Hamilton): everyone first gets the
 * floor of their exact share, then the cents left over go one each to the largest fractional parts
 * (ties: the larger claim, then the earlier position). The shares sum exactly to what is
 * distributed, and nobody receives more than their claim: if there is enough for everyone, every
 * claim is paid in full and the rest is not distributed.
 *
 * BigInt arithmetic keeps it exact for any amount a municipality will ever see.
 */
export function proRataShares(availableCents: number, claimsCents: readonly number[]): number[] {
  if (!Number.isSafeInteger(availableCents) || availableCents < 0) throw new RangeError('availableCents must be a non-negative integer');
  for (const c of claimsCents) if (!Number.isSafeInteger(c) || c < 0) throw new RangeError('claims must be non-negative integers');
  const total = claimsCents.reduce((s, c) => s + BigInt(c), 0n);
  if (total === 0n) return claimsCents.map(() => 0);
  const available = BigInt(availableCents);
  if (available >= total) return [...claimsCents];
  const exact = claimsCents.map((c, i) => ({ i, claim: BigInt(c), floor: (available * BigInt(c)) / total, rest: (available * BigInt(c)) % total }));
  let left = available - exact.reduce((s, e) => s + e.floor, 0n);
  const order = [...exact].sort((a, b) => (a.rest !== b.rest ? (a.rest > b.rest ? -1 : 1) : a.claim !== b.claim ? (a.claim > b.claim ? -1 : 1) : a.i - b.i));
  const shares = exact.map((e) => e.floor);
  for (const e of order) {
    if (left === 0n) break;
    // The cents left are fewer than the shares with a fraction, so an exact share never gets one.
    shares[e.i] = (shares[e.i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map(Number);
}

/** The percentage of every claim paid, in basis points (1/100 of a percent), rounded down. */
export function payoutBasisPoints(availableCents: number, totalClaimCents: number): number {
  if (totalClaimCents <= 0) return 0;
  if (availableCents >= totalClaimCents) return 10_000;
  return Number((BigInt(availableCents) * 10_000n) / BigInt(totalClaimCents));
}
