import { AccessDenied, runAsTenant } from '@kern/access';
import { sql, withSystem } from '@kern/db';
import { DomainError } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDecision } from '../decisions/record-decision';
import type { GrantedProvisionInput } from '../contract/decisions.schema';
import { allocateProvision } from './allocate-provision';
import { changeAllocation, endAllocation, withdrawAllocation } from './change-allocation';
import { AGB_JEUGD, AGB_THUISZORG, startProvisionsTestKit, type ProvisionsTestKit } from '@kern/seed/testing';
import { acknowledgeAllocation, allocationByNumber, allocationsForClient, allocationsForProvider, listClientAllocations, listProviderAllocations, readAllocation } from './read-allocations';

const PARENT = '999991838';
const PARTNER = '999990512';
const STRANGER = '999993872';

let kit: ProvisionsTestKit;
beforeAll(async () => {
  kit = await startProvisionsTestKit();
});
afterAll(async () => kit?.close());

async function expectRefused(p: Promise<unknown>, code: string): Promise<DomainError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e, `expected ${code}`).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe(code);
  return e as DomainError;
}

const homeCare: GrantedProvisionInput = { category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: '2026-04-01', validTo: '2026-12-31' };

/** A Wmo decision granting the given provisions to the subject, by the back office. */
async function grant(subjectBsn: string, provisions: GrantedProvisionInput[]): Promise<string[]> {
  const caseId = await kit.wmoCaseAtDecision(subjectBsn);
  const decider = await kit.actor('rotterdam.besluit');
  const r = await kit.as(decider, 'wmo', (tx, ctx) => recordDecision(kit.services, tx, ctx, caseId, { outcome: 'granted', reasons: 'U krijgt de gevraagde ondersteuning.', provisions }));
  return r.decision.provisions.map((p) => p.id);
}

const state = async () => ({
  allocations: await kit.count('allocations'),
  changes: await kit.count('allocation_changes'),
  events: await kit.count('domain_events'),
  numbers: (await withSystem(kit.database.db, (tx) => sql<{ n: number | null }>`select max(last_number)::int as n from allocation_numbers where municipality_code = '0599'`.execute(tx))).rows[0]?.n ?? 0,
});

describe('allocating a granted provision (toewijzing)', () => {
  let zin = '';
  let pgb = '';
  let nummer = '';
  beforeAll(async () => {
    [zin = '', pgb = ''] = await grant(PARENT, [homeCare, { category: '02', form: 'pgb', pgbAmountCents: 300_000, validFrom: '2026-04-01', validTo: '2026-12-31' }]);
  });

  it('refuses a provider without a contract for the product, a start before the provision and too much volume, writing nothing', async () => {
    const before = await state();
    const wmo = await kit.actor('rotterdam.besluit');
    const e = await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => allocateProvision(kit.services, tx, ctx, { grantedProvisionId: zin, providerAgb: AGB_JEUGD, startDate: '2026-04-01' })), 'invalid-input');
    expect(e.invalidParams.map((p) => p.name)).toEqual(['providerAgb']);
    const e2 = await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => allocateProvision(kit.services, tx, ctx, { grantedProvisionId: zin, providerAgb: AGB_THUISZORG, startDate: '2026-03-01', volume: 5 })), 'invalid-input');
    expect(e2.invalidParams.map((p) => p.name)).toEqual(['startDate', 'volume']);
    expect(await state()).toEqual(before);
  });

  it('does not allocate a pgb: it is paid to the client', async () => {
    const wmo = await kit.actor('rotterdam.besluit');
    await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => allocateProvision(kit.services, tx, ctx, { grantedProvisionId: pgb, providerAgb: AGB_THUISZORG, startDate: '2026-04-01' })), 'conflict');
  });

  it('allocates to the contracted provider with a new ToewijzingNummer, the provision\'s variant and period, a history row and an event without the BSN', async () => {
    const wmo = await kit.actor('rotterdam.wmo');
    const a = await kit.as(wmo, 'wmo', (tx, ctx) => allocateProvision(kit.services, tx, ctx, { grantedProvisionId: zin, providerAgb: AGB_THUISZORG, startDate: '2026-04-01' }));
    nummer = a.toewijzingNummer;
    expect(a).toMatchObject({ subjectBsn: PARENT, providerAgb: AGB_THUISZORG, providerName: 'Thuiszorg De Maas', standard: 'iwmo', category: '01', productCode: '01A01', volume: 3, unit: '04', frequency: '2', startDate: '2026-04-01', endDate: '2026-12-31', status: 'active' });
    expect(a.contractId).not.toBeNull();
    expect(a.history.map((h) => h.kind)).toEqual(['created']);
    const ev = await withSystem(kit.database.db, (tx) => sql<{ data: Record<string, unknown>; subject_ref: string }>`select data, subject_ref from domain_events where type = 'provisions.allocated'`.execute(tx));
    expect(ev.rows[0]?.data).toMatchObject({ category: '01', providerAgb: AGB_THUISZORG, variant: 'specifiek' });
    expect(JSON.stringify(ev.rows)).not.toContain(PARENT);
  });

  it('keeps all allocations of a provision together within what was granted, when allocating and when a change lengthens one', async () => {
    const wmo = await kit.actor('rotterdam.wmo');
    await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => allocateProvision(kit.services, tx, ctx, { grantedProvisionId: zin, providerAgb: AGB_THUISZORG, startDate: '2026-06-01', volume: 1 })), 'invalid-input');
    // A second provision split over two providers' periods: April-May and June-December, 3 hours a week each.
    const [split = ''] = await grant(PARTNER, [homeCare]);
    const first = await kit.as(wmo, 'wmo', (tx, ctx) => allocateProvision(kit.services, tx, ctx, { grantedProvisionId: split, providerAgb: AGB_THUISZORG, startDate: '2026-04-01', endDate: '2026-05-31' }));
    await kit.as(wmo, 'wmo', (tx, ctx) => allocateProvision(kit.services, tx, ctx, { grantedProvisionId: split, providerAgb: AGB_THUISZORG, startDate: '2026-06-01' }));
    const before = await state();
    // Lengthening the first into the second's period would allocate 6 hours a week of the 3 granted.
    const e = await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => changeAllocation(kit.services, tx, ctx, first.toewijzingNummer, { reason: '04', endDate: '2026-07-31' })), 'invalid-input');
    expect(e.invalidParams.map((x) => x.name)).toEqual(['volume']);
    expect(await state()).toEqual(before);
  });

  it('gives other modules the allocation by number, per client and per provider', async () => {
    const wmo = await kit.actor('rotterdam.wmo');
    await kit.as(wmo, 'wmo', async (tx) => {
      expect((await allocationByNumber(tx, nummer))?.subjectBsn).toBe(PARENT);
      expect((await allocationsForClient(tx, PARENT)).map((a) => a.toewijzingNummer)).toContain(nummer);
      const providerId = (await allocationByNumber(tx, nummer))?.providerId ?? '';
      expect((await allocationsForProvider(tx, providerId, { status: 'active', category: '01' })).map((a) => a.toewijzingNummer)).toContain(nummer);
      expect(await allocationsForProvider(tx, providerId, { status: 'ended' })).toEqual([]);
      expect(await allocationsForProvider(tx, providerId, { to: '2026-03-31' })).toEqual([]);
    });
  });

  it('takes a provider\'s acknowledgement (302) of the state it was sent, and asks again after a change', async () => {
    const wmo = await kit.actor('rotterdam.wmo');
    await kit.as(wmo, 'wmo', async (tx) => {
      const sent = (await allocationByNumber(tx, nummer))?.allocatedAt ?? '';
      expect(await acknowledgeAllocation(tx, nummer, new Date(Date.parse(sent) - 1000).toISOString(), kit.clock.now())).toBe(false);
      expect(await acknowledgeAllocation(tx, nummer, sent, kit.clock.now())).toBe(true);
      expect((await allocationByNumber(tx, nummer))?.acknowledgedAt).not.toBeNull();
    });
  });

  it('refuses changes the standard does not allow, writing nothing', async () => {
    const before = await state();
    const wmo = await kit.actor('rotterdam.wmo');
    const bad = [
      { reason: '01', endDate: '2026-10-31' },
      { reason: '13', endDate: '2026-10-31' },
      { reason: '14', volume: 2 },
      { reason: '04', endDate: '2026-10-31' },
      { reason: '05', endDate: '2027-01-31' },
      { reason: '05', endDate: null },
    ];
    for (const input of bad) {
      await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => changeAllocation(kit.services, tx, ctx, nummer, input)), 'invalid-input');
    }
    expect(await state()).toEqual(before);
  });

  it('changes the end date with RedenWijziging 05 and keeps the number and the history', async () => {
    const wmo = await kit.actor('rotterdam.wmo');
    const a = await kit.as(wmo, 'wmo', (tx, ctx) => changeAllocation(kit.services, tx, ctx, nummer, { reason: '05', endDate: '2026-09-30' }));
    expect(a).toMatchObject({ toewijzingNummer: nummer, endDate: '2026-09-30', changeReason: '05', status: 'active', acknowledgedAt: null });
    expect(a.history.map((h) => [h.kind, h.reason, h.state.endDate])).toEqual([['created', null, '2026-12-31'], ['changed', '05', '2026-09-30']]);
  });

  it('ends the allocation with RedenWijziging 09 and RedenBeeindiging 38 (switch of provider); no change after that', async () => {
    const wmo = await kit.actor('rotterdam.wmo');
    await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => endAllocation(kit.services, tx, ctx, nummer, { endDate: '2026-10-31', changeReason: '09' })), 'invalid-input');
    await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => endAllocation(kit.services, tx, ctx, nummer, { endDate: '2026-06-30', changeReason: '09', endingReason: '36' })), 'invalid-input');
    const a = await kit.as(wmo, 'wmo', (tx, ctx) => endAllocation(kit.services, tx, ctx, nummer, { endDate: '2026-06-30', changeReason: '09' }));
    expect(a).toMatchObject({ status: 'ended', endDate: '2026-06-30', changeReason: '09', endingReason: '38' });
    expect(a.history.map((h) => h.kind)).toEqual(['created', 'changed', 'ended']);
    await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => changeAllocation(kit.services, tx, ctx, nummer, { reason: '04', endDate: '2026-09-30' })), 'conflict');
    const ended = await withSystem(kit.database.db, (tx) => sql<{ data: Record<string, unknown> }>`select data from domain_events where type = 'provisions.allocation-ended'`.execute(tx));
    expect(ended.rows[0]?.data).toMatchObject({ endingReason: '38', changeReason: '09' });
  });

  it('withdraws an allocation sent in error with RedenWijziging 13: end date = start date, counted as never sent', async () => {
    const [provision = ''] = await grant(PARTNER, [{ ...homeCare, validTo: '2026-12-31' }]);
    const wmo = await kit.actor('rotterdam.besluit');
    const a = await kit.as(wmo, 'wmo', (tx, ctx) => allocateProvision(kit.services, tx, ctx, { grantedProvisionId: provision, providerAgb: AGB_THUISZORG, startDate: '2026-05-01' }));
    const w = await kit.as(wmo, 'wmo', (tx, ctx) => withdrawAllocation(kit.services, tx, ctx, a.toewijzingNummer));
    expect(w).toMatchObject({ status: 'withdrawn', changeReason: '13', startDate: '2026-05-01', endDate: '2026-05-01' });
    expect(w.history.map((h) => [h.kind, h.reason])).toEqual([['created', null], ['withdrawn', '13']]);
    await expectRefused(kit.as(wmo, 'wmo', (tx, ctx) => withdrawAllocation(kit.services, tx, ctx, a.toewijzingNummer)), 'conflict');
    // A withdrawn allocation no longer counts against the provision: it can be allocated again, with a new number.
    const again = await kit.as(wmo, 'wmo', (tx, ctx) => allocateProvision(kit.services, tx, ctx, { grantedProvisionId: provision, providerAgb: AGB_THUISZORG, startDate: '2026-05-01' }));
    expect(Number(again.toewijzingNummer)).toBeGreaterThan(Number(a.toewijzingNummer));
  });
});

describe('ToewijzingNummer under concurrent allocation', () => {
  it('gives every allocation its own number, consecutive and never reused, when many are made at once', async () => {
    const provisions = await grant(STRANGER, Array.from({ length: 8 }, () => ({ ...homeCare, volume: 1 })));
    const wmo = await kit.actor('rotterdam.besluit');
    const start = (await state()).numbers;
    const made = await Promise.all(provisions.map((id) =>
      runAsTenant(kit.services, { actor: wmo, purpose: 'wmo' }, (tx) =>
        allocateProvision(kit.services, tx, { actor: wmo, purpose: 'wmo' }, { grantedProvisionId: id, providerAgb: AGB_THUISZORG, startDate: '2026-04-01' }))));
    const numbers = made.map((a) => Number(a.toewijzingNummer)).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => start + i + 1));
    // Another municipality counts on its own.
    const haagNumbers = await withSystem(kit.database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from allocation_numbers where municipality_code = '0518'`.execute(tx));
    expect(haagNumbers.rows[0]?.n).toBe(0);
  });
});

describe('who sees and changes allocations', () => {
  let nummer = '';
  beforeAll(async () => {
    const wmo = await kit.actor('rotterdam.wmo');
    nummer = (await kit.as(wmo, 'wmo', (tx) => allocationsForClient(tx, PARENT)))[0]?.toewijzingNummer ?? '';
    expect(nummer).not.toBe('');
  });

  it('shows the team\'s Wmo consultant the allocation with its history, audited', async () => {
    const before = await kit.count('audit_log');
    const a = await kit.as(await kit.actor('rotterdam.wmo'), 'wmo', (tx, ctx) => readAllocation(kit.services, tx, ctx, nummer));
    expect(a.history.length).toBeGreaterThan(0);
    expect(await kit.count('audit_log')).toBe(before + 1);
    expect((await kit.as(await kit.actor('rotterdam.wmo'), 'wmo', (tx, ctx) => listClientAllocations(kit.services, tx, ctx, PARENT))).length).toBeGreaterThan(0);
  });

  it('refuses the same role in a team without a relation, the youth team under the Jeugdwet and roles without the purpose', async () => {
    const elsewhere = await kit.newStaff('0599', 'rotterdam.wmo.noord2', ['wmo-consultant']);
    await expect(kit.as(elsewhere, 'wmo', (tx, ctx) => readAllocation(kit.services, tx, ctx, nummer))).rejects.toBeInstanceOf(AccessDenied);
    await expect(kit.as(elsewhere, 'wmo', (tx, ctx) => listClientAllocations(kit.services, tx, ctx, PARENT))).rejects.toBeInstanceOf(AccessDenied);
    await expectRefused(kit.as(elsewhere, 'wmo', (tx, ctx) => changeAllocation(kit.services, tx, ctx, nummer, { reason: '14', endDate: '2026-06-30' })), 'forbidden');
    await expectRefused(kit.as(await kit.actor('rotterdam.jeugd'), 'jeugdwet', (tx, ctx) => readAllocation(kit.services, tx, ctx, nummer)), 'forbidden');
    await expectRefused(kit.as(await kit.actor('rotterdam.schuld'), 'wgs', (tx, ctx) => listClientAllocations(kit.services, tx, ctx, PARENT)), 'forbidden');
    await expectRefused(kit.as(await kit.actor('rotterdam.kwaliteit'), 'wmo', (tx, ctx) => readAllocation(kit.services, tx, ctx, nummer)), 'forbidden');
  });

  it('shows another municipality nothing, not even through the other modules\' reads', async () => {
    const haag = await kit.actor('denhaag.besluit');
    await expectRefused(kit.as(haag, 'wmo', (tx, ctx) => readAllocation(kit.services, tx, ctx, nummer)), 'not-found');
    await kit.as(haag, 'wmo', async (tx) => {
      expect(await allocationByNumber(tx, nummer)).toBeUndefined();
      expect(await allocationsForClient(tx, PARENT)).toEqual([]);
    });
  });

  it('lists a provider\'s allocations for the back office with an audit record per client, and to nobody else', async () => {
    const decider = await kit.actor('rotterdam.besluit');
    const before = await kit.count('audit_log');
    const rows = await kit.as(decider, 'wmo', (tx, ctx) => listProviderAllocations(kit.services, tx, ctx, AGB_THUISZORG, { status: 'active' }));
    const clients = new Set(rows.map((r) => r.subjectBsn));
    expect(rows.every((r) => r.status === 'active' && r.providerAgb === AGB_THUISZORG)).toBe(true);
    expect(clients.size).toBeGreaterThan(1);
    expect(await kit.count('audit_log')).toBe(before + 1 + clients.size);
    // Under the Jeugdwet the youth provider's list holds no Wmo allocation.
    expect(await kit.as(await kit.actor('rotterdam.jeugd'), 'jeugdwet', (tx, ctx) => listProviderAllocations(kit.services, tx, ctx, AGB_THUISZORG, {}))).toEqual([]);
    await expectRefused(kit.as(await kit.actor('rotterdam.generalist'), 'wmo', (tx, ctx) => listProviderAllocations(kit.services, tx, ctx, AGB_THUISZORG, {})), 'forbidden');
    await expectRefused(kit.as(await kit.actor('rotterdam.auditor'), 'wmo', (tx, ctx) => listProviderAllocations(kit.services, tx, ctx, AGB_THUISZORG, {})), 'forbidden');
    expect(await kit.as(await kit.actor('denhaag.besluit'), 'wmo', (tx, ctx) => listProviderAllocations(kit.services, tx, ctx, AGB_THUISZORG, {}))).toEqual([]);
  });
});
