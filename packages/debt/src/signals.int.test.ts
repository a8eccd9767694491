import { roles, type Actor, type Purpose } from '@kern/access';
import { sql, withSystem } from '@kern/db';
import { DomainError } from '@kern/kit';
import { readHousehold, readResident } from '@kern/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDebtTestKit, type DebtTestKit } from '@kern/seed/testing';
import { readDebtInventory } from './read-debt-inventory';
import { importSignalFile, receiveSignalBatch } from './receive-signals';
import { listSignals, offerHelp, respondToOffer } from './signal-offers';

const ANNA = '999993653'; // Rotterdam resident: signals, never accepts help
const BEN = '999993872'; // Rotterdam resident: accepts help after an eviction signal
const HEADER = 'bsn;creditor;sector;kind;arrears_cents;months_in_arrears;signal_date;reference';

let kit: DebtTestKit;
let counsellor: Actor;
let admin: Actor;
beforeAll(async () => {
  kit = await startDebtTestKit('2026-04-02T09:00:00Z');
  counsellor = await kit.actor('rotterdam.schuld');
  admin = await kit.actor('rotterdam.beheer');
});
afterAll(async () => kit?.close());

const signalsBooked = () => kit.count('debt_signals');
/** The DomainError a refused call ends in; a call that succeeds fails the test. */
const refusal = (p: Promise<unknown>): Promise<DomainError> =>
  p.then(
    () => { throw new Error('expected a refusal'); },
    (e: unknown) => { if (e instanceof DomainError) return e; throw e; },
  );

describe('early-warning signals in', () => {
  it('books a file, deduplicating per resident and creditor, and reports every line', async () => {
    const csv = [
      HEADER,
      `${ANNA};Woonstad Rotterdam;housing;arrears;61000;2;2026-03-20;W-17`,
      `${ANNA};Eneco;energy;arrears;23000;2;2026-03-25;E-9`,
      `${BEN};Woonstad Rotterdam;housing;eviction;184250;5;2026-04-01;W-18`,
      `${ANNA};Woonstad Rotterdam;housing;arrears;92000;3;2026-04-01;W-17`,
    ].join('\n');
    const progress: number[] = [];
    const report = await kit.as(admin, 'wgs', (tx, ctx) => importSignalFile(kit.services, tx, ctx, csv, (done) => progress.push(done)));
    expect(report).toMatchObject({ booked: true, created: 3, merged: 1, refused: 0 });
    expect(report.lines.map((l) => l.outcome)).toEqual(['created', 'created', 'created', 'merged']);
    expect(report.lines[3]?.signalId).toBe(report.lines[0]?.signalId);
    expect(progress).toEqual([1, 2, 3, 4]);
    const anna = await kit.as(counsellor, 'wgs', async (tx, ctx) => (await listSignals(kit.services, tx, ctx, {})).signals.filter((s) => s.bsn === ANNA));
    expect(anna.find((s) => s.creditorName === 'Woonstad Rotterdam')).toMatchObject({ timesReceived: 2, arrearsCents: 92_000, firstSignalOn: '2026-03-20', lastSignalOn: '2026-04-01', offerStatus: 'new' });
  });

  it('takes signals over HTTP as JSON too, merging into the open one', async () => {
    const report = await kit.as(counsellor, 'wgs', (tx, ctx) => receiveSignalBatch(kit.services, tx, ctx, [{ bsn: ANNA, creditorName: 'Eneco', sector: 'energy', kind: 'cut-off-energy', arrearsCents: 31_000, signalDate: '2026-04-02' }]));
    expect(report).toMatchObject({ created: 0, merged: 1 });
    const events = await withSystem(kit.database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from domain_events where type = 'debt.signal-received'`.execute(tx));
    expect(Number(events.rows[0]?.n)).toBe(3);
  });

  it('refuses a malformed file, absurd or negative amounts and an unknown BSN, and books nothing of the batch', async () => {
    const before = await signalsBooked();
    const bad = (text: string) => refusal(kit.as(admin, 'wgs', (tx, ctx) => importSignalFile(kit.services, tx, ctx, text)));
    const garbage = await bad('this is not a signal file');
    expect(garbage.code).toBe('invalid-input');
    expect(garbage.userMessage.nl).toMatch(/niet leesbaar/);
    const mixed = await bad([
      HEADER,
      `${BEN};Evides;water;arrears;5000;;2026-03-30;`,
      `${BEN};Evides;water;arrears;-5000;;2026-03-30;`,
      `${BEN};Evides;water;arrears;999999999999;;2026-03-30;`,
      `999990639;Evides;water;arrears;5000;;2026-03-30;`,
      `${BEN};Evides;water;arrears;5000;;2026-05-30;`,
    ].join('\n'));
    expect(mixed.code).toBe('invalid-input');
    expect(mixed.invalidParams.map((p) => p.name)).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    expect(mixed.invalidParams[2]?.reason).toMatch(/not registered in this municipality/);
    expect(mixed.invalidParams[3]?.reason).toMatch(/future/);
    expect(await signalsBooked()).toBe(before);
    const json = await refusal(kit.as(counsellor, 'wgs', (tx, ctx) => receiveSignalBatch(kit.services, tx, ctx, [{ bsn: BEN, creditorName: 'X', sector: 'energy', arrearsCents: -1, signalDate: '2026-04-01' }])));
    expect(json.code).toBe('invalid-input');
    expect(await signalsBooked()).toBe(before);
  });
});

describe('Wgs art. 8b: before the resident accepts help, only BRP data and the signal', () => {
  it('shows the debt counsellor the signal with name, birth date and address, and not one field more', async () => {
    const { signals } = await kit.as(counsellor, 'wgs', (tx, ctx) => listSignals(kit.services, tx, ctx, {}));
    const s = signals.find((x) => x.bsn === ANNA);
    expect(Object.keys(s ?? {}).sort()).toEqual(['arrearsCents', 'bsn', 'creditorName', 'debtFileId', 'firstSignalOn', 'id', 'kind', 'lastSignalOn', 'monthsInArrears', 'offerStatus', 'offeredOn', 'resident', 'respondedOn', 'sector', 'timesReceived', 'urgent']);
    expect(Object.keys(s?.resident ?? {}).sort()).toEqual(['address', 'birthDate', 'name']);
    expect(s?.resident?.name).toMatch(/Moulin/);
    expect(s?.debtFileId).toBeNull();
  });

  it('shows no role under any purpose the resident, the household, or any debt data', async () => {
    const purposes: Purpose[] = ['wgs', 'wmo', 'jeugdwet', 'participatiewet', 'integraal'];
    const actors = [counsellor, admin, ...(await Promise.all(['generalist', 'wmo', 'jeugd', 'inkomen', 'besluit', 'kwaliteit', 'auditor', 'inkoop', 'teamleider'].map((s) => kit.actor(`rotterdam.${s}`))))];
    // Every staff role; a citizen sees only their own data, through the portal (its own isolation tests).
    expect(new Set(actors.flatMap((a) => a.roles))).toEqual(new Set(roles.filter((r) => r !== 'citizen')));
    for (const a of actors) {
      for (const purpose of purposes) {
        const attempts = [
          () => kit.as(a, purpose, (tx, ctx) => readResident(kit.services, tx, ctx, ANNA)),
          () => kit.as(a, purpose, (tx, ctx) => readHousehold(kit.services, tx, ctx, ANNA)),
        ];
        for (const attempt of attempts) {
          expect((await refusal(attempt())).code, `${a.roles.join()} under ${purpose}`).toBe('forbidden');
        }
        const debtFiles = await kit.as(a, purpose, (tx) => sql<{ n: number }>`select count(*)::int as n from debt_files where subject_bsn = ${ANNA}`.execute(tx));
        expect(Number(debtFiles.rows[0]?.n)).toBe(0);
        if (!(a.roles.includes('debt-counsellor') && purpose === 'wgs')) {
          const e = await kit.as(a, purpose, (tx, ctx) => listSignals(kit.services, tx, ctx, {})).catch((x: unknown) => x);
          expect((e as DomainError).code, `${a.roles.join()} under ${purpose} reads signals`).toBe('forbidden');
        }
      }
    }
  });

  it('opens everything the file needs only once the offer is accepted, with the urgent 3-working-day term for an eviction', async () => {
    const ben = await kit.as(counsellor, 'wgs', async (tx, ctx) => (await listSignals(kit.services, tx, ctx, {})).signals.find((s) => s.bsn === BEN));
    expect(ben?.urgent).toBe(true);
    const denied = await kit.as(counsellor, 'wgs', (tx, ctx) => readResident(kit.services, tx, ctx, BEN)).catch((x: unknown) => x);
    expect((denied as DomainError).code).toBe('forbidden');
    await kit.as(counsellor, 'wgs', (tx, ctx) => offerHelp(kit.services, tx, ctx, ben?.id ?? ''));
    const accepted = await kit.as(counsellor, 'wgs', (tx, ctx) => respondToOffer(kit.services, tx, ctx, ben?.id ?? '', { response: 'accepted', contact: 'Joost Visser, 010-1234567' }));
    // Thursday 2 April 2026: Good Friday and Easter Monday are not working days -> Thursday 9 April.
    expect(accepted).toMatchObject({ offerStatus: 'accepted', firstConversationDue: '2026-04-09' });
    const inv = await kit.as(counsellor, 'wgs', (tx, ctx) => readDebtInventory(kit.services, tx, ctx, accepted.debtFileId ?? ''));
    expect(inv.file).toMatchObject({ origin: 'signal', urgent: true, urgencyGround: 'eviction' });
    const resident = await kit.as(counsellor, 'wgs', (tx, ctx) => readResident(kit.services, tx, ctx, BEN));
    expect(resident?.resident.bsn).toBe(BEN);
    const again = await kit.as(counsellor, 'wgs', (tx, ctx) => respondToOffer(kit.services, tx, ctx, ben?.id ?? '', { response: 'declined' })).catch((x: unknown) => x);
    expect((again as DomainError).code).toBe('conflict');
  });

  it('records a declined offer and keeps the resident closed', async () => {
    const anna = await kit.as(counsellor, 'wgs', async (tx, ctx) => (await listSignals(kit.services, tx, ctx, {})).signals.filter((s) => s.bsn === ANNA));
    for (const s of anna) await kit.as(counsellor, 'wgs', (tx, ctx) => respondToOffer(kit.services, tx, ctx, s.id, { response: 'declined' }));
    const still = await kit.as(counsellor, 'wgs', (tx, ctx) => readResident(kit.services, tx, ctx, ANNA)).catch((x: unknown) => x);
    expect((still as DomainError).code).toBe('forbidden');
    const declined = await kit.as(counsellor, 'wgs', (tx, ctx) => listSignals(kit.services, tx, ctx, { status: ['declined'] }));
    expect(declined.signals.map((s) => s.bsn)).toEqual([ANNA, ANNA]);
  });

  it('shows another municipality none of the signals', async () => {
    const denhaag = await kit.actor('denhaag.schuld');
    const { signals } = await kit.as(denhaag, 'wgs', (tx, ctx) => listSignals(kit.services, tx, ctx, { status: ['new', 'offered', 'accepted', 'declined', 'no-response'] }));
    expect(signals.filter((s) => s.bsn === ANNA || s.bsn === BEN)).toEqual([]);
    expect(signals.every((s) => !['Woonstad Rotterdam', 'Eneco'].includes(s.creditorName))).toBe(true);
  });
});
