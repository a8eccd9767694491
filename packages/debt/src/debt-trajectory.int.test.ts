import { sql, withSystem } from '@kern/db';
import { DomainError } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAccess, recordFirstConversation, startMoratorium } from './debt-process';
import { startDebtTestKit, type DebtTestKit } from '@kern/seed/testing';
import { debtHouseholdSection } from './household-section';
import { offerLetterPdf } from './offer-letter';
import { residentOverviewLines, residentOverviewPdf } from './resident-overview';
import { openDebtFile } from './open-debt-file';
import { listTeamDebtFiles, readDebtFile } from './read-debt-file';
import { registerDebt, updateDebtStatus } from './register-debt';
import { proposeSolution, recordOfferResponse } from './solutions';
import { calculateVtlb, listNormTables, storeNormTable } from './vtlb-use-cases';
import { shippedNormTables } from './vtlb-norms';

const RESIDENT = '999995078';
const PARTNER = '999991930';

let kit: DebtTestKit;
beforeAll(async () => {
  kit = await startDebtTestKit('2026-05-04T09:00:00Z');
});
afterAll(async () => kit?.close());

const refusal = (p: Promise<unknown>): Promise<DomainError> =>
  p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => { if (e instanceof DomainError) return e; throw e; });

describe('a debt-help trajectory on the Wgs terms', () => {
  let fileId = '';

  it('runs request -> first conversation -> beschikking -> moratorium -> VTLB -> mediation -> agreement', async () => {
    const c = await kit.actor('rotterdam.schuld');
    const opened = await kit.as(c, 'wgs', (tx, ctx) => openDebtFile(kit.services, tx, ctx, { subjectBsn: RESIDENT, householdBsns: [PARTNER], requestDate: '2026-04-01', contact: 'Joost Visser, 010-1234567' }));
    fileId = opened.debtFileId;
    // 1 April + 4 weeks = 29 April 2026.
    expect(opened.firstConversationDue).toBe('2026-04-29');
    const conv = await kit.as(c, 'wgs', (tx, ctx) => recordFirstConversation(kit.services, tx, ctx, fileId, { heldOn: '2026-04-28', municipalTermWeeks: 6 }));
    // 28 April + 6 weeks = 9 June 2026.
    expect(conv).toEqual({ decisionDue: '2026-06-09', withinTerm: true });
    const again = await refusal(kit.as(c, 'wgs', (tx, ctx) => recordFirstConversation(kit.services, tx, ctx, fileId, { heldOn: '2026-04-29' })));
    expect(again.code).toBe('conflict');
    await kit.as(c, 'wgs', async (tx, ctx) => {
      const ids = [
        (await registerDebt(kit.services, tx, ctx, fileId, { creditorName: 'Woonstad Rotterdam', creditorSector: 'housing', category: 'nuts', claimedCents: 180_000 })).debtId,
        (await registerDebt(kit.services, tx, ctx, fileId, { creditorName: 'CZ', creditorSector: 'health-insurance', category: 'zorg', claimedCents: 96_000 })).debtId,
        (await registerDebt(kit.services, tx, ctx, fileId, { creditorName: 'CJIB', creditorSector: 'public', category: 'publiek', claimedCents: 24_001 })).debtId,
        (await registerDebt(kit.services, tx, ctx, fileId, { creditorName: 'Wehkamp', creditorSector: 'other', category: 'overig', claimedCents: 50_000 })).debtId,
      ];
      await updateDebtStatus(kit.services, tx, ctx, fileId, ids[0] ?? '', { status: 'verified', verifiedCents: 180_000 });
      await updateDebtStatus(kit.services, tx, ctx, fileId, ids[1] ?? '', { status: 'verified', verifiedCents: 96_000 });
      await updateDebtStatus(kit.services, tx, ctx, fileId, ids[2] ?? '', { status: 'verified', verifiedCents: 24_001 });
      await updateDebtStatus(kit.services, tx, ctx, fileId, ids[3] ?? '', { status: 'disputed' });
    });
    const early = await refusal(kit.as(c, 'wgs', (tx, ctx) => proposeSolution(kit.services, tx, ctx, fileId, { kind: 'debt-mediation' })));
    expect(early.code).toBe('conflict');
    const decided = await kit.as(c, 'wgs', (tx, ctx) => decideAccess(kit.services, tx, ctx, fileId, { decision: 'plan', decidedOn: '2026-05-04' }));
    expect(decided).toMatchObject({ status: 'plan', withinTerm: true });
    const tooLong = await refusal(kit.as(c, 'wgs', (tx, ctx) => startMoratorium(kit.services, tx, ctx, fileId, { from: '2026-05-04', until: '2026-11-05' })));
    expect(tooLong.userMessage.nl).toContain('2026-11-04');
    await kit.as(c, 'wgs', (tx, ctx) => startMoratorium(kit.services, tx, ctx, fileId, { from: '2026-05-04', until: '2026-11-04' }));
    const noVtlb = await refusal(kit.as(c, 'wgs', (tx, ctx) => proposeSolution(kit.services, tx, ctx, fileId, { kind: 'debt-mediation' })));
    expect(noVtlb.userMessage.en).toMatch(/VTLB/);
    const vtlb = await kit.as(c, 'wgs', (tx, ctx) => calculateVtlb(kit.services, tx, ctx, fileId, { situation: 'couple', costSharers: 2, netIncomeCents: 215_167, housingCostsCents: 100_000, healthPremiumCents: 32_000, zorgtoeslagCents: 20_000 }));
    expect(vtlb.result).toMatchObject({ vtlbCents: 210_167, capacityCents: 5_000 });
    const proposed = await kit.as(c, 'wgs', (tx, ctx) => proposeSolution(kit.services, tx, ctx, fileId, { kind: 'debt-mediation' }));
    expect(proposed.solution).toMatchObject({ kind: 'debt-mediation', status: 'proposed', availableCents: 90_000, totalClaimsCents: 300_001, termMonths: 18 });
    expect(proposed.offers.map((o) => [o.creditorName, o.offeredCents])).toEqual([['CJIB', 7_200], ['CZ', 28_800], ['Woonstad Rotterdam', 54_000]]);
    const woonstad = proposed.offers.find((o) => o.creditorName === 'Woonstad Rotterdam');
    const letter = await kit.as(c, 'wgs', (tx, ctx) => offerLetterPdf(kit.services, tx, ctx, fileId, woonstad?.creditorId ?? ''));
    expect(Buffer.from(letter.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const overview = await kit.as(c, 'wgs', (tx, ctx) => residentOverviewPdf(kit.services, tx, ctx, fileId));
    expect(Buffer.from(overview.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    for (const o of proposed.offers) await kit.as(c, 'wgs', (tx, ctx) => recordOfferResponse(kit.services, tx, ctx, fileId, o.id, { response: 'accepted' }));
    const view = await kit.as(c, 'wgs', (tx, ctx) => readDebtFile(kit.services, tx, ctx, fileId));
    expect(view.file.status).toBe('solution');
    expect(view.solution?.solution.status).toBe('agreed');
    expect(view.terms.map((t) => [t.term, t.status])).toEqual([['first-conversation', 'met'], ['decision', 'met'], ['moratorium', 'open']]);
    const text = residentOverviewLines(view, 'Test', '2026-05-04').join('\n');
    expect(text).toContain('- Woonstad Rotterdam: € 540,00 aangeboden, akkoord');
    expect(text).toContain('Aflossingscapaciteit: € 50,00');
    expect(view.creditors.find((x) => x.creditorName === 'Wehkamp')).toMatchObject({ offeredCents: 0, offerStatus: null, verifiedCents: 0 });
    const events = await withSystem(kit.database.db, (tx) => sql<{ type: string }>`select type from domain_events where subject_ref = ${fileId} order by id`.execute(tx));
    expect(events.rows.map((e) => e.type)).toEqual(['debt.file-opened', 'debt.first-conversation-held', 'debt.access-decided', 'debt.moratorium-started', 'debt.solution-proposed', 'debt.solution-agreed']);
    const teamFiles = await kit.as(c, 'wgs', (tx, ctx) => listTeamDebtFiles(kit.services, tx, ctx));
    expect(teamFiles.files.map((f) => f.id)).toContain(fileId);
  });

  it('gives the integral view a signal text, or the full content when its policy grants it', async () => {
    const section = await withSystem(kit.database.db, (tx) => debtHouseholdSection(tx, [PARTNER, '999990883'], 'signal'));
    expect(section.signals).toEqual([{ debtFileId: fileId, memberBsn: RESIDENT, text: { nl: 'Er loopt een schuldhulptraject bij team Schuldhulp; contact: Joost Visser, 010-1234567.', en: 'A debt-help trajectory is running at team Schuldhulp; contact: Joost Visser, 010-1234567.' } }]);
    expect(section.full).toBeUndefined();
    const full = await withSystem(kit.database.db, (tx) => debtHouseholdSection(tx, [RESIDENT], 'full'));
    expect(full.full?.[0]).toMatchObject({ reference: expect.stringMatching(/^S-2026-\d{6}$/) as string, totals: { count: 4, verifiedCents: 300_001 }, solution: { kind: 'debt-mediation', status: 'agreed' } });
    const none = await withSystem(kit.database.db, (tx) => debtHouseholdSection(tx, ['999990883'], 'full'));
    expect(none).toEqual({ law: 'wgs', signals: [], full: [] });
  });

  it('refuses a refusal without a known ground, and a beschikking before the first conversation', async () => {
    const c = await kit.actor('rotterdam.schuld');
    const other = await kit.as(c, 'wgs', (tx, ctx) => openDebtFile(kit.services, tx, ctx, { subjectBsn: '999991292', requestDate: '2026-05-01', urgencyGround: 'cut-off-water', contact: 'Joost' }));
    // Friday 1 May: Monday 4 (1), Liberation Day skipped, Wednesday 6 (2), Thursday 7 (3).
    expect(other.firstConversationDue).toBe('2026-05-07');
    expect((await refusal(kit.as(c, 'wgs', (tx, ctx) => decideAccess(kit.services, tx, ctx, other.debtFileId, { decision: 'plan', decidedOn: '2026-05-04' })))).code).toBe('conflict');
    await kit.as(c, 'wgs', (tx, ctx) => recordFirstConversation(kit.services, tx, ctx, other.debtFileId, { heldOn: '2026-05-04' }));
    expect((await refusal(kit.as(c, 'wgs', (tx, ctx) => decideAccess(kit.services, tx, ctx, other.debtFileId, { decision: 'refused', decidedOn: '2026-05-04', ground: 'no-reason' as 'fraud-recent' })))).code).toBe('invalid-input');
    const refused = await kit.as(c, 'wgs', (tx, ctx) => decideAccess(kit.services, tx, ctx, other.debtFileId, { decision: 'refused', decidedOn: '2026-05-04', ground: 'no-problematic-debts' }));
    expect(refused).toMatchObject({ status: 'refused', ground: { en: 'No (threatening) problematic debts' } });
  });

  it('lets only the functional administrator store norm tables, validated and never overlapping', async () => {
    const admin = await kit.actor('rotterdam.beheer');
    const c = await kit.actor('rotterdam.schuld');
    const next = { ...shippedNormTables[0], validFrom: '2027-01-01', validUntil: '2027-06-30', singleNormCents: 112_000, coupleNormCents: 160_000 };
    expect((await refusal(kit.as(c, 'wgs', (tx, ctx) => storeNormTable(kit.services, tx, ctx, next)))).code).toBe('forbidden');
    await kit.as(admin, undefined, (tx, ctx) => storeNormTable(kit.services, tx, ctx, next));
    expect((await refusal(kit.as(admin, undefined, (tx, ctx) => storeNormTable(kit.services, tx, ctx, next)))).code).toBe('conflict');
    expect((await refusal(kit.as(admin, undefined, (tx, ctx) => storeNormTable(kit.services, tx, ctx, { ...next, validFrom: '2027-07-01', validUntil: '2027-12-31', coupleNormCents: -3 })))).code).toBe('invalid-input');
    const tables = await kit.as(c, 'wgs', (tx, ctx) => listNormTables(kit.services, tx, ctx));
    expect(tables.own.map((t) => t.validFrom)).toEqual(['2027-01-01']);
    const denhaag = await kit.actor('denhaag.beheer');
    expect((await kit.as(denhaag, undefined, (tx, ctx) => listNormTables(kit.services, tx, ctx))).own).toEqual([]);
  });

  it('shows the solution, letters and file to nobody outside the team, the purpose or the municipality', async () => {
    const strangers = [await kit.newStaff('0599', 'rotterdam.schuld3', ['debt-counsellor']), await kit.actor('rotterdam.generalist'), await kit.actor('denhaag.schuld')];
    for (const a of strangers) {
      for (const purpose of ['wgs', 'integraal'] as const) {
        const e = await refusal(kit.as(a, purpose, (tx, ctx) => readDebtFile(kit.services, tx, ctx, fileId)));
        expect(['forbidden', 'not-found']).toContain(e.code);
        const l = await refusal(kit.as(a, purpose, (tx, ctx) => offerLetterPdf(kit.services, tx, ctx, fileId, '00000000-0000-0000-0000-000000000000')));
        expect(['forbidden', 'not-found']).toContain(l.code);
      }
    }
  });
});
