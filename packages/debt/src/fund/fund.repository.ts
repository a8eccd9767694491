import { sql, type TableRow, type Tx } from '@kern/db';
import type { Participation } from '../contract/fund.schema';
import type { Posting } from './ledger';

// SQL only: the debt fund's tables (migration 0045). No rules here.

const day = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export async function findFundTermsRow(tx: Tx, validOn: string): Promise<{ version: number; document: unknown } | undefined> {
  return tx
    .selectFrom('fund_terms')
    .select(['version', 'document'])
    .where('valid_from', '<=', validOn)
    .orderBy('valid_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listFundTermsRows(tx: Tx): Promise<{ version: number; document: unknown; createdAt: string }[]> {
  const rows = await tx.selectFrom('fund_terms').select(['version', 'document', 'created_at']).orderBy('version').execute();
  return rows.map((x) => ({ version: x.version, document: x.document, createdAt: new Date(x.created_at).toISOString() }));
}

export async function insertFundTerms(tx: Tx, t: { municipalityCode: string; validFrom: string; document: unknown; at: Date; by: string }): Promise<number> {
  const r = await sql<{ version: number }>`
    insert into fund_terms (municipality_code, version, valid_from, document, created_at, created_by)
    select ${t.municipalityCode}, coalesce(max(version), 0) + 1, ${t.validFrom}::date, ${JSON.stringify(t.document)}::jsonb, ${t.at.toISOString()}, ${t.by}
    from fund_terms returning version`.execute(tx);
  return r.rows[0]?.version ?? 0;
}

type ParticipationDbRow = TableRow<
  'fund_participations',
  | 'id' | 'debt_file_id' | 'cohort' | 'decision_on' | 'take_over_due' | 'taken_over_on' | 'monthly_cents' | 'term_months' | 'first_period' | 'last_period'
  | 'taken_over_cents' | 'balance_cents' | 'repaid_cents' | 'forgiven_cents' | 'terms_version'
> & { status: Participation['status'] };
const toParticipation = (p: ParticipationDbRow): Participation & { termsVersion: number } => ({
  id: p.id, debtFileId: p.debt_file_id, cohort: p.cohort, decisionOn: day(p.decision_on), takeOverDue: day(p.take_over_due), takenOverOn: day(p.taken_over_on),
  monthlyCents: Number(p.monthly_cents), termMonths: p.term_months, firstPeriod: p.first_period, lastPeriod: p.last_period, takenOverCents: Number(p.taken_over_cents),
  balanceCents: Number(p.balance_cents), repaidCents: Number(p.repaid_cents), forgivenCents: Number(p.forgiven_cents), status: p.status, termsVersion: p.terms_version,
});

export async function findParticipationOfFile(tx: Tx, debtFileId: string, lock = false): Promise<(Participation & { termsVersion: number }) | undefined> {
  const p = await tx
    .selectFrom('fund_participations')
    .selectAll()
    .where('debt_file_id', '=', debtFileId)
    .$if(lock, (qb) => qb.forUpdate())
    .$narrowType<{ status: Participation['status'] }>()
    .executeTakeFirst();
  return p ? toParticipation(p) : undefined;
}

export async function findTakenOverDebtIds(tx: Tx, debtIds: readonly string[]): Promise<string[]> {
  if (debtIds.length === 0) return [];
  const r = await sql<TableRow<'fund_debts', 'debt_id'>>`select debt_id from fund_debts where debt_id = any(${[...debtIds]}::uuid[])`.execute(tx);
  return r.rows.map((x) => x.debt_id);
}

export interface NewParticipation {
  id: string; municipalityCode: string; debtFileId: string; teamId: string; termsVersion: number; decisionOn: string; takeOverDue: string; takenOverOn: string;
  cohort: string; monthlyCents: number; termMonths: number; firstPeriod: string; lastPeriod: string; takenOverCents: number;
}
export async function insertParticipation(tx: Tx, p: NewParticipation): Promise<void> {
  await tx
    .insertInto('fund_participations')
    .values({
      id: p.id, municipality_code: p.municipalityCode, debt_file_id: p.debtFileId, team_id: p.teamId, terms_version: p.termsVersion, decision_on: p.decisionOn,
      take_over_due: p.takeOverDue, taken_over_on: p.takenOverOn, cohort: p.cohort, monthly_cents: p.monthlyCents, term_months: p.termMonths,
      first_period: p.firstPeriod, last_period: p.lastPeriod, taken_over_cents: p.takenOverCents, balance_cents: p.takenOverCents, status: 'repaying',
    })
    .execute();
}

export async function insertFundDebts(
  tx: Tx,
  rows: readonly { id: string; municipalityCode: string; participationId: string; debtId: string; creditorId: string; sector: string; claimCents: number; rateBasisPoints: number; settlementCents: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('fund_debts')
    .values(
      rows.map((r) => ({
        id: r.id, municipality_code: r.municipalityCode, participation_id: r.participationId, debt_id: r.debtId, creditor_id: r.creditorId,
        sector: r.sector, claim_cents: r.claimCents, rate_basis_points: r.rateBasisPoints, settlement_cents: r.settlementCents,
      })),
    )
    .execute();
}

/**
 * One entry: all its postings in one statement (arrays, so any number of postings is one
 * statement with five parameters), so the balance trigger sees the whole entry at once.
 */
export async function insertEntry(
  tx: Tx,
  e: { entryId: string; municipalityCode: string; kind: 'take-over' | 'repayment' | 'forgiveness' | 'payout'; bookedOn: string; period?: string | null },
  postings: readonly Posting[],
): Promise<void> {
  if (postings.length === 0) return;
  await sql`insert into fund_postings (entry_id, municipality_code, kind, booked_on, period, account, participation_id, creditor_id, amount_cents)
    select ${e.entryId}::uuid, ${e.municipalityCode}, ${e.kind}, ${e.bookedOn}::date, ${e.period ?? null}, x.account, x.participation_id, x.creditor_id, x.amount_cents
    from unnest(${postings.map((p) => p.account)}::text[], ${postings.map((p) => p.participationId ?? null)}::uuid[], ${postings.map((p) => p.creditorId ?? null)}::uuid[],
      ${postings.map((p) => String(p.amountCents))}::bigint[]) as x (account, participation_id, creditor_id, amount_cents)`.execute(tx);
}

export async function addForgiven(tx: Tx, participationId: string, cents: number, complete: boolean): Promise<void> {
  await sql`update fund_participations set balance_cents = balance_cents - ${cents}, forgiven_cents = forgiven_cents + ${cents}
      ${complete ? sql`, status = 'completed'` : sql``}
    where id = ${participationId}::uuid`.execute(tx);
}

export async function insertMilestone(tx: Tx, m: { municipalityCode: string; participationId: string; goalRef: string; reachedOn: string; forgivenCents: number }): Promise<boolean> {
  const r = await tx
    .insertInto('fund_milestones')
    .values({ municipality_code: m.municipalityCode, participation_id: m.participationId, goal_ref: m.goalRef, reached_on: m.reachedOn, forgiven_cents: m.forgivenCents })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function countMilestones(tx: Tx, participationId: string): Promise<number> {
  const row = await tx
    .selectFrom('fund_milestones')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('participation_id', '=', participationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findMilestones(tx: Tx, participationId: string): Promise<{ goalRef: string; reachedOn: string; forgivenCents: number }[]> {
  const rows = await tx
    .selectFrom('fund_milestones')
    .select(['goal_ref', 'reached_on', 'forgiven_cents'])
    .where('participation_id', '=', participationId)
    .orderBy('reached_on')
    .orderBy('goal_ref')
    .execute();
  return rows.map((m) => ({ goalRef: m.goal_ref, reachedOn: day(m.reached_on), forgivenCents: Number(m.forgiven_cents) }));
}

export async function findFundDebts(tx: Tx, participationId: string): Promise<{ creditorName: string; sector: string; claimCents: number; rateBasisPoints: number; settlementCents: number }[]> {
  const r = await sql<TableRow<'debt_creditors', 'name'> & TableRow<'fund_debts', 'sector' | 'claim_cents' | 'rate_basis_points' | 'settlement_cents'>>`
    select c.name, f.sector, f.claim_cents, f.rate_basis_points, f.settlement_cents
    from fund_debts f join debt_creditors c on c.id = f.creditor_id where f.participation_id = ${participationId}::uuid order by c.name, f.id`.execute(tx);
  return r.rows.map((d) => ({ creditorName: d.name, sector: d.sector, claimCents: Number(d.claim_cents), rateBasisPoints: d.rate_basis_points, settlementCents: Number(d.settlement_cents) }));
}

/** The resident's side of the ledger: every posting on their receivable, oldest first. */
export async function findReceivablePostings(tx: Tx, participationId: string): Promise<{ bookedOn: string; period: string | null; kind: 'take-over' | 'repayment' | 'forgiveness'; amountCents: number }[]> {
  const r = await sql<TableRow<'fund_postings', 'booked_on' | 'period' | 'amount_cents'> & { kind: 'take-over' | 'repayment' | 'forgiveness' }>`
    select booked_on, period, kind, amount_cents from fund_postings
    where participation_id = ${participationId}::uuid and account = 'receivable'
    order by booked_on, case kind when 'take-over' then 0 when 'repayment' then 1 else 2 end, period`.execute(tx);
  return r.rows.map((p) => ({ bookedOn: day(p.booked_on), period: p.period, kind: p.kind, amountCents: Number(p.amount_cents) }));
}

/**
 * Books one chunk of a month's repayments in one statement: every repaying resident with an id in
 * [fromId, toId) whose term covers the month and who has no repayment for it yet. The unique
 * index on (participation, period) makes a second booking of the same month impossible, even by
 * a concurrent run; the anti-join makes a rerun or a resumed run skip what is booked. Chunks are
 * id ranges (ids are random, so ranges are even), which needs no sort and no limit.
 */
export async function bookRepaymentChunk(
  tx: Tx,
  r: { municipalityCode: string; period: string; bookedOn: string; fromId: string; toId: string | null },
): Promise<{ count: number; cents: number }> {
  const res = await sql<{ n: number; cents: string | number }>`
    with due as (
      select p.id, least(p.monthly_cents, p.balance_cents) as amount
      from fund_participations p
      where p.status = 'repaying' and p.id >= ${r.fromId}::uuid ${r.toId ? sql`and p.id < ${r.toId}::uuid` : sql``}
        and p.first_period <= ${r.period} and p.last_period >= ${r.period}
        and p.balance_cents > 0 and p.monthly_cents > 0
        and not exists (select 1 from fund_postings x where x.participation_id = p.id and x.period = ${r.period} and x.kind = 'repayment' and x.account = 'receivable')
    ), moved as (
      update fund_participations p set balance_cents = p.balance_cents - d.amount, repaid_cents = p.repaid_cents + d.amount
      from due d where p.id = d.id
      returning p.id
    ), posted as (
      insert into fund_postings (entry_id, municipality_code, kind, booked_on, period, account, participation_id, amount_cents)
      select md5(d.id::text || ${r.period})::uuid, ${r.municipalityCode}, 'repayment', ${r.bookedOn}::date, ${r.period}, a.account, d.id, a.sign * d.amount
      from due d cross join (values ('cash', 1), ('receivable', -1)) as a (account, sign)
      returning 1
    )
    select (select count(*)::int from moved) as n, (select coalesce(sum(amount), 0)::bigint from due) as cents, (select count(*) from posted) as posted`.execute(tx);
  const row = res.rows[0];
  return { count: row?.n ?? 0, cents: Number(row?.cents ?? 0) };
}

/** How many residents are repaying in a month: sizes the chunks and the progress bar (a count only). */
export async function countRepaying(tx: Tx, period: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from fund_participations
    where status = 'repaying' and first_period <= ${period} and last_period >= ${period}`.execute(tx);
  return r.rows[0]?.n ?? 0;
}

/**
 * The end of the term: whoever's last month has been booked is done; what is left is forgiven
 * when the terms they joined under say so. One statement for the whole municipality.
 */
export async function closeEndedTerms(tx: Tx, r: { municipalityCode: string; period: string; bookedOn: string }): Promise<{ count: number; cents: number; completed: number }> {
  const res = await sql<{ n: number; cents: string | number; completed: number }>`
    with ended as (
      select p.id, p.balance_cents as rest,
        coalesce((t.document -> 'forgiveness' ->> 'forgiveRestAtEndOfTerm')::boolean, true) as forgive
      from fund_participations p
      left join fund_terms t on t.municipality_code = p.municipality_code and t.version = p.terms_version
      where p.status = 'repaying' and (p.last_period <= ${r.period} or p.balance_cents = 0)
    ), closed as (
      update fund_participations p
      set status = case when e.forgive or e.rest = 0 then 'completed' else p.status end,
        balance_cents = case when e.forgive then 0 else p.balance_cents end,
        forgiven_cents = p.forgiven_cents + case when e.forgive then e.rest else 0 end
      from ended e where p.id = e.id
      returning p.id
    ), posted as (
      insert into fund_postings (entry_id, municipality_code, kind, booked_on, period, account, participation_id, amount_cents)
      select md5(e.id::text || 'end-of-term')::uuid, ${r.municipalityCode}, 'forgiveness', ${r.bookedOn}::date, ${r.period}, a.account, e.id, a.sign * e.rest
      from ended e cross join (values ('forgiveness', 1), ('receivable', -1)) as a (account, sign)
      where e.forgive and e.rest > 0
      returning 1
    )
    select (select count(*)::int from ended where forgive and rest > 0) as n,
      (select coalesce(sum(rest), 0)::bigint from ended where forgive) as cents,
      (select count(*)::int from closed) as completed, (select count(*) from posted) as posted`.execute(tx);
  const row = res.rows[0];
  return { count: row?.n ?? 0, cents: Number(row?.cents ?? 0), completed: row?.completed ?? 0 };
}

export async function startMonthRun(tx: Tx, municipalityCode: string, period: string, at: Date): Promise<void> {
  await tx
    .insertInto('fund_month_runs')
    .values({ municipality_code: municipalityCode, period, started_at: at.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function addToMonthRun(tx: Tx, period: string, add: { booked: number; bookedCents: number; forgiven: number; forgivenCents: number; completedAt?: Date }): Promise<void> {
  await sql`update fund_month_runs set booked_count = booked_count + ${add.booked}, booked_cents = booked_cents + ${add.bookedCents},
      forgiven_count = forgiven_count + ${add.forgiven}, forgiven_cents = forgiven_cents + ${add.forgivenCents}
      ${add.completedAt ? sql`, completed_at = ${add.completedAt.toISOString()}` : sql``}
    where period = ${period}`.execute(tx);
}

export async function countBookedRepayments(tx: Tx, period: string): Promise<number> {
  const row = await tx
    .selectFrom('fund_postings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('period', '=', period)
    .where('kind', '=', 'repayment')
    .where('account', '=', 'receivable')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Open payables per resident and creditor (what the fund still owes), and the fund's cash. */
export async function findOpenPayables(tx: Tx): Promise<{ participationId: string; creditorId: string; openCents: number }[]> {
  const r = await sql<{ participation_id: string; creditor_id: string; open: string | number }>`
    select participation_id, creditor_id, -sum(amount_cents) as open from fund_postings
    where account = 'payable' group by participation_id, creditor_id having sum(amount_cents) < 0 order by participation_id, creditor_id`.execute(tx);
  return r.rows.map((x) => ({ participationId: x.participation_id, creditorId: x.creditor_id, openCents: Number(x.open) }));
}

export async function accountBalances(tx: Tx): Promise<Record<'cash' | 'receivable' | 'payable' | 'forgiveness', number> & { total: number }> {
  const r = await sql<{ account: string; total: string | number }>`select account, sum(amount_cents) as total from fund_postings group by account`.execute(tx);
  const out = { cash: 0, receivable: 0, payable: 0, forgiveness: 0, total: 0 };
  for (const x of r.rows) {
    if (x.account === 'cash' || x.account === 'receivable' || x.account === 'payable' || x.account === 'forgiveness') out[x.account] = Number(x.total);
    out.total += Number(x.total);
  }
  return out;
}

export async function cohortFigures(tx: Tx): Promise<{ cohort: string; residents: number; takenOverCents: number; exposureCents: number; repaidCents: number; forgivenCents: number }[]> {
  const r = await sql<{ cohort: string; residents: number; taken: string | number; exposure: string | number; repaid: string | number; forgiven: string | number }>`
    select cohort, count(*)::int as residents, sum(taken_over_cents) as taken, sum(balance_cents) as exposure, sum(repaid_cents) as repaid, sum(forgiven_cents) as forgiven
    from fund_participations group by cohort order by cohort`.execute(tx);
  return r.rows.map((c) => ({ cohort: c.cohort, residents: c.residents, takenOverCents: Number(c.taken), exposureCents: Number(c.exposure), repaidCents: Number(c.repaid), forgivenCents: Number(c.forgiven) }));
}
