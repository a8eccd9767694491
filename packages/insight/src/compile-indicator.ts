import { sql } from '@kern/db';
import type { RawBuilder } from 'kysely';
import type { EventFilter, IndicatorDefinition, Measure } from './contract/insight.schema';

/**
 * The interpreter of indicator definitions: turns one definition into one set-based SQL
 * statement that computes every cell (municipality x quarter, x law, x team) at once. Every
 * value in a definition goes in as a bind parameter, so a municipality's local indicator cannot
 * inject SQL.
 *
 * `Scope` restricts which cells are recomputed: all of them (full refresh), one municipality
 * (a local indicator), or the window of quarters that new events can have changed (incremental
 * refresh; see `windowCte`).
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'municipality'; code: string }
  | { kind: 'window' }
  /** One municipality, optionally one team, events dated from..to inclusive: an experiment's group. */
  | { kind: 'range'; code: string; teamId: string | null; from: string; to: string };

const quarterOf = (col: RawBuilder<unknown>) => sql`to_char(${col}, 'YYYY-"Q"Q')`;

export function filterSql(f: EventFilter, alias: string): RawBuilder<unknown> {
  const a = sql.raw(alias);
  const types = Array.isArray(f.type) ? f.type : [f.type];
  const parts: RawBuilder<unknown>[] = [types.length === 1 ? sql`${a}.type = ${types[0]}` : sql`${a}.type = any(${types}::text[])`];
  for (const [k, v] of Object.entries(f.where ?? {})) parts.push(sql`(${a}.data ->> ${k}) = ${String(v)}`);
  return sql`(${sql.join(parts, sql` and `)})`;
}

const typesOf = (f: EventFilter): string[] => (Array.isArray(f.type) ? f.type : [f.type]);

/** The event types that can change an indicator's cells: other new events leave it alone. */
export function relevantTypes(m: Measure): string[] {
  switch (m.kind) {
    case 'count':
    case 'mean':
    case 'sum-per-subject':
    case 'per-residents':
      return typesOf(m.event);
    case 'ratio':
      return [...typesOf(m.numerator), ...typesOf(m.denominator)];
    case 'return-within':
      return [...typesOf(m.closing), ...typesOf(m.start)];
    case 'score-change':
      return ['assessment.scored'];
  }
}

/**
 * The quarters (as [from, to) dates per municipality) an incremental refresh recomputes, from the
 * new events in the temp table insight_new, relevant types only:
 * - simple kinds: the quarters of the new events;
 * - return-within: back by `days` (a new start can make an earlier closing a return);
 * - score-change: a new score that is the latest of its client and domain can only replace the
 *   follow-up of a pair, whose earlier follow-up lies at most maxMonths - minMonths back; a
 *   back-dated score (a later one already exists) can change any pair, so its municipality is
 *   recomputed whole.
 */
export function windowCte(m: Measure): RawBuilder<unknown> {
  const types = relevantTypes(m);
  if (m.kind === 'score-change') {
    return sql`w as (select n.municipality_code,
        case when bool_or(n.backdated) then date '1900-01-01' else date_trunc('quarter', min(n.occurred_on) - make_interval(months => ${m.maxMonths - m.minMonths}::int))::date end as from_date,
        case when bool_or(n.backdated) then date '3000-01-01' else (date_trunc('quarter', max(n.occurred_on)) + interval '3 months')::date end as to_date
      from (select e.municipality_code, e.occurred_on, exists (
          select 1 from domain_events o where o.municipality_code = e.municipality_code and o.type = 'assessment.scored' and o.subject_ref = e.subject_ref
            and o.data ->> 'instrument' = ${m.instrument} and (o.data ->> 'domain') is not distinct from (e.data ->> 'domain') and o.occurred_on > e.occurred_on) as backdated
        from insight_new e where e.type = 'assessment.scored' and e.data ->> 'instrument' = ${m.instrument}) n
      group by n.municipality_code)`;
  }
  const back = m.kind === 'return-within' ? m.days : 0;
  return sql`w as (select municipality_code,
      date_trunc('quarter', min(occurred_on) - ${back}::int)::date as from_date,
      (date_trunc('quarter', max(occurred_on)) + interval '3 months')::date as to_date
    from insight_new where type = any(${types}::text[]) group by municipality_code)`;
}

function scoped(scope: Scope, alias: string, dateCol: string): RawBuilder<unknown> {
  const a = sql.raw(alias);
  const d = sql.raw(`${alias}.${dateCol}`);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'municipality':
      return sql`${a}.municipality_code = ${scope.code}`;
    case 'window':
      return sql`exists (select 1 from w where w.municipality_code = ${a}.municipality_code and ${d} >= w.from_date and ${d} < w.to_date)`;
    case 'range':
      return sql`${a}.municipality_code = ${scope.code} and ${d} between ${scope.from}::date and ${scope.to}::date
        ${scope.teamId ? sql`and ${a}.team_id = ${scope.teamId}::uuid` : sql``}`;
  }
}

const numericField = (alias: string, field: string) => sql`(${sql.raw(alias)}.data ->> ${field}) ~ '^-?[0-9]+(\\.[0-9]+)?$'`;

/**
 * One row per event (or per pair of events) used, with the columns the outer aggregation
 * needs: the cell keys, a numerator and denominator contribution, a subject for distinct
 * counts, and how many events the row stands for (for traceability).
 */
function baseSql(m: Measure, scope: Scope): RawBuilder<unknown> {
  const cols = (alias: string) => sql.raw(`${alias}.municipality_code, ${alias}.law, ${alias}.team_id`);
  switch (m.kind) {
    case 'count':
      return sql`select ${cols('e')}, ${quarterOf(sql`e.occurred_on`)} as period, 1::numeric as num, 0::numeric as den, null::text as subj, null::int as residents, 1 as inputs
        from domain_events e where ${filterSql(m.event, 'e')} and ${scoped(scope, 'e', 'occurred_on')}`;
    case 'ratio':
      return sql`select ${cols('e')}, ${quarterOf(sql`e.occurred_on`)} as period,
          (case when ${filterSql(m.numerator, 'e')} then 1 else 0 end)::numeric as num,
          (case when ${filterSql(m.denominator, 'e')} then 1 else 0 end)::numeric as den, null::text as subj, null::int as residents, 1 as inputs
        from domain_events e where (${filterSql(m.numerator, 'e')} or ${filterSql(m.denominator, 'e')}) and ${scoped(scope, 'e', 'occurred_on')}`;
    case 'mean':
      return sql`select ${cols('e')}, ${quarterOf(sql`e.occurred_on`)} as period, (e.data ->> ${m.field})::numeric as num, 1::numeric as den, null::text as subj, null::int as residents, 1 as inputs
        from domain_events e where ${filterSql(m.event, 'e')} and ${numericField('e', m.field)} and ${scoped(scope, 'e', 'occurred_on')}`;
    case 'sum-per-subject':
      return sql`select ${cols('e')}, ${quarterOf(sql`e.occurred_on`)} as period, (e.data ->> ${m.field})::numeric as num, 0::numeric as den, e.subject_ref as subj, null::int as residents, 1 as inputs
        from domain_events e where ${filterSql(m.event, 'e')} and ${numericField('e', m.field)} and ${scoped(scope, 'e', 'occurred_on')}`;
    case 'per-residents': {
      const subject = m.subjectField ? sql`coalesce(e.data ->> ${m.subjectField}, e.subject_ref)` : sql`e.subject_ref`;
      return sql`select ${cols('e')}, ${quarterOf(sql`e.occurred_on`)} as period, 0::numeric as num, 0::numeric as den, ${subject} as subj, p.residents, 1 as inputs
        from domain_events e left join insight_population p on p.code = e.municipality_code and p.year = extract(year from e.occurred_on)::int
        where ${filterSql(m.event, 'e')} and ${scoped(scope, 'e', 'occurred_on')}`;
    }
    case 'score-change': {
      // The first score per client and domain, paired with the latest score inside
      // [first + minMonths, first + maxMonths); the cell is the quarter of that follow-up.
      // Firsts may lie before the window: only the municipality restricts them.
      const sScope = scope.kind === 'window'
        ? sql`s.municipality_code in (select municipality_code from w)`
        : scope.kind === 'range' ? sql`s.municipality_code = ${scope.code}` : scoped(scope, 's', 'occurred_on');
      // Only firsts whose follow-up window [first + min, first + max) meets the recomputed quarters.
      const firstInWindow = scope.kind === 'window'
        ? sql`where exists (select 1 from w where w.municipality_code = first.municipality_code
            and first.occurred_on > w.from_date - make_interval(months => ${m.maxMonths}::int) and first.occurred_on < w.to_date - make_interval(months => ${m.minMonths}::int))`
        : sql``;
      const better = m.result === 'improved-share'
        ? sql`(case when f.follow_score > f.first_score then 1 else 0 end)::numeric as num, 1::numeric as den`
        : sql`(f.follow_score - f.first_score)::numeric as num, 1::numeric as den`;
      return sql`select f.municipality_code, f.law, f.team_id, ${quarterOf(sql`f.occurred_on`)} as period, ${better}, null::text as subj, null::int as residents, 2 as inputs
        from (
          select distinct on (first.municipality_code, first.subject_ref, first.domain)
            first.municipality_code, first.score as first_score, s.score as follow_score, s.occurred_on, s.law, s.team_id
          from (
            select distinct on (s.municipality_code, s.subject_ref, s.data ->> 'domain') s.municipality_code, s.subject_ref, s.data ->> 'domain' as domain, s.occurred_on, (s.data ->> 'score')::numeric as score
            from domain_events s
            where s.type = 'assessment.scored' and s.data ->> 'instrument' = ${m.instrument} and ${numericField('s', 'score')} and ${sScope}
            order by s.municipality_code, s.subject_ref, s.data ->> 'domain', s.occurred_on, s.id
          ) first
          join lateral (
            select s.occurred_on, (s.data ->> 'score')::numeric as score, s.law, s.team_id, s.id from domain_events s
            where s.municipality_code = first.municipality_code and s.type = 'assessment.scored' and s.subject_ref = first.subject_ref
              and s.data ->> 'instrument' = ${m.instrument} and (s.data ->> 'domain') is not distinct from first.domain and ${numericField('s', 'score')}
              and s.occurred_on >= first.occurred_on + make_interval(months => ${m.minMonths}::int)
              and s.occurred_on < first.occurred_on + make_interval(months => ${m.maxMonths}::int)
            order by s.occurred_on desc, s.id desc limit 1
          ) s on true
          ${firstInWindow}
          order by first.municipality_code, first.subject_ref, first.domain
        ) f
        where ${scoped(scope, 'f', 'occurred_on')}`;
    }
    case 'return-within':
      return sql`select ${cols('c')}, ${quarterOf(sql`c.occurred_on`)} as period,
          (case when r.returned then 1 else 0 end)::numeric as num, 1::numeric as den, null::text as subj, null::int as residents,
          (case when r.returned then 2 else 1 end) as inputs
        from domain_events c
        cross join lateral (select exists (
          select 1 from domain_events s
          where s.municipality_code = c.municipality_code and ${filterSql(m.start, 's')} and (s.data ->> 'client') = (c.data ->> 'client')
            and s.occurred_on > c.occurred_on and s.occurred_on <= c.occurred_on + ${m.days}::int) as returned) r
        where ${filterSql(m.closing, 'c')} and c.data ? 'client' and ${scoped(scope, 'c', 'occurred_on')}`;
  }
}

function aggregates(m: Measure): RawBuilder<unknown> {
  const pct = sql`round(100.0 * sum(b.num) / nullif(sum(b.den), 0), 2)`;
  const mean = sql`round(sum(b.num) / nullif(sum(b.den), 0), 2)`;
  switch (m.kind) {
    case 'count':
      return sql`sum(b.num) as numerator, null::numeric as denominator, sum(b.num) as value`;
    case 'ratio':
    case 'return-within':
      return sql`sum(b.num) as numerator, sum(b.den) as denominator, ${pct} as value`;
    case 'mean':
      return sql`sum(b.num) as numerator, sum(b.den) as denominator, ${mean} as value`;
    case 'score-change':
      return m.result === 'improved-share' ? sql`sum(b.num) as numerator, sum(b.den) as denominator, ${pct} as value` : sql`sum(b.num) as numerator, sum(b.den) as denominator, ${mean} as value`;
    case 'sum-per-subject':
      return sql`sum(b.num) / ${m.divideBy}::numeric as numerator, count(distinct b.subj)::numeric as denominator,
        round(sum(b.num) / ${m.divideBy}::numeric / nullif(count(distinct b.subj), 0), 2) as value`;
    case 'per-residents':
      // A team has no population of its own: its cells carry the count, not a rate.
      return sql`count(distinct b.subj)::numeric as numerator, max(b.residents)::numeric as denominator,
        case when grouping(b.team_id) = 1 then round(${m.per}::numeric * count(distinct b.subj) / nullif(max(b.residents), 0), 2) end as value`;
  }
}

/** The SELECT computing every cell of one indicator in scope: what the bench compares with its hand-written floor. */
export function indicatorSelect(def: IndicatorDefinition, scope: Scope): RawBuilder<unknown> {
  return sql`select b.municipality_code, b.period,
      case when grouping(b.law) = 1 then '*' else coalesce(b.law, '-') end as law,
      case when grouping(b.team_id) = 1 then '*' else coalesce(b.team_id::text, '-') end as team,
      ${aggregates(def.measure)}, sum(b.inputs)::bigint as input_events
    from (${baseSql(def.measure, scope)}) b
    group by grouping sets ((b.municipality_code, b.period), (b.municipality_code, b.period, b.law), (b.municipality_code, b.period, b.team_id))`;
}

/** Replaces the indicator's cells in scope: delete, then insert what the SELECT computes. */
export function refreshStatements(def: IndicatorDefinition, scope: Scope, computedAt: Date): { remove: RawBuilder<unknown>; insert: RawBuilder<unknown> } {
  const w = scope.kind === 'window' ? sql`with ${windowCte(def.measure)} ` : sql``;
  const remove = scope.kind === 'all'
    ? sql`delete from indicator_values where indicator_id = ${def.id}`
    : scope.kind === 'municipality'
      ? sql`delete from indicator_values where indicator_id = ${def.id} and municipality_code = ${scope.code}`
      : sql`${w}delete from indicator_values v using w where v.indicator_id = ${def.id} and v.municipality_code = w.municipality_code
          and v.period >= to_char(w.from_date, 'YYYY-"Q"Q') and v.period < to_char(w.to_date, 'YYYY-"Q"Q')`;
  const insert = sql`${w}insert into indicator_values (municipality_code, indicator_id, period, law, team, numerator, denominator, value, input_events, definition_version, computed_at)
    select x.municipality_code, ${def.id}, x.period, x.law, x.team, x.numerator, x.denominator, x.value, x.input_events, ${def.version}, ${computedAt.toISOString()}::timestamptz
    from (${indicatorSelect(def, scope)}) x`;
  return { remove, insert };
}

/** Totals over one group for an experiment: n, sum and sum of squares of the per-row contributions. */
export function groupTotalsSelect(def: IndicatorDefinition, scope: Extract<Scope, { kind: 'range' }>): RawBuilder<unknown> {
  return sql`select coalesce(sum(b.num), 0) as x, coalesce(sum(b.den), 0) as n, coalesce(sum(b.num * b.num), 0) as sum_squares
    from (${baseSql(def.measure, scope)}) b`;
}
