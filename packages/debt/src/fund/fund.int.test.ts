import { AccessDenied, type Actor } from '@kern/access';
import { sql, withSystem, withTenant } from '@kern/db';
import { DomainError } from '@kern/kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDebtTestKit, type DebtTestKit } from '@kern/seed/testing';
import { openDebtFile } from '../open-debt-file';
import { registerDebt, updateDebtStatus } from '../register-debt';
import { storeFundTerms } from './fund-terms';
import { payCreditors } from './pay-creditors';
import { readFundDashboard } from './read-fund-dashboard';
import { readFundStatement } from './read-statement';
import { recordMilestoneReached } from './record-milestone';
import { runMonth } from './run-month';
import { takeOverDebts } from './take-over-debts';

const RESIDENT = '999993653';
const PARTNER = '999993872';
const OTHERS = ['999990883', '999992569', '999990275', '999991346', '999990718', '999990299'];

let kit: DebtTestKit;
let counsellor: Actor;
let admin: Actor;
beforeAll(async () => {
  kit = await startDebtTestKit('2026-03-24T09:00:00Z');
  counsellor = await kit.actor('rotterdam.schuld');
  admin = await kit.actor('rotterdam.beheer');
});
afterAll(async () => kit?.close());

const errorOf = async (p: Promise<unknown>): Promise<DomainError> => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
};
const scalar = async (q: string): Promise<number> => Number((await withSystem(kit.database.db, (tx) => sql<{ n: string | number }>`${sql.raw(q)}`.execute(tx))).rows[0]?.n ?? 0);
const postingCount = () => scalar('select count(*) as n from fund_postings');

/** A file with verified debts: housing 1,800.00, health insurance 960.00, energy 500.00, and a disputed one. */
async function fileWithVerifiedDebts(bsn: string, householdBsns: string[] = []): Promise<string> {
  const { debtFileId } = await kit.as(counsellor, 'wgs', (tx, ctx) => openDebtFile(kit.services, tx, ctx, { subjectBsn: bsn, householdBsns, requestDate: '2026-03-02', contact: 'Joost Visser' }));
  await kit.as(counsellor, 'wgs', async (tx, ctx) => {
    const claims = [
      { creditorName: 'Woonstad Rotterdam', creditorSector: 'housing', category: 'nuts', claimedCents: 184_250, verifiedCents: 180_000 },
      { creditorName: 'Zilveren Kruis', creditorSector: 'health-insurance', category: 'zorg', claimedCents: 96_000, verifiedCents: 96_000 },
      { creditorName: 'Eneco', creditorSector: 'energy', category: 'nuts', claimedCents: 50_000, verifiedCents: 50_000 },
      { creditorName: 'Belastingdienst', creditorSector: 'public', category: 'publiek', claimedCents: 45_010, verifiedCents: null },
    ] as const;
    for (const c of claims) {
      const { debtId } = await registerDebt(kit.services, tx, ctx, debtFileId, { creditorName: c.creditorName, creditorSector: c.creditorSector, category: c.category, claimedCents: c.claimedCents });
      await updateDebtStatus(kit.services, tx, ctx, debtFileId, debtId, c.verifiedCents === null ? { status: 'disputed' } : { status: 'verified', verifiedCents: c.verifiedCents });
    }
  });
  return debtFileId;
}

describe('the debt fund', () => {
  let fileId = '';

  it('takes over the verified debts at the sector percentages, due four weeks after the decision, in one balanced entry', async () => {
    fileId = await fileWithVerifiedDebts(RESIDENT, [PARTNER]);
    const r = await kit.as(counsellor, 'wgs', (tx, ctx) => takeOverDebts(kit.services, tx, ctx, fileId, { decisionOn: '2026-03-23', monthlyCents: 10_000, termMonths: 24 }));
    // Default terms: housing 70%, health insurance 65%, energy 60%: 126,000 + 62,400 + 30,000.
    expect(r).toMatchObject({ takenOverCents: 218_400, debts: 3, takeOverDue: '2026-04-20', withinTerm: true, firstPeriod: '2026-04', lastPeriod: '2028-03', termMonths: 24 });
    expect(await scalar("select count(*) as n from fund_postings where kind = 'take-over'")).toBe(4);
    expect(await scalar('select coalesce(sum(amount_cents), 0) as n from fund_postings')).toBe(0);
    const events = await withSystem(kit.database.db, (tx) => sql<{ subject_ref: string; data: Record<string, unknown> }>`select subject_ref, data from domain_events where type = 'fund.debts-taken-over'`.execute(tx));
    expect(events.rows).toEqual([{ subject_ref: r.participationId, data: expect.objectContaining({ takenOverCents: 218_400, debts: 3 }) }]);
    expect(JSON.stringify(events.rows)).not.toMatch(/9999\d{5}/);
  });

  it('refuses a second take-over of the same debts clearly and books nothing', async () => {
    const before = await postingCount();
    const e = await errorOf(kit.as(counsellor, 'wgs', (tx, ctx) => takeOverDebts(kit.services, tx, ctx, fileId, { decisionOn: '2026-03-23', monthlyCents: 10_000 })));
    expect(e.code).toBe('conflict');
    expect(e.userMessage.nl).toContain('al overgenomen');
    expect(await postingCount()).toBe(before);
    expect(await scalar('select count(*) as n from fund_participations')).toBe(1);
  });

  it('refuses negative, fractional and absurd amounts, a future decision and an unknown field, and books nothing', async () => {
    const other = await fileWithVerifiedDebts(OTHERS[0] ?? '');
    const before = await postingCount();
    const bad: Record<string, unknown>[] = [
      { decisionOn: '2026-03-23', monthlyCents: -1 },
      { decisionOn: '2026-03-23', monthlyCents: 12.5 },
      { decisionOn: '2026-03-23', monthlyCents: 1e12 },
      { decisionOn: '2026-03-23', monthlyCents: 10_000, termMonths: 181 },
      { decisionOn: '2026-03-25', monthlyCents: 10_000 },
      { decisionOn: '2026-02-30', monthlyCents: 10_000 },
      { decisionOn: '2026-03-23', monthlyCents: 10_000, rate: 100 },
    ];
    for (const input of bad) {
      const e = await errorOf(kit.as(counsellor, 'wgs', (tx, ctx) => takeOverDebts(kit.services, tx, ctx, other, input as never)));
      expect(e.code, JSON.stringify(input)).toBe('invalid-input');
    }
    expect(await postingCount()).toBe(before);
  });

  it('refuses a month in the future or malformed, and books nothing', async () => {
    for (const period of ['2026-04', '2026-13', '26-04', '2026-4', '']) {
      const e = await errorOf(runMonth(kit.services, { actor: admin, purpose: 'wgs' }, { period }));
      expect(e.code, period).toBe('invalid-input');
    }
    expect(await scalar("select count(*) as n from fund_postings where kind = 'repayment'")).toBe(0);
  });

  it('books the month once, however often it runs', async () => {
    kit.clock.set('2026-04-30T10:00:00Z');
    const first = await runMonth(kit.services, { actor: admin, purpose: 'wgs' }, { period: '2026-04' });
    expect(first).toMatchObject({ bookedCount: 1, bookedCents: 10_000, alreadyBooked: 0 });
    const again = await runMonth(kit.services, { actor: admin, purpose: 'wgs' }, { period: '2026-04' });
    expect(again).toMatchObject({ bookedCount: 0, bookedCents: 0, alreadyBooked: 1 });
    expect(await scalar("select count(*) as n from fund_postings where kind = 'repayment'")).toBe(2);
  });

  it("shows the resident's statement: take-over, repayment, balance and months left, audited for the household", async () => {
    const s = await kit.as(counsellor, 'wgs', (tx, ctx) => readFundStatement(kit.services, tx, ctx, fileId));
    expect(s.participation).toMatchObject({ takenOverCents: 218_400, repaidCents: 10_000, balanceCents: 208_400, forgivenCents: 0, status: 'repaying' });
    expect(s.lines.map((l) => [l.kind, l.amountCents, l.balanceAfterCents])).toEqual([['take-over', 218_400, 218_400], ['repayment', -10_000, 208_400]]);
    expect(s.monthsLeft).toBe(24); // April 2026 up to March 2028, this month included
    expect(s.debts.map((d) => [d.creditorName, d.settlementCents])).toEqual([['Eneco', 30_000], ['Woonstad Rotterdam', 126_000], ['Zilveren Kruis', 62_400]]);
    const audited = await withSystem(kit.database.db, (tx) => sql<{ subject_bsn: string }>`select subject_bsn from audit_log where resource = 'debt-fund' and action = 'read' and outcome = 'allowed'`.execute(tx));
    expect(audited.rows.map((r) => r.subject_bsn.trim())).toEqual(expect.arrayContaining([RESIDENT, PARTNER]));
  });

  it('forgives the share of the remaining debt on a milestone, once per goal', async () => {
    const first = await kit.as(counsellor, 'wgs', (tx, ctx) => recordMilestoneReached(kit.services, tx, ctx, { debtFileId: fileId, goalRef: 'goal-budget-course', reachedOn: '2026-04-29' }));
    expect(first).toEqual({ recorded: true, forgivenCents: 20_840, balanceCents: 187_560 });
    const twice = await kit.as(counsellor, 'wgs', (tx, ctx) => recordMilestoneReached(kit.services, tx, ctx, { debtFileId: fileId, goalRef: 'goal-budget-course', reachedOn: '2026-04-29' }));
    expect(twice).toMatchObject({ recorded: false, forgivenCents: 0 });
    expect(await scalar("select count(*) as n from fund_postings where kind = 'forgiveness'")).toBe(2);
  });

  it('keeps the ledger balanced in the database: an unbalanced entry, an update and a delete are refused', async () => {
    expect(await scalar('select coalesce(sum(amount_cents), 0) as n from fund_postings')).toBe(0);
    const unbalanced = withTenant(kit.database.db, '0599', (tx) =>
      sql`insert into fund_postings (entry_id, municipality_code, kind, booked_on, account, amount_cents) values ('00000000-0000-4000-8000-000000000001', '0599', 'payout', '2026-04-30', 'cash', 5)`.execute(tx));
    await expect(unbalanced).rejects.toThrow(/does not balance/);
    await expect(withTenant(kit.database.db, '0599', (tx) => sql`update fund_postings set amount_cents = amount_cents + 1`.execute(tx))).rejects.toThrow();
    await expect(withTenant(kit.database.db, '0599', (tx) => sql`delete from fund_postings`.execute(tx))).rejects.toThrow();
    // Every posting belongs to a participation and creditor that exist (the ledger has no foreign keys, see 0045).
    expect(await scalar('select count(*) as n from fund_postings x where x.participation_id is not null and not exists (select 1 from fund_participations p where p.id = x.participation_id)')).toBe(0);
    expect(await scalar('select count(*) as n from fund_postings x where x.creditor_id is not null and not exists (select 1 from debt_creditors c where c.id = x.creditor_id)')).toBe(0);
    // The balances kept on the participation agree with the ledger.
    expect(await scalar(`select count(*) as n from fund_participations p where balance_cents <> (select sum(amount_cents) from fund_postings x where x.participation_id = p.id and x.account = 'receivable')`)).toBe(0);
  });

  it('pays creditors pro rata from cash, summing exactly, and refuses paying more than the fund holds', async () => {
    const tooMuch = await errorOf(kit.as(admin, 'wgs', (tx, ctx) => payCreditors(kit.services, tx, ctx, { amountCents: 10_001 })));
    expect(tooMuch.code).toBe('invalid-input');
    const paid = await kit.as(admin, 'wgs', (tx, ctx) => payCreditors(kit.services, tx, ctx, { amountCents: 10_000 }));
    expect(paid).toEqual({ paidCents: 10_000, payouts: 3 });
    const perCreditor = await withSystem(kit.database.db, (tx) => sql<{ name: string; paid: string }>`
      select c.name, sum(p.amount_cents) as paid from fund_postings p join debt_creditors c on c.id = p.creditor_id where p.kind = 'payout' group by c.name order by c.name`.execute(tx));
    // 10,000 over 30,000 / 126,000 / 62,400 (218,400): 1,373.6 / 5,769.2 / 2,857.1 -> 1,374 + 5,769 + 2,857.
    expect(perCreditor.rows.map((r) => [r.name, Number(r.paid)])).toEqual([['Eneco', 1_374], ['Woonstad Rotterdam', 5_769], ['Zilveren Kruis', 2_857]]);
    expect(await scalar("select coalesce(sum(amount_cents), 0) as n from fund_postings where account = 'cash'")).toBe(0);
  });

  it('forgives the rest at the end of the term and never leaves a balance below zero', async () => {
    const short = await fileWithVerifiedDebts(OTHERS[1] ?? '');
    kit.clock.set('2026-04-30T10:00:00Z');
    await kit.as(counsellor, 'wgs', (tx, ctx) => takeOverDebts(kit.services, tx, ctx, short, { decisionOn: '2026-04-29', monthlyCents: 50_000, termMonths: 2 }));
    kit.clock.set('2026-06-30T10:00:00Z');
    await runMonth(kit.services, { actor: admin, purpose: 'wgs' }, { period: '2026-05' });
    const end = await runMonth(kit.services, { actor: admin, purpose: 'wgs' }, { period: '2026-06' });
    expect(end.forgivenCount).toBe(1);
    const s = await kit.as(counsellor, 'wgs', (tx, ctx) => readFundStatement(kit.services, tx, ctx, short));
    expect(s.participation).toMatchObject({ status: 'completed', balanceCents: 0, repaidCents: 100_000, forgivenCents: 118_400 });
    expect(s.monthsLeft).toBe(0);
    expect(s.lines.every((l) => l.balanceAfterCents >= 0)).toBe(true);
    expect(await scalar('select count(*) as n from fund_participations where balance_cents < 0')).toBe(0);
  });
});

describe('monthly runs (property): the same month twice books once, also after a crash', () => {
  it('books each resident at most once per month whatever sequence of runs, reruns and crashes', async () => {
    const files: string[] = [];
    kit.clock.set('2026-06-30T10:00:00Z');
    for (const bsn of OTHERS.slice(2)) {
      const f = await fileWithVerifiedDebts(bsn);
      await kit.as(counsellor, 'wgs', (tx, ctx) => takeOverDebts(kit.services, tx, ctx, f, { decisionOn: '2026-06-29', monthlyCents: 7_000 }));
      files.push(f);
    }
    kit.clock.set('2026-12-31T10:00:00Z');
    const months = ['2026-07', '2026-08', '2026-09', '2026-10'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ period: fc.constantFrom(...months), crashAfter: fc.option(fc.integer({ min: 1, max: 3 })) }), { minLength: 1, maxLength: 6 }), async (runs) => {
        for (const r of runs) {
          let chunks = 0;
          await runMonth(kit.services, { actor: admin, purpose: 'wgs' }, { period: r.period }, {
            chunk: 1,
            onProgress: () => {
              chunks += 1;
              if (r.crashAfter !== null && chunks === r.crashAfter) throw new Error('crash');
            },
          }).catch((e: unknown) => {
            if (!(e instanceof Error) || e.message !== 'crash') throw e;
          });
        }
        const doubles = await scalar(`select count(*) as n from (select participation_id, period from fund_postings where kind = 'repayment' and account = 'receivable' group by 1, 2 having count(*) > 1) x`);
        expect(doubles).toBe(0);
        expect(await scalar('select coalesce(sum(amount_cents), 0) as n from fund_postings')).toBe(0);
      }),
      { numRuns: 8 },
    );
    // Running every month once more completes them: one repayment per resident per month.
    for (const period of months) await runMonth(kit.services, { actor: admin, purpose: 'wgs' }, { period });
    const perMonth = await withSystem(kit.database.db, (tx) => sql<{ period: string; n: number }>`
      select period, count(*)::int as n from fund_postings p join fund_participations f on f.id = p.participation_id
      where p.kind = 'repayment' and p.account = 'receivable' and f.cohort = '2026-06' group by period order by period`.execute(tx));
    expect(perMonth.rows).toEqual(months.map((period) => ({ period, n: files.length })));
  });
});

describe('who sees the fund', () => {
  it("refuses another team's counsellor, a counsellor without the Wgs purpose and other roles the statement", async () => {
    const other = await kit.newStaff('0599', 'rotterdam.schuld2', ['debt-counsellor']);
    const fileId = (await withSystem(kit.database.db, (tx) => sql<{ id: string }>`select debt_file_id as id from fund_participations order by taken_over_on limit 1`.execute(tx))).rows[0]?.id ?? '';
    await expect(kit.as(other, 'wgs', (tx, ctx) => readFundStatement(kit.services, tx, ctx, fileId))).rejects.toBeInstanceOf(AccessDenied);
    expect((await errorOf(kit.as(counsellor, 'wmo', (tx, ctx) => readFundStatement(kit.services, tx, ctx, fileId)))).code).toBe('forbidden');
    for (const username of ['rotterdam.kwaliteit', 'rotterdam.generalist', 'rotterdam.beheer', 'rotterdam.auditor']) {
      const e = await errorOf(kit.as(await kit.actor(username), 'wgs', (tx, ctx) => readFundStatement(kit.services, tx, ctx, fileId)));
      expect(e.code, username).toBe('forbidden');
    }
    await expect(kit.as(other, 'wgs', (tx, ctx) => recordMilestoneReached(kit.services, tx, ctx, { debtFileId: fileId, goalRef: 'x', reachedOn: '2026-06-01' }))).rejects.toBeInstanceOf(AccessDenied);
    await expect(kit.as(counsellor, 'wgs', (tx, ctx) => takeOverDebts(kit.services, tx, ctx, fileId, { decisionOn: '2026-06-01', monthlyCents: 1 }).then(() => 'booked'))).rejects.toBeInstanceOf(DomainError);
  });

  it("hides another municipality's fund entirely: its file is not found and its dashboard is empty", async () => {
    const fileId = (await withSystem(kit.database.db, (tx) => sql<{ id: string }>`select debt_file_id as id from fund_participations limit 1`.execute(tx))).rows[0]?.id ?? '';
    const denHaag = await kit.actor('denhaag.schuld');
    expect((await errorOf(kit.as(denHaag, 'wgs', (tx, ctx) => readFundStatement(kit.services, tx, ctx, fileId)))).code).toBe('not-found');
    const dash = await kit.as(denHaag, 'wgs', (tx, ctx) => readFundDashboard(kit.services, tx, ctx));
    expect(dash.totals.residents).toBe(0);
    expect(dash.cohorts).toEqual([]);
    // A role without personal data sees a count under 5 as "< 5"; the counsellor above sees it exact.
    const analyst = await kit.as(await kit.actor('denhaag.kwaliteit'), undefined, (tx, ctx) => readFundDashboard(kit.services, tx, ctx));
    expect(analyst.totals.residents).toBe('< 5');
    const run = await runMonth(kit.services, { actor: await kit.actor('denhaag.beheer'), purpose: 'wgs' }, { period: '2026-07' });
    expect(run.bookedCount).toBe(0);
  });

  it('shows the quality analyst aggregates only, with small cohorts suppressed, and refuses roles without a reason to see them', async () => {
    const dash = await kit.as(await kit.actor('rotterdam.kwaliteit'), undefined, (tx, ctx) => readFundDashboard(kit.services, tx, ctx));
    expect(dash.totals.residents).toBe(6);
    expect(dash.totals.exposureCents + dash.totals.repaidCents + dash.totals.forgivenCents).toBe(dash.totals.takenOverCents);
    expect(dash.cohorts.find((c) => c.cohort === '2026-03')).toMatchObject({ suppressed: true, residents: null, exposureCents: null });
    // No cohort can be recovered by subtracting the others from the totals: never exactly one hidden.
    expect(dash.cohorts.filter((c) => c.suppressed).length).not.toBe(1);
    expect(JSON.stringify(dash)).not.toMatch(/9999\d{5}|[0-9a-f]{8}-[0-9a-f]{4}-/);
    for (const username of ['rotterdam.generalist', 'rotterdam.wmo', 'rotterdam.auditor']) {
      expect((await errorOf(kit.as(await kit.actor(username), 'wgs', (tx, ctx) => readFundDashboard(kit.services, tx, ctx)))).code, username).toBe('forbidden');
    }
    expect((await errorOf(runMonth(kit.services, { actor: counsellor, purpose: 'wgs' }, { period: '2026-07' }))).code).toBe('forbidden');
  });

  it('stores fund terms as validated data: bad percentages are refused, a new version applies from its date', async () => {
    const bad = await errorOf(kit.as(admin, undefined, (tx, ctx) => storeFundTerms(kit.services, tx, ctx, { validFrom: '2027-01-01', sectorRates: { housing: 12_000 }, maxTermMonths: 240, forgiveness: {} })));
    expect(bad.code).toBe('invalid-input');
    expect(bad.invalidParams.map((p) => p.name)).toEqual(expect.arrayContaining(['maxTermMonths']));
    const stored = await kit.as(admin, undefined, (tx, ctx) => storeFundTerms(kit.services, tx, ctx, {
      validFrom: '2027-01-01', sectorRates: { housing: 8_000, energy: 8_000, water: 8_000, 'health-insurance': 8_000, public: 8_000, other: 8_000 }, maxTermMonths: 120,
      forgiveness: { milestoneShareBasisPoints: 500, maxMilestones: 3, forgiveRestAtEndOfTerm: true },
    }));
    expect(stored.version).toBe(1);
    expect((await errorOf(kit.as(counsellor, undefined, (tx, ctx) => storeFundTerms(kit.services, tx, ctx, stored.terms)))).code).toBe('forbidden');
  });
});
