import { AccessDenied } from '@kern/access';
import { sql, withSystem } from '@kern/db';
import { DomainError } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVerifiedDebts } from './debt.repository';
import { startDebtTestKit, type DebtTestKit } from '@kern/seed/testing';
import { openDebtFile } from './open-debt-file';
import { readDebtInventory } from './read-debt-inventory';
import { addDebtEvidence, registerDebt, updateDebtStatus } from './register-debt';

const RESIDENT = '999993653'; // Rotterdam, nobody works with yet
const PARTNER = '999993872';

let kit: DebtTestKit;
beforeAll(async () => {
  kit = await startDebtTestKit();
});
afterAll(async () => kit?.close());

describe('the debt file and its inventory', () => {
  let fileId = '';
  let debtIds: string[] = [];

  it('opens a file on a request for help, with the 4-week first-conversation term and a team relation', async () => {
    const counsellor = await kit.actor('rotterdam.schuld');
    const r = await kit.as(counsellor, 'wgs', (tx, ctx) =>
      openDebtFile(kit.services, tx, ctx, { subjectBsn: RESIDENT, householdBsns: [PARTNER], requestDate: '2026-03-23', contact: 'Joost Visser, 010-1234567' }));
    fileId = r.debtFileId;
    expect(r.reference).toMatch(/^S-2026-\d{6}$/);
    // 23 March + 4 weeks = 20 April 2026 (a Monday).
    expect(r.firstConversationDue).toBe('2026-04-20');
    const events = await withSystem(kit.database.db, (tx) => sql<{ type: string; subject_ref: string }>`select type, subject_ref from domain_events where subject_ref = ${fileId}`.execute(tx));
    expect(events.rows).toEqual([{ type: 'debt.file-opened', subject_ref: fileId }]);
  });

  it('records claims by DDAS category, verifies and disputes them, with evidence metadata', async () => {
    const counsellor = await kit.actor('rotterdam.schuld');
    debtIds = await kit.as(counsellor, 'wgs', async (tx, ctx) => [
      (await registerDebt(kit.services, tx, ctx, fileId, { creditorName: 'Woonstad Rotterdam', creditorSector: 'housing', category: 'nuts', claimedCents: 184_250 })).debtId,
      (await registerDebt(kit.services, tx, ctx, fileId, { creditorName: 'Zilveren Kruis', creditorSector: 'health-insurance', category: 'zorg', claimedCents: 96_000 })).debtId,
      (await registerDebt(kit.services, tx, ctx, fileId, { creditorName: 'Belastingdienst', creditorSector: 'public', category: 'publiek', claimedCents: 45_010 })).debtId,
    ]);
    await kit.as(counsellor, 'wgs', async (tx, ctx) => {
      await updateDebtStatus(kit.services, tx, ctx, fileId, debtIds[0] ?? '', { status: 'verified', verifiedCents: 180_000 });
      await updateDebtStatus(kit.services, tx, ctx, fileId, debtIds[1] ?? '', { status: 'verified', verifiedCents: 96_000 });
      await updateDebtStatus(kit.services, tx, ctx, fileId, debtIds[2] ?? '', { status: 'disputed' });
      await addDebtEvidence(kit.services, tx, ctx, fileId, debtIds[0] ?? '', { kind: 'creditor-statement', fileName: 'saldo-woonstad.pdf', mediaType: 'application/pdf', sizeBytes: 40_211, receivedOn: '2026-03-24' });
    });
    const inv = await kit.as(counsellor, 'wgs', (tx, ctx) => readDebtInventory(kit.services, tx, ctx, fileId));
    expect(inv.totals).toMatchObject({ count: 3, claimedCents: 325_260, verifiedCents: 276_000, disputedCount: 1 });
    expect(inv.totals.byCategory.find((c) => c.category === 'zorg')).toEqual({ category: 'zorg', count: 1, claimedCents: 96_000, verifiedCents: 96_000 });
    expect(inv.debts.find((d) => d.creditor.name === 'Woonstad Rotterdam')?.evidence).toEqual([expect.objectContaining({ fileName: 'saldo-woonstad.pdf', kind: 'creditor-statement' })]);
    const verified = await withSystem(kit.database.db, (tx) => findVerifiedDebts(tx, fileId));
    expect(verified.map((v) => [v.creditorName, v.verifiedCents])).toEqual([['Woonstad Rotterdam', 180_000], ['Zilveren Kruis', 96_000]]);
  });

  it('audits the read for the subject and each household member', async () => {
    const r = await withSystem(kit.database.db, (tx) => sql<{ subject_bsn: string }>`select subject_bsn from audit_log where resource = 'debt-file' and action = 'read' and outcome = 'allowed' order by seq`.execute(tx));
    expect(r.rows.map((x) => x.subject_bsn.trim())).toEqual(expect.arrayContaining([RESIDENT, PARTNER]));
  });

  it('refuses a verified amount above the claim, a negative or absurd claim, and books nothing', async () => {
    const counsellor = await kit.actor('rotterdam.schuld');
    const before = await kit.count('debts');
    const creditorsBefore = await kit.count('debt_creditors');
    for (const claimedCents of [-100, 0, 1.5, 1e15]) {
      const e = await kit.as(counsellor, 'wgs', (tx, ctx) => registerDebt(kit.services, tx, ctx, fileId, { creditorName: 'Eneco', creditorSector: 'energy', category: 'nuts', claimedCents })).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('invalid-input');
    }
    const over = await kit.as(counsellor, 'wgs', (tx, ctx) => updateDebtStatus(kit.services, tx, ctx, fileId, debtIds[1] ?? '', { status: 'verified', verifiedCents: 96_001 })).catch((x: unknown) => x);
    expect((over as DomainError).code).toBe('invalid-input');
    expect(await kit.count('debts')).toBe(before);
    expect(await kit.count('debt_creditors')).toBe(creditorsBefore);
  });

  it('refuses an unknown BSN and a BSN that fails the 11-test, and opens nothing', async () => {
    const counsellor = await kit.actor('rotterdam.schuld');
    const before = await kit.count('debt_files');
    const unknown = await kit.as(counsellor, 'wgs', (tx, ctx) => openDebtFile(kit.services, tx, ctx, { subjectBsn: '999990639', contact: 'Joost' })).catch((x: unknown) => x); // registered in Den Haag
    expect((unknown as DomainError).code).toBe('invalid-input');
    const bad = await kit.as(counsellor, 'wgs', (tx, ctx) => openDebtFile(kit.services, tx, ctx, { subjectBsn: '123456789', contact: 'Joost' })).catch((x: unknown) => x);
    expect((bad as DomainError).code).toBe('invalid-input');
    expect(await kit.count('debt_files')).toBe(before);
  });

  it('shows another team of debt counsellors nothing, and writes the denial in the audit log', async () => {
    const other = await kit.newStaff('0599', 'rotterdam.schuld2', ['debt-counsellor']);
    const e = await kit.as(other, 'wgs', (tx, ctx) => readDebtInventory(kit.services, tx, ctx, fileId)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AccessDenied);
    const denied = await withSystem(kit.database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from audit_log where resource = 'debt-file' and outcome = 'denied' and actor_id = ${other.id}`.execute(tx));
    expect(Number(denied.rows[0]?.n)).toBe(1);
  });

  it('shows roles without the Wgs purpose nothing, under any purpose', async () => {
    for (const username of ['rotterdam.generalist', 'rotterdam.inkomen', 'rotterdam.wmo', 'rotterdam.besluit', 'rotterdam.beheer', 'rotterdam.auditor', 'rotterdam.kwaliteit']) {
      const a = await kit.actor(username);
      for (const purpose of ['wgs', 'integraal', 'wmo', 'participatiewet'] as const) {
        const e = await kit.as(a, purpose, (tx, ctx) => readDebtInventory(kit.services, tx, ctx, fileId)).catch((x: unknown) => x);
        expect(e, `${username} under ${purpose}`).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('forbidden');
      }
    }
    // The counsellor of the team, but under another purpose: purpose limitation.
    const counsellor = await kit.actor('rotterdam.schuld');
    const e = await kit.as(counsellor, 'participatiewet', (tx, ctx) => readDebtInventory(kit.services, tx, ctx, fileId)).catch((x: unknown) => x);
    expect((e as DomainError).code).toBe('forbidden');
  });

  it('shows another municipality nothing: the file does not exist there', async () => {
    const denhaag = await kit.actor('denhaag.schuld');
    const e = await kit.as(denhaag, 'wgs', (tx, ctx) => readDebtInventory(kit.services, tx, ctx, fileId)).catch((x: unknown) => x);
    expect((e as DomainError).code).toBe('not-found');
    const rows = await kit.as(denhaag, 'wgs', (tx) => sql<{ n: number }>`select (select count(*) from debts where debt_file_id = ${fileId}::uuid) + (select count(*) from debt_files where id = ${fileId}::uuid)
      + (select count(*) from debt_creditors where name = 'Woonstad Rotterdam') + (select count(*) from debt_files where municipality_code = '0599') as n`.execute(tx));
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });
});
