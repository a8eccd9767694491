/**
 * `npm run bench -- fund`: the debt fund's monthly run over a fund of 100,000 residents with 8
 * debts each (generated in one municipality: debt files, debts, the fund's take-overs and their
 * ledger entries), timed against the floor: one set-based SQL statement that books the same
 * repayments (the same postings, into a table with the same indexes but without the ledger's
 * balance trigger), on the same database in the same run. Kern's run adds the access decision
 * and audit record, row-level security, chunked transactions (so a crash resumes), the
 * idempotency anti-join, the resident balances and the end-of-term close. Aim: at most 2x.
 */
import { runAsTenant, type AccessContext, type Actor } from '@kern/access';
import { sql, withSystem } from '@kern/db';
import { benchDatabase, ratioLine } from './harness';
import { runMonth } from '@kern/debt';
import { FixedClock, loadConfig } from '@kern/kit';
import { createBrpClient } from '@kern/registry';
import { seedDemo } from '@kern/seed';
import { createServices } from '@kern/server';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 100_000);
const DEBTS_PER_RESIDENT = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MUNICIPALITY = '0599';
const sectors = ['housing', 'energy', 'water', 'health-insurance', 'public', 'other'];

const database = await benchDatabase();
await seedDemo(database.db);
const clock = new FixedClock('2026-12-15T10:00:00Z');
const services = createServices(loadConfig({}, { logLevel: 'silent' }), { database, brp: createBrpClient({ baseUrl: 'http://127.0.0.1:9' }), clock });
const actor: Actor = { kind: 'system', id: 'bench', name: 'fund bench', municipalityCode: MUNICIPALITY, roles: ['functional-administrator'], teamIds: [] };
const ctx: AccessContext = { actor, purpose: 'wgs' };

console.log(`fund bench: generating ${RESIDENTS.toLocaleString('en')} residents with ${DEBTS_PER_RESIDENT} debts each (engine ${database.engine})`);
const started = Date.now();
await withSystem(database.db, async (tx) => {
  const team = (await sql<{ id: string }>`select id from teams where municipality_code = ${MUNICIPALITY} order by name limit 1`.execute(tx)).rows[0]?.id;
  if (!team) throw new Error('seed has no team');
  await sql`insert into debt_creditors (id, municipality_code, name, sector)
    select md5('creditor' || c)::uuid, ${MUNICIPALITY}, 'Schuldeiser ' || c, (${sectors}::text[])[1 + c % 6] from generate_series(0, 47) c`.execute(tx);
  const chunk = 10_000;
  for (let from = 0; from < RESIDENTS; from += chunk) {
    const to = Math.min(RESIDENTS, from + chunk) - 1;
    await sql`insert into debt_files (id, municipality_code, reference, subject_bsn, team_id, contact, origin, request_date, first_conversation_due, status, opened_at, opened_by)
      select md5('file' || g)::uuid, ${MUNICIPALITY}, 'B-' || g, lpad((200000000 + g)::text, 9, '0'), ${team}::uuid, 'bench', 'request', date '2026-01-05', date '2026-02-02', 'solution', now(), 'bench'
      from generate_series(${from}::int, ${to}::int) g`.execute(tx);
    // Eight debts per resident at eight different creditors, verified, 100 to 5,000 euros.
    await sql`insert into debts (id, municipality_code, debt_file_id, creditor_id, category, claimed_cents, verified_cents, status, registered_on, verified_on)
      select md5('debt' || g || '-' || k)::uuid, ${MUNICIPALITY}, md5('file' || g)::uuid, md5('creditor' || ((g + k * 6) % 48))::uuid, 'overig',
        10000 + (g::bigint * 7919 + k * 104729) % 490000, 10000 + (g::bigint * 7919 + k * 104729) % 490000, 'verified', date '2026-01-10', date '2026-01-12'
      from generate_series(${from}::int, ${to}::int) g, generate_series(1, ${DEBTS_PER_RESIDENT}::int) k`.execute(tx);
    // The fund took them over at 60%; monthly amounts 20 to 220 euros; cohorts January to June 2026.
    await sql`insert into fund_participations (id, municipality_code, debt_file_id, team_id, terms_version, decision_on, take_over_due, taken_over_on, cohort,
        monthly_cents, term_months, first_period, last_period, taken_over_cents, balance_cents, status)
      select md5('part' || g)::uuid, ${MUNICIPALITY}, md5('file' || g)::uuid, ${team}::uuid, 0, date '2026-01-20', date '2026-02-17', make_date(2026, 1 + g % 6, 1),
        to_char(make_date(2026, 1 + g % 6, 1), 'YYYY-MM'), 2000 + (g * 31) % 20000, 180,
        to_char(make_date(2026, 2 + g % 6, 1), 'YYYY-MM'), to_char(make_date(2026, 2 + g % 6, 1) + interval '179 months', 'YYYY-MM'),
        s.total, s.total, 'repaying'
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (select sum((10000 + (g::bigint * 7919 + k * 104729) % 490000) * 6000 / 10000)::bigint as total from generate_series(1, ${DEBTS_PER_RESIDENT}::int) k) s`.execute(tx);
    await sql`insert into fund_debts (id, municipality_code, participation_id, debt_id, creditor_id, sector, claim_cents, rate_basis_points, settlement_cents)
      select md5('fd' || g || '-' || k)::uuid, ${MUNICIPALITY}, md5('part' || g)::uuid, md5('debt' || g || '-' || k)::uuid, md5('creditor' || ((g + k * 6) % 48))::uuid, 'other',
        10000 + (g::bigint * 7919 + k * 104729) % 490000, 6000, (10000 + (g::bigint * 7919 + k * 104729) % 490000) * 6000 / 10000
      from generate_series(${from}::int, ${to}::int) g, generate_series(1, ${DEBTS_PER_RESIDENT}::int) k`.execute(tx);
    // The take-over entries: receivable for the resident, payable per creditor (balanced: checked by the trigger).
    await sql`insert into fund_postings (entry_id, municipality_code, kind, booked_on, account, participation_id, creditor_id, amount_cents)
      select md5('to' || f.participation_id)::uuid, ${MUNICIPALITY}, 'take-over', date '2026-01-20', 'payable', f.participation_id, f.creditor_id, -f.settlement_cents
      from fund_debts f where f.participation_id in (select md5('part' || g)::uuid from generate_series(${from}::int, ${to}::int) g)
      union all
      select md5('to' || p.id)::uuid, ${MUNICIPALITY}, 'take-over', date '2026-01-20', 'receivable', p.id, null, p.taken_over_cents
      from fund_participations p where p.id in (select md5('part' || g)::uuid from generate_series(${from}::int, ${to}::int) g)`.execute(tx);
    process.stderr.write(`  generated ${(to + 1).toLocaleString('en')} / ${RESIDENTS.toLocaleString('en')} residents\r`);
  }
  // The floor's table: the same columns and indexes as the ledger, no trigger.
  await sql`create table bench_floor_postings (like fund_postings including defaults including constraints including indexes)`.execute(tx);
});
await sql`analyze`.execute(database.db);
process.stderr.write('\n');
console.log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/** The floor: one statement booking the same repayments (the same amounts and postings). */
async function floor(period: string): Promise<number> {
  const s = process.hrtime.bigint();
  const r = await withSystem(database.db, (tx) => sql`
    insert into bench_floor_postings (entry_id, municipality_code, kind, booked_on, period, account, participation_id, amount_cents)
    select md5(p.id::text || ${period})::uuid, p.municipality_code, 'repayment', date '2026-12-15', ${period}, a.account, p.id, a.sign * least(p.monthly_cents, p.balance_cents)
    from fund_participations p cross join (values ('cash', 1), ('receivable', -1)) as a (account, sign)
    where p.status = 'repaying' and p.first_period <= ${period} and p.last_period >= ${period} and p.balance_cents > 0 and p.monthly_cents > 0`.execute(tx));
  const ms = Number(process.hrtime.bigint() - s) / 1e6;
  return Number(r.numAffectedRows ?? 0) / 2 > 0 ? ms : Promise.reject(new Error('the floor booked nothing'));
}

async function kern(period: string): Promise<{ ms: number; booked: number; cents: number }> {
  let lastDecile = -1;
  const s = process.hrtime.bigint();
  const r = await runMonth(services, ctx, { period }, {
    onProgress: (n) => {
      const decile = Math.floor((n / RESIDENTS) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        process.stderr.write(`  run ${period}: ${n.toLocaleString('en')} booked\r`);
      }
    },
  });
  const ms = Number(process.hrtime.bigint() - s) / 1e6;
  process.stderr.write('\n');
  return { ms, booked: r.bookedCount, cents: r.bookedCents };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kernTimes: number[] = [];
const floorTimes: number[] = [];
const periods = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'].slice(0, ROUNDS);
for (const period of periods) {
  floorTimes.push(await floor(period));
  const k = await kern(period);
  kernTimes.push(k.ms);
  const floorCents = await withSystem(database.db, (tx) => sql<{ c: string }>`select sum(amount_cents) as c from bench_floor_postings where period = ${period} and account = 'cash'`.execute(tx));
  if (Number(floorCents.rows[0]?.c ?? 0) !== k.cents) throw new Error(`the floor and Kern booked different amounts for ${period}`);
  console.log(`  ${period}: kern ${k.ms.toFixed(0)} ms (${k.booked.toLocaleString('en')} repayments, ${(k.cents / 100).toLocaleString('en')} euros), floor ${floorTimes.at(-1)?.toFixed(0) ?? '?'} ms`);
  // A second run of the same month books nothing.
  const again = await runMonth(services, ctx, { period });
  if (again.bookedCount !== 0) throw new Error('a second run booked again');
}
const balanced = await runAsTenant(services, ctx, (tx) => sql<{ s: string }>`select coalesce(sum(amount_cents), 0) as s from fund_postings`.execute(tx));
if (Number(balanced.rows[0]?.s) !== 0) throw new Error('the ledger does not balance');
await database.close();
const k = median(kernTimes);
const f = median(floorTimes);
console.log(`kern monthly run (access, audit, RLS, chunks of 20,000, idempotency, balances, end of term): median ${k.toFixed(0)} ms over ${kernTimes.length} months`);
console.log(`floor, one set-based INSERT of the same repayments: median ${f.toFixed(0)} ms`);
console.log(ratioLine('fund', database.engine, `kern ${k.toFixed(0)} ms / floor ${f.toFixed(0)} ms`, k / f));
