/**
 * `npm run bench -- worklist`: a team worklist with deadline status over 100,000 open cases and
 * 1,000,000 tasks (generated in one municipality), p95 latency of Kern's worklist use case
 * (tenant transaction under row-level security, policy check, audit record, query, deadline
 * status) against the p95 of the same query as bare SQL on the same database, in the same run.
 * Aim from the issue: at most 2x, and at most 50 ms absolute on the 2-core machine.
 */
import { runAsTenant, type AccessContext } from '@kern/access';
import { findWorklist, readWorklist } from '@kern/cases';
import { benchDatabase, ratioLine } from './harness';
import { sql, withSystem } from '@kern/db';
import { staffActorOf } from '@kern/identity';
import { loadConfig } from '@kern/kit';
import { createBrpClient } from '@kern/registry';
import { seedDemo } from '@kern/seed';
import { createServices } from '@kern/server';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const TASKS_PER_CASE = Number(process.env.BENCH_TASKS_PER_CASE ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const MUNICIPALITY = '0599';

const database = await benchDatabase();
await seedDemo(database.db);
const services = createServices(loadConfig({}, { logLevel: 'silent' }), { database, brp: createBrpClient({ baseUrl: 'http://127.0.0.1:9' }) });
const actor = await staffActorOf(database.db, 'rotterdam.wmo');
if (!actor) throw new Error('seed missing');
const team = actor.teamIds[0];
if (!team) throw new Error('demo account has no team');

console.log(`worklist bench: generating ${CASES.toLocaleString('en')} open cases, ${(CASES * TASKS_PER_CASE).toLocaleString('en')} tasks (engine ${database.engine})`);
const started = Date.now();
await withSystem(database.db, async (tx) => {
  const teams = (await sql<{ id: string }>`select id from teams where municipality_code = ${MUNICIPALITY} order by name`.execute(tx)).rows.map((r) => r.id);
  await sql`insert into werkwijze_versions (municipality_code, werkwijze_id, version, name, source_yaml, definition, status, created_at)
    values (${MUNICIPALITY}, 'bench', 1, 'bench', '', '{}'::jsonb, 'active', now())`.execute(tx);
  const chunk = 20_000;
  for (let from = 0; from < CASES; from += chunk) {
    const to = Math.min(CASES, from + chunk) - 1;
    // Cases spread over the municipality's teams; one open task each (the current step), the
    // rest done (earlier steps); one or two statutory deadlines, some met, due dates spread
    // from three weeks ago to ten weeks ahead so all deadline statuses occur.
    await sql`insert into cases (id, municipality_code, reference, werkwijze_id, werkwijze_version, case_type_id, purpose, subject_bsn, team_id,
        step_id, phase, status, melding_date, opened_at, opened_by)
      select md5('case' || g)::uuid, ${MUNICIPALITY}, 'B-' || g, 'bench', 1, 'wmo', 'wmo', lpad((100000000 + g)::text, 9, '0'),
        (${teams}::uuid[])[1 + g % ${teams.length}], 'onderzoek', 'onderzoek', 'open', current_date - (g % 60), now(), ${actor.id}::uuid
      from generate_series(${from}::int, ${to}::int) g`.execute(tx);
    await sql`insert into case_deadlines (id, municipality_code, case_id, term_id, start_date, due_date, met_date)
      select md5('dl' || g)::uuid, ${MUNICIPALITY}, md5('case' || g)::uuid, 'wmo-onderzoek', current_date - 42 + (g % 100), current_date - 21 + (g % 100),
        case when g % 7 = 0 then current_date - 1 end
      from generate_series(${from}::int, ${to}::int) g`.execute(tx);
    await sql`insert into case_tasks (id, municipality_code, case_id, step_id, phase, title, roles, team_id, status, created_at, done_at, due_date, term_id)
      select md5('task' || g || '-' || k)::uuid, ${MUNICIPALITY}, md5('case' || g)::uuid, 'stap-' || k, 'onderzoek', 'Stap ' || k, '{wmo-consultant}',
        (${teams}::uuid[])[1 + g % ${teams.length}], case when k = ${TASKS_PER_CASE} then 'open' else 'done' end, now() - make_interval(days => ${TASKS_PER_CASE} - k),
        case when k = ${TASKS_PER_CASE} then null else now() end,
        case when k = ${TASKS_PER_CASE} and g % 7 <> 0 then current_date - 21 + (g % 100) end,
        case when k = ${TASKS_PER_CASE} and g % 7 <> 0 then 'wmo-onderzoek' end
      from generate_series(${from}::int, ${to}::int) g, generate_series(1, ${TASKS_PER_CASE}::int) k`.execute(tx);
    process.stderr.write(`  generated ${(to + 1).toLocaleString('en')} / ${CASES.toLocaleString('en')} cases\r`);
  }
});
await sql`analyze`.execute(database.db);
process.stderr.write('\n');
const teamOpen = await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from case_tasks where status = 'open' and team_id = ${team}::uuid`.execute(tx));
console.log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s; team ${team.slice(0, 8)} has ${String(teamOpen.rows[0]?.n ?? 0)} open tasks`);

const ctx: AccessContext = { actor, purpose: undefined };
const kernRun = async () => {
  const r = await runAsTenant(services, ctx, (tx) => readWorklist(services, tx, ctx, { scope: 'team', teamId: team, limit: 100 }));
  if (r.items.length !== 100) throw new Error(`expected a full page, got ${r.items.length}`);
};
const bareRun = async () => {
  const r = await findWorklist(database.db, { municipalityCode: MUNICIPALITY, teamIds: [team], limit: 100 });
  if (r.length !== 100) throw new Error(`expected a full page, got ${r.length}`);
};

async function sample(fn: () => Promise<void>, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return out;
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;

await sample(kernRun, 20);
await sample(bareRun, 20);
const kern: number[] = [];
const bare: number[] = [];
for (let round = 0; round < 10; round++) {
  kern.push(...(await sample(kernRun, RUNS / 10)));
  bare.push(...(await sample(bareRun, RUNS / 10)));
}
const k = p95(kern);
const b = p95(bare);
console.log(`kern team worklist (policy, audit, RLS, status): p95 ${k.toFixed(2)} ms over ${kern.length} runs (target: at most 50 ms)`);
console.log(`reference, the same query as bare SQL: p95 ${b.toFixed(2)} ms over ${bare.length} runs`);
await database.close();
console.log(ratioLine('worklist', database.engine, `kern p95 ${k.toFixed(2)} ms / bare SQL p95 ${b.toFixed(2)} ms`, k / b));
