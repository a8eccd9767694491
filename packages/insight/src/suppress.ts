/**
 * Small-cell suppression for published aggregates. Primary: a cell whose counts (numerator when
 * it is a count, denominator, and their difference) are under the threshold is suppressed.
 * Complementary: a total is the sum of its parts (per law), so within one relation a single
 * suppressed cell could be recovered by subtraction; whenever exactly one member of a relation
 * is suppressed, the smallest other member is suppressed too, until no relation has exactly one.
 */
export interface Cell {
  key: string;
  numerator: number | null;
  denominator: number | null;
  /** True when the numerator counts things (events, clients); false for sums of days, euros or steps. */
  countLike: boolean;
}

/** total = sum of parts. */
export interface Relation {
  total: string;
  parts: string[];
}

export const SUPPRESSION_THRESHOLD = 10;

export function primarySuppressed(c: Cell, threshold = SUPPRESSION_THRESHOLD): boolean {
  const counts: number[] = [];
  if (c.denominator !== null) counts.push(c.denominator);
  if (c.countLike && c.numerator !== null) {
    counts.push(c.numerator);
    if (c.denominator !== null) counts.push(c.denominator - c.numerator);
  }
  if (c.denominator === null && c.numerator === null) return true;
  return counts.some((n) => n < threshold);
}

const size = (c: Cell | undefined) => (c ? (c.denominator ?? c.numerator ?? 0) : 0);

export function suppress(cells: Cell[], relations: Relation[], threshold = SUPPRESSION_THRESHOLD): Set<string> {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const suppressed = new Set(cells.filter((c) => primarySuppressed(c, threshold)).map((c) => c.key));
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      const members = [r.total, ...r.parts].filter((k) => byKey.has(k));
      const hidden = members.filter((k) => suppressed.has(k));
      if (hidden.length !== 1) continue;
      const candidates = members.filter((k) => !suppressed.has(k)).sort((a, b) => size(byKey.get(a)) - size(byKey.get(b)) || a.localeCompare(b));
      // Prefer a part over the total: the total is what most readers want.
      const pick = candidates.find((k) => k !== r.total) ?? candidates[0];
      if (pick !== undefined) {
        suppressed.add(pick);
        changed = true;
      }
    }
  }
  return suppressed;
}
