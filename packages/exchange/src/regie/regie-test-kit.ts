import { sql, withSystem, type AnyDb } from '@kern/db';
import { newId } from '@kern/kit';
import { insertAllocationFixtures } from '../db/exchange-fixtures';
import type { Standard } from '../messages';

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
