// Test support for the exchange's tests (here, not in the domain's src: no domain module imports seed).
import type { AccessContext, Actor } from '@kern/access';
import { sql, withSystem, type AnyDb } from '@kern/db';
import { newId } from '@kern/kit';
import { createBrpClient, startFakeBrp } from '@kern/registry';
import {
  brpResidency, build323, receiveInvoice, signed,
  type ExchangeServices, type Standard, type InvoiceClient, type InvoiceHeader, type Prestatie, type ReceiveOptions,
} from '@kern/exchange';
import { insertAllocationFixtures, insertProviderFixture, type AllocationFixture } from '../exchange-fixtures';
import { startSeededTestKit, type SeededTestKit } from './seeded-test-kit';

/** BRP test persons registered in Rotterdam (0599) and one in Den Haag (0518), from the GBA-V set. */
export const rotterdam = { parent: '999991838', partner: '999990512', child: '999990342' };
export const denHaagResident = '999990627';
// Not an AGB code the demo seed uses (insertDemoContracts has 12345678 and 23456789).
export const PROVIDER = '34567890';

export interface ExchangeTestKit extends SeededTestKit<ExchangeServices> {
  /** Delivers a 323 (as text, in one or more chunks) as the actor under the purpose; the 325 comes back. */
  deliver(actor: Actor, purpose: AccessContext['purpose'], xml: string, o?: Partial<ReceiveOptions>): Promise<Awaited<ReturnType<typeof receiveInvoice>> & { answer: string }>;
}

export async function startExchangeTestKit(now = '2026-11-20T09:00:00Z'): Promise<ExchangeTestKit> {
  const brp = await startFakeBrp({ port: 0 });
  const kit = await startSeededTestKit<ExchangeServices>({ now, services: (base) => ({ ...base, residency: brpResidency(createBrpClient({ baseUrl: brp.url })) }), onClose: () => brp.close() });
  return {
    ...kit,
    async deliver(a, purpose, xml, o = {}) {
      let answer = '';
      async function* chunks(): AsyncGenerator<string> {
        await Promise.resolve();
        for (let i = 0; i < xml.length; i += 4096) yield xml.slice(i, i + 4096);
      }
      const r = await receiveInvoice(kit.services, { actor: a, purpose }, chunks(), { ...o, answer: (p) => void (answer += p) });
      return { ...r, answer };
    },
  };
}

/** The provider of the tests with its tariffs: 02A01 at 12.50/hour until September 2026, 13.00 from October. */
export async function seedExchangeFixtures(kit: ExchangeTestKit, allocations: Omit<AllocationFixture, 'municipalityCode' | 'providerAgb' | 'standard'>[], municipalityCode = '0599'): Promise<void> {
  await insertProviderFixture(kit.database.db, {
    municipalityCode,
    agb: PROVIDER,
    name: 'Zorg Testaanbieder',
    standard: 'iwmo',
    tariffs: [
      { category: '02', productCode: '02A01', unit: '04', cents: 1250, from: '2026-01-01', to: '2026-09-30' },
      { category: '02', productCode: '02A01', unit: '04', cents: 1300, from: '2026-10-01', to: null },
    ],
  });
  await insertAllocationFixtures(kit.database.db, allocations.map((a) => ({ ...a, municipalityCode, providerAgb: PROVIDER, standard: 'iwmo' as const })));
}

let seq = 0;
/** A 323 of the test provider to Rotterdam for one month, its totals computed from the prestaties. */
export function invoice(month: string, clients: InvoiceClient[], o: Partial<InvoiceHeader> = {}): string {
  seq++;
  const total = clients.flatMap((c) => c.prestaties).reduce((s, p) => s + signed(p.bedrag, p.debetCredit), 0);
  const end = lastDay(month);
  const header: InvoiceHeader = {
    standard: 'iwmo', afzender: PROVIDER, ontvanger: '0599', identificatie: `T${seq}${month.replace('-', '')}`, dagtekening: '2026-11-05', basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0',
    declaratieNummer: `D${seq}${month.replace('-', '')}`, periodeBegin: `${month}-01`, periodeEind: end, declaratieDagtekening: '2026-11-05',
    totaalBedrag: Math.abs(total), totaalDebetCredit: total < 0 ? 'C' : 'D', ...o,
  };
  return build323(header, clients);
}

export function lastDay(month: string): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

/** A prestatie of 02A01 hours for a whole month at the October tariff, unless told otherwise. */
export function prestatie(ref: string, toewijzingNummer: string, month: string, hours: number, o: Partial<Prestatie> = {}): Prestatie {
  const tariff = o.productTarief ?? (month >= '2026-10' ? 1300 : 1250);
  return {
    referentieNummer: ref, vorigReferentieNummer: null, toewijzingNummer, productCategorie: '02', productCode: '02A01',
    begindatum: `${month}-01`, einddatum: lastDay(month), geleverdVolume: hours, eenheid: '04', productTarief: tariff, bedrag: hours * tariff, debetCredit: 'D', ...o,
  };
}

/**
 * Test fixtures for the regie messages: one allocation of 4 hours a week as the shared 0053
 * tables hold it, through the exchange's allocation fixtures (a case, a decision and a granted
 * provision with it); the provider is registered when missing. Returns the allocation's id.
 */
export async function insertTestAllocation(
  db: AnyDb,
  a: { municipalityCode: string; bsn: string; providerAgb: string; standard: Standard; toewijzingNummer: string; category: string; productCode?: string | null; startDate: string; endDate?: string | null },
): Promise<{ allocationId: string }> {
  await withSystem(db, (tx) => sql`insert into care_providers (id, municipality_code, agb_code, name, created_at) values (${newId()}, ${a.municipalityCode}, ${a.providerAgb}, 'Zorg BV', now())
    on conflict (municipality_code, agb_code) do nothing`.execute(tx));
  await insertAllocationFixtures(db, [{
    municipalityCode: a.municipalityCode, toewijzingNummer: a.toewijzingNummer, bsn: a.bsn, providerAgb: a.providerAgb, standard: a.standard,
    category: a.category, productCode: a.productCode ?? null, start: a.startDate, end: a.endDate ?? null, volume: 4, unit: '04', frequency: '2',
  }]);
  const r = await withSystem(db, (tx) => sql<{ id: string }>`select id from allocations where municipality_code = ${a.municipalityCode} and toewijzing_nummer = ${a.toewijzingNummer}`.execute(tx));
  const id = r.rows[0]?.id;
  if (!id) throw new Error(`test allocation ${a.toewijzingNummer} was not written`);
  return { allocationId: id };
}
