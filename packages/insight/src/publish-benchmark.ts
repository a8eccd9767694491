import { sql, type TableRow, type Tx } from '@kern/db';
import { coreCatalogue } from './catalogue';
import type { RefreshResult } from './refresh-result';
import { suppress, type Cell } from './suppress';

export const sizeClasses = ['<20k', '20k-50k', '50k-100k', '100k-250k', '250k+'] as const;
export function sizeClassOf(residents: number | null): string {
  if (residents === null) return 'unknown';
  if (residents < 20_000) return '<20k';
  if (residents < 50_000) return '20k-50k';
  if (residents < 100_000) return '50k-100k';
  if (residents < 250_000) return '100k-250k';
  return '250k+';
}

const COUNT_UNITS = new Set(['percent', 'count', 'per-1000']);

type Row = TableRow<'indicator_values', 'municipality_code' | 'indicator_id' | 'period' | 'law' | 'numerator' | 'denominator' | 'value' | 'definition_version'>;

/**
 * Publishes the core indicators of every municipality that opted in: municipality totals and
 * per-law cells (never team cells: teams are internal), suppressed, into benchmark_aggregates.
 * A municipality that opted out is removed. Only figures leave the tenant, never rows.
 */
export async function publishBenchmark(tx: Tx, at: Date): Promise<RefreshResult> {
  await sql`delete from benchmark_aggregates where publisher_code not in (select municipality_code from benchmark_participation where opted_in)`.execute(tx);
  const participants = (await sql<{ municipality_code: string; residents: number | null }>`
    select b.municipality_code, (select residents from insight_population p where p.code = b.municipality_code order by year desc limit 1) as residents
    from benchmark_participation b where b.opted_in order by 1`.execute(tx)).rows;
  const units = new Map(coreCatalogue().indicators.map((i) => [i.id, i.unit]));
  let cells = 0;
  for (const p of participants) {
    const rows = (await sql<Row>`select municipality_code, indicator_id, period, law, numerator, denominator, value, definition_version from indicator_values
      where municipality_code = ${p.municipality_code} and team = '*' and indicator_id = any(${[...units.keys()]}::text[])`.execute(tx)).rows;
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const g = `${r.indicator_id}|${r.period}`;
      groups.set(g, [...(groups.get(g) ?? []), r]);
    }
    const out: { r: Row; hidden: boolean }[] = [];
    for (const [g, members] of groups) {
      const unit = units.get(members[0]?.indicator_id ?? '') ?? 'count';
      const toCell = (r: Row): Cell => ({
        key: `${g}|${r.law}`,
        numerator: Number(r.numerator),
        denominator: r.denominator === null ? null : Number(r.denominator),
        countLike: COUNT_UNITS.has(unit),
      });
      // per-1000: the denominator is the population, public anyway; what must be protected is the client count.
      const cellsOf = members.map((r) => (unit === 'per-1000' ? { ...toCell(r), denominator: null } : toCell(r)));
      const hidden = suppress(cellsOf, [{ total: `${g}|*`, parts: cellsOf.map((c) => c.key).filter((k) => k !== `${g}|*`) }]);
      for (const r of members) out.push({ r, hidden: hidden.has(`${g}|${r.law}`) });
    }
    await tx.deleteFrom('benchmark_aggregates').where('publisher_code', '=', p.municipality_code).execute();
    const size = sizeClassOf(p.residents === null ? null : Number(p.residents));
    for (let i = 0; i < out.length; i += 500) {
      const chunk = out.slice(i, i + 500).map(({ r, hidden }) => sql`(${r.municipality_code}, ${r.indicator_id}, ${r.period}, ${r.law}, ${size},
        ${hidden ? null : r.numerator}::numeric, ${hidden ? null : r.denominator}::numeric, ${hidden ? null : r.value}::numeric, ${hidden}, ${r.definition_version}, ${at.toISOString()}::timestamptz)`);
      await sql`insert into benchmark_aggregates (publisher_code, indicator_id, period, law, size_class, numerator, denominator, value, suppressed, definition_version, published_at)
        values ${sql.join(chunk)}`.execute(tx);
    }
    cells += out.length;
  }
  return { kind: 'publish', fromEventId: 0, toEventId: 0, cells, indicators: units.size };
}
