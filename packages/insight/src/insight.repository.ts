import { isoDay, sql, type TableRow, type Tx } from '@kern/db';
import type { BenchmarkRow, Experiment, IndicatorValue } from './contract/insight.schema';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

type RawValue = TableRow<'indicator_values', 'indicator_id' | 'period' | 'law' | 'team' | 'numerator' | 'denominator' | 'value' | 'input_events' | 'definition_version' | 'computed_at'>;

/** The tenant's own values; row-level security limits them to the actor's municipality. */
export async function findIndicatorValues(tx: Tx, q: { indicator?: string | undefined; from?: string | undefined; to?: string | undefined; law: string; team: string }): Promise<IndicatorValue[]> {
  const r = await sql<RawValue>`select indicator_id, period, law, team, numerator, denominator, value, input_events, definition_version, computed_at from indicator_values
    where law = ${q.law} and team = ${q.team}
      ${q.indicator ? sql`and indicator_id = ${q.indicator}` : sql``}
      ${q.from ? sql`and period >= ${q.from}` : sql``}
      ${q.to ? sql`and period <= ${q.to}` : sql``}
    order by indicator_id, period limit 20000`.execute(tx);
  return r.rows.map((v) => ({
    indicatorId: v.indicator_id, period: v.period, law: v.law, team: v.team, numerator: Number(v.numerator), denominator: num(v.denominator), value: num(v.value),
    inputEvents: Number(v.input_events), definitionVersion: Number(v.definition_version), computedAt: new Date(v.computed_at).toISOString(),
  }));
}

/** Every cell (all laws and teams) of the indicators and periods asked: what suppression needs to see. */
export async function findIndicatorCells(tx: Tx, q: { indicator?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<IndicatorValue[]> {
  const r = await sql<RawValue>`select indicator_id, period, law, team, numerator, denominator, value, input_events, definition_version, computed_at from indicator_values
    where true
      ${q.indicator ? sql`and indicator_id = ${q.indicator}` : sql``}
      ${q.from ? sql`and period >= ${q.from}` : sql``}
      ${q.to ? sql`and period <= ${q.to}` : sql``}
    order by indicator_id, period limit 200000`.execute(tx);
  return r.rows.map((v) => ({
    indicatorId: v.indicator_id, period: v.period, law: v.law, team: v.team, numerator: Number(v.numerator), denominator: num(v.denominator), value: num(v.value),
    inputEvents: Number(v.input_events), definitionVersion: Number(v.definition_version), computedAt: new Date(v.computed_at).toISOString(),
  }));
}

export async function findLocalIndicatorDefinitions(tx: Tx): Promise<unknown[]> {
  const rows = await tx.selectFrom('insight_local_indicators').select('definition').orderBy('indicator_id').execute();
  return rows.map((row) => (typeof row.definition === 'string' ? (JSON.parse(row.definition) as unknown) : row.definition));
}

export async function upsertLocalIndicator(tx: Tx, i: { municipalityCode: string; id: string; version: number; definition: unknown; createdBy: string; at: Date }): Promise<void> {
  await tx
    .insertInto('insight_local_indicators')
    .values({
      municipality_code: i.municipalityCode, indicator_id: i.id, version: i.version, definition: sql`${JSON.stringify(i.definition)}::jsonb`,
      created_by: i.createdBy, created_at: i.at.toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(['municipality_code', 'indicator_id']).doUpdateSet((eb) => ({
        version: eb.ref('excluded.version'), definition: eb.ref('excluded.definition'), created_by: eb.ref('excluded.created_by'), created_at: eb.ref('excluded.created_at'),
      })),
    )
    .execute();
}

export async function findParticipation(tx: Tx): Promise<boolean> {
  const row = await tx.selectFrom('benchmark_participation').select('opted_in').executeTakeFirst();
  return row?.opted_in ?? false;
}

export async function saveParticipation(tx: Tx, p: { municipalityCode: string; optedIn: boolean; by: string; at: Date }): Promise<void> {
  await tx
    .insertInto('benchmark_participation')
    .values({ municipality_code: p.municipalityCode, opted_in: p.optedIn, changed_by: p.by, changed_at: p.at.toISOString() })
    .onConflict((oc) =>
      oc.column('municipality_code').doUpdateSet((eb) => ({ opted_in: eb.ref('excluded.opted_in'), changed_by: eb.ref('excluded.changed_by'), changed_at: eb.ref('excluded.changed_at') })),
    )
    .execute();
}

export async function latestPopulation(tx: Tx, municipalityCode: string): Promise<number | null> {
  const row = await tx.selectFrom('insight_population').select('residents').where('code', '=', municipalityCode).orderBy('year', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.residents) : null;
}

/** Own values (unpublished, own tenant) against medians over published aggregates only. */
export async function findComparison(tx: Tx, q: { indicator: string; law: string; sizeClass: string | null }): Promise<{ period: string; own: number | null; peerMedian: number | null; peers: number; nationalMedian: number | null; municipalities: number }[]> {
  const r = await sql<{ period: string; own: string | null; peer_median: string | null; peers: string; national_median: string | null; municipalities: string }>`
    with own as (select period, value from indicator_values where indicator_id = ${q.indicator} and law = ${q.law} and team = '*'),
    pub as (
      select period,
        percentile_cont(0.5) within group (order by value) filter (where size_class = ${q.sizeClass ?? ''} and publisher_code <> current_setting('app.municipality', true)) as peer_median,
        count(*) filter (where size_class = ${q.sizeClass ?? ''} and publisher_code <> current_setting('app.municipality', true)) as peers,
        percentile_cont(0.5) within group (order by value) as national_median,
        count(*) as municipalities
      from benchmark_aggregates where indicator_id = ${q.indicator} and law = ${q.law} and not suppressed and value is not null
      group by period)
    select coalesce(own.period, pub.period) as period, own.value as own, pub.peer_median, coalesce(pub.peers, 0) as peers, pub.national_median, coalesce(pub.municipalities, 0) as municipalities
    from own full join pub on pub.period = own.period order by 1`.execute(tx);
  const round = (v: string | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);
  return r.rows.map((x) => ({ period: x.period, own: round(x.own), peerMedian: round(x.peer_median), peers: Number(x.peers), nationalMedian: round(x.national_median), municipalities: Number(x.municipalities) }));
}

/** The published aggregates, as any municipality may download them. Columns are fixed: nothing else exists in the table. */
export async function findPublishedAggregates(tx: Tx, q: { indicator?: string | undefined }): Promise<BenchmarkRow[]> {
  const r = await sql<
    TableRow<'benchmark_aggregates', 'indicator_id' | 'period' | 'law' | 'size_class' | 'numerator' | 'denominator' | 'value' | 'suppressed' | 'definition_version'> & { municipality_code: string }
  >`
    select publisher_code as municipality_code, indicator_id, period, law, size_class, numerator, denominator, value, suppressed, definition_version from benchmark_aggregates
    ${q.indicator ? sql`where indicator_id = ${q.indicator}` : sql``} order by indicator_id, period, publisher_code, law limit 200000`.execute(tx);
  return r.rows.map((b) => ({
    municipalityCode: b.municipality_code, indicatorId: b.indicator_id, period: b.period, law: b.law, sizeClass: b.size_class,
    numerator: num(b.numerator), denominator: num(b.denominator), value: num(b.value), suppressed: b.suppressed, definitionVersion: Number(b.definition_version),
  }));
}

type RawExperiment = TableRow<
  'insight_experiments',
  | 'id' | 'title' | 'hypothesis' | 'intervention' | 'target_group' | 'indicator_id' | 'team_id' | 'control_team_id' | 'baseline_from' | 'baseline_to'
  | 'period_from' | 'period_to' | 'write_up' | 'result' | 'created_at'
>;
const day = (d: Date | string): string => isoDay(d);
const toExperiment = (e: RawExperiment): Experiment => ({
  id: e.id, title: e.title, hypothesis: e.hypothesis, intervention: e.intervention, targetGroup: e.target_group, indicatorId: e.indicator_id, teamId: e.team_id, controlTeamId: e.control_team_id,
  baselineFrom: day(e.baseline_from), baselineTo: day(e.baseline_to), periodFrom: day(e.period_from), periodTo: day(e.period_to), writeUp: e.write_up,
  result: (typeof e.result === 'string' ? JSON.parse(e.result) : e.result) as Experiment['result'], createdAt: new Date(e.created_at).toISOString(),
});

export async function insertExperiment(tx: Tx, municipalityCode: string, e: Omit<Experiment, 'result' | 'writeUp' | 'createdAt'>, by: string, at: Date): Promise<void> {
  await tx
    .insertInto('insight_experiments')
    .values({
      id: e.id, municipality_code: municipalityCode, title: e.title, hypothesis: e.hypothesis, intervention: e.intervention, target_group: e.targetGroup,
      indicator_id: e.indicatorId, team_id: e.teamId, control_team_id: e.controlTeamId, baseline_from: e.baselineFrom, baseline_to: e.baselineTo,
      period_from: e.periodFrom, period_to: e.periodTo, created_by: by, created_at: at.toISOString(),
    })
    .execute();
}

export async function findExperiments(tx: Tx): Promise<Experiment[]> {
  const rows = await tx.selectFrom('insight_experiments').selectAll().orderBy('created_at', 'desc').limit(500).execute();
  return rows.map(toExperiment);
}

export async function findExperiment(tx: Tx, id: string): Promise<Experiment | undefined> {
  const e = await tx.selectFrom('insight_experiments').selectAll().where('id', '=', id).executeTakeFirst();
  return e ? toExperiment(e) : undefined;
}

export async function saveExperimentResult(tx: Tx, id: string, result: unknown, writeUp: string): Promise<void> {
  await tx.updateTable('insight_experiments').set({ result: sql`${JSON.stringify(result)}::jsonb`, write_up: writeUp }).where('id', '=', id).execute();
}

