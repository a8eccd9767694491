/**
 * `npm run bench -- indicators`: the standard core set (20 indicators) for all 342 municipalities
 * on the national dataset (`kern seed --scale nl`), every cell (municipality x quarter, x law,
 * x team), refreshed by Kern's job path (the catalogue interpreter, delete + insert into
 * indicator_values, high-water mark) against the floor: one hand-written set-based SQL query per
 * indicator computing the same cells into a temp table, in the same run on the same database.
 * Then 1,000 new events and an incremental refresh, timed on its own.
 *
 * BENCH_FRACTION (default 0.1) is the share of the full dataset (1 = 2.2 M clients, 24 M events).
 * Use a PostgreSQL server (KERN_TEST_ENGINE=postgres with DATABASE_URL); PGlite works for small fractions.
 */
import { sql, withSystem } from '@kern/db';
import { benchDatabase, ratioLine } from './harness';
import { refreshAll, refreshIncremental } from '@kern/insight';
import { seedNl } from '@kern/seed';

const FRACTION = Number(process.env.BENCH_FRACTION ?? 0.1);
const database = await benchDatabase();
console.log(`indicators bench: engine ${database.engine}, national dataset at fraction ${FRACTION}`);
const seeded = await seedNl(database.db, { fraction: FRACTION }, {
  step: (l) => process.stderr.write(`  ${l}\r`), tick: () => undefined, done: () => process.stderr.write('\n'),
});
console.log(`seeded ${seeded.municipalities} municipalities, ${seeded.clients.toLocaleString('en')} clients, ${seeded.events.toLocaleString('en')} events in ${seeded.seconds.toFixed(1)} s`);

// ---- the floor: hand-written SQL, one query per indicator, same cells ----
const Q = (col: string) => `to_char(${col}, 'YYYY-"Q"Q')`;
const cells = (inner: string, aggregates: string) => `select municipality_code, period,
    case when grouping(law) = 1 then '*' else coalesce(law, '-') end as law,
    case when grouping(team_id) = 1 then '*' else coalesce(team_id::text, '-') end as team, ${aggregates}
  from (${inner}) b group by grouping sets ((municipality_code, period), (municipality_code, period, law), (municipality_code, period, team_id))`;
const count = (type: string) => cells(`select municipality_code, law, team_id, ${Q('occurred_on')} as period from domain_events where type = '${type}'`, 'count(*) as value');
const ratio = (num: string, den: string) => cells(
  `select municipality_code, law, team_id, ${Q('occurred_on')} as period, (${num})::int as n, (${den})::int as d from domain_events where (${num}) or (${den})`,
  'sum(n) as numerator, sum(d) as denominator, round(100.0 * sum(n) / nullif(sum(d), 0), 2) as value');
const term = (t: string) => ratio(`type = 'case.deadline-met' and data ->> 'term' = '${t}'`, `type in ('case.deadline-met', 'case.deadline-missed') and data ->> 'term' = '${t}'`);
const perSubject = (type: string) => cells(
  `select municipality_code, law, team_id, ${Q('occurred_on')} as period, (data ->> 'amountCents')::numeric as cents, subject_ref from domain_events where type = '${type}'`,
  'round(sum(cents) / 100 / nullif(count(distinct subject_ref), 0), 2) as value');
const scores = (instrument: string, from: number, to: number, improved: boolean) => cells(`
  select f.municipality_code, s.law, s.team_id, ${Q('s.occurred_on')} as period, s.score - f.score as change from (
    select distinct on (municipality_code, subject_ref, data ->> 'domain') municipality_code, subject_ref, data ->> 'domain' as domain, occurred_on, (data ->> 'score')::numeric as score
    from domain_events where type = 'assessment.scored' and data ->> 'instrument' = '${instrument}' order by municipality_code, subject_ref, data ->> 'domain', occurred_on, id) f
  join lateral (select law, team_id, occurred_on, (data ->> 'score')::numeric as score from domain_events s
    where s.municipality_code = f.municipality_code and s.type = 'assessment.scored' and s.subject_ref = f.subject_ref and s.data ->> 'instrument' = '${instrument}'
      and (s.data ->> 'domain') is not distinct from f.domain
      and s.occurred_on >= f.occurred_on + interval '${from} months' and s.occurred_on < f.occurred_on + interval '${to} months'
    order by s.occurred_on desc, s.id desc limit 1) s on true`,
  improved ? 'round(100.0 * count(*) filter (where change > 0) / count(*), 2) as value' : 'round(avg(change), 2) as value');
const floor: Record<string, string> = {
  'zrm-improved-6m': scores('zrm', 6, 12, true),
  'zrm-improved-12m': scores('zrm', 12, 24, true),
  'ladder-steps-up': scores('participatieladder', 3, 24, false),
  'plan-goals-reached': ratio(`type = 'plan.goal-closed' and data ->> 'reached' = 'true'`, `type = 'plan.goal-closed'`),
  'return-within-12m': cells(`select c.municipality_code, c.law, c.team_id, ${Q('c.occurred_on')} as period,
      exists (select 1 from domain_events s where s.municipality_code = c.municipality_code and s.type = 'case.started' and s.data ->> 'client' = c.data ->> 'client'
        and s.occurred_on > c.occurred_on and s.occurred_on <= c.occurred_on + 365) as returned
    from domain_events c where c.type = 'case.closed' and c.data ? 'client'`, 'round(100.0 * count(*) filter (where returned) / count(*), 2) as value'),
  'debt-solution-reached': ratio(`type = 'debt.solution-agreed'`, `type = 'debt.first-conversation-held'`),
  'cases-started': count('case.started'),
  'decisions-made': count('case.decided'),
  'plans-agreed': count('plan.agreed'),
  'group-participations': count('offering.participant-joined'),
  'clients-per-1000': cells(`select e.municipality_code, e.law, e.team_id, ${Q('e.occurred_on')} as period, coalesce(e.data ->> 'client', e.subject_ref) as client, p.residents
      from domain_events e left join insight_population p on p.code = e.municipality_code and p.year = extract(year from e.occurred_on)::int where e.type = 'case.started'`,
    // As Kern defines it: a team has no population of its own, so its cells carry no rate.
    'count(distinct client) as n, case when grouping(team_id) = 1 then round(1000.0 * count(distinct client) / nullif(max(residents), 0), 2) end as value'),
  'wmo-onderzoek-in-time': term('wmo-onderzoek'),
  'wmo-beschikking-in-time': term('wmo-beschikking'),
  'jeugd-beschikking-in-time': term('jeugdwet-beschikking'),
  'wgs-first-conversation-in-time': ratio(`type = 'debt.first-conversation-held' and data ->> 'withinTerm' = 'true'`, `type = 'debt.first-conversation-held'`),
  'days-to-decision': cells(`select municipality_code, law, team_id, ${Q('occurred_on')} as period, (data ->> 'daysSinceMelding')::numeric as days from domain_events where type = 'case.decided'`, 'round(avg(days), 2) as value'),
  'cases-closed': count('case.closed'),
  'invoices-approved-first-time': ratio(`type = 'exchange.invoice-line-approved' and data ->> 'firstSubmission' = 'true'`, `type = 'exchange.invoice-line-approved'`),
  'cost-per-client': perSubject('exchange.invoice-line-approved'),
  'debt-fund-forgiven-per-client': perSubject('debt.amount-forgiven'),
};

async function runFloor(): Promise<number> {
  const s = process.hrtime.bigint();
  await withSystem(database.db, async (tx) => {
    let i = 0;
    for (const q of Object.values(floor)) await sql.raw(`create temp table floor_${i++} on commit drop as ${q}`).execute(tx);
  });
  return Number(process.hrtime.bigint() - s) / 1e9;
}
async function runKern(): Promise<{ seconds: number; cells: number }> {
  const s = process.hrtime.bigint();
  const r = await withSystem(database.db, (tx) => refreshAll(tx, new Date()));
  return { seconds: Number(process.hrtime.bigint() - s) / 1e9, cells: r.cells };
}

// Warm the cache once each, then alternate.
await runFloor();
await runKern();
const floorTimes: number[] = [];
const kernTimes: number[] = [];
let cellCount = 0;
for (let round = 0; round < 3; round++) {
  floorTimes.push(await runFloor());
  const k = await runKern();
  kernTimes.push(k.seconds);
  cellCount = k.cells;
}
// The floor must have computed what Kern computed, or the ratio compares different work: every
// cell of every indicator, both ways, to the cent (values are rounded to two decimals on both sides).
const mismatches = await withSystem(database.db, async (tx) => {
  const found: string[] = [];
  for (const [id, q] of Object.entries(floor)) {
    const r = await sql<{ n: number; example: string | null }>`with f as (${sql.raw(q)}),
        k as (select municipality_code, period, law, team, value from indicator_values where indicator_id = ${id}),
        d as (select coalesce(f.municipality_code, k.municipality_code) || ' ' || coalesce(f.period, k.period) || ' ' || coalesce(f.law, k.law) || ' ' || coalesce(f.team, k.team)
                || ': floor ' || coalesce(f.value::text, 'none') || ', kern ' || coalesce(k.value::text, 'none') as what
              from f full join k on k.municipality_code = f.municipality_code and k.period = f.period and k.law = f.law and k.team = f.team
              where f.municipality_code is null or k.municipality_code is null or f.value is distinct from round(k.value, 2))
      select count(*)::int as n, min(what) as example from d`.execute(tx);
    const row = r.rows[0];
    if (row && row.n > 0) found.push(`${id}: ${row.n} cells differ (e.g. ${row.example ?? ''})`);
  }
  return found;
});
if (mismatches.length > 0) throw new Error(`the floor and Kern computed different cells, so their times cannot be compared:\n  ${mismatches.join('\n  ')}`);
console.log(`same answer: every cell of the ${Object.keys(floor).length} indicators agrees between the floor and Kern`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const f = median(floorTimes);
const k = median(kernTimes);

// ---- incremental: 1,000 new events, (a) spread over all 342 municipalities, (b) in one municipality ----
async function addEvents(where: string): Promise<number> {
  await withSystem(database.db, (tx) => sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, data)
    select ${sql.raw(where)},
      (array['case.started', 'case.deadline-met', 'plan.goal-closed', 'exchange.invoice-line-approved', 'assessment.scored'])[1 + g % 5],
      date '2025-12-01' + (g % 20), 'bench-new-' || g, 'wmo',
      jsonb_build_object('client', 'bench-client-' || g, 'term', 'wmo-onderzoek', 'reached', g % 2 = 0, 'amountCents', 12345, 'firstSubmission', true, 'instrument', 'zrm', 'domain', 'financien', 'score', 3)
    from generate_series(1, 1000) g`.execute(tx));
  const s = process.hrtime.bigint();
  await withSystem(database.db, (tx) => refreshIncremental(tx, new Date()));
  return Number(process.hrtime.bigint() - s) / 1e9;
}
const incSpread = await addEvents(`(select code from municipalities order by code offset (g % 342) limit 1)`);
const incOne = await addEvents(`'0363'`);

console.log(`floor, 20 hand-written set-based queries (same cells): median ${f.toFixed(2)} s over ${floorTimes.length} runs`);
console.log(`kern full refresh (interpreter, delete + insert, ${cellCount.toLocaleString('en')} cells): median ${k.toFixed(2)} s over ${kernTimes.length} runs (aim: at most 2x the floor)`);
console.log(`kern incremental refresh after 1,000 new events spread over all 342 municipalities: ${incSpread.toFixed(2)} s (aim: under 1 s)`);
console.log(`kern incremental refresh after 1,000 new events in one municipality (Amsterdam): ${incOne.toFixed(2)} s (aim: under 1 s)`);
await database.close();
console.log(ratioLine('indicators', database.engine, `fraction ${FRACTION}, ${seeded.events.toLocaleString('en')} events: kern full ${k.toFixed(2)} s / floor ${f.toFixed(2)} s`, k / f));
