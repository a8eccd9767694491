import { child, type XNode } from '../xml-lite';

/** A rule's finding: the WJ001 code it yields and the rule id (for the log, docs and tests). */
export interface Finding {
  rule: string;
  code: string;
}

/** TR135 (8848): the Dagtekening of a message may not lie after the system date. */
export function tr135(dagtekening: string, today: string): Finding[] {
  return dagtekening > today ? [{ rule: 'TR135', code: '8848' }] : [];
}

/** The date `years` years before an ISO date (29 February falls back to 28 February). */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  const candidate = `${String(y).padStart(4, '0')}-${md}`;
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${String(y).padStart(4, '0')}-02-28` : candidate;
}

/**
 * TR002 (0001): Geboortedatum not more than 120 years before the Dagtekening, unless it is
 * unknown (COD170 DatumGebruik 3). With only the month or year known the Datum still holds them.
 */
export function tr002(client: XNode, dagtekening: string): Finding[] {
  const g = child(client, 'Geboortedatum');
  const datum = g ? child(g, 'Datum')?.text : undefined;
  const gebruik = g ? child(g, 'DatumGebruik')?.text : undefined;
  if (!datum || gebruik === '3') return [];
  return datum < yearsBefore(dagtekening, 120) ? [{ rule: 'TR002', code: '0001' }] : [];
}

/** TR101 (0001): no duplicate lines within a message: two identical message classes of one kind. */
export function tr101(nodes: readonly XNode[]): Finding[] {
  const seen = new Set<string>();
  for (const n of nodes) {
    const key = JSON.stringify(n);
    if (seen.has(key)) return [{ rule: 'TR101', code: '0001' }];
    seen.add(key);
  }
  return [];
}

/** Whether two periods (end null = open) share a day. */
export function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return (aEnd === null || bStart <= aEnd) && (bEnd === null || aStart <= bEnd);
}
