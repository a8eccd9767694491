import { sql, withSystem } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCities, seedDemo } from './demo';
import { seedDemoProvisions } from './provisions-demo';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.close());

// The exchange demo (seedExchangeDemo) allocates to its own provider (87654321): not counted here.
describe('the demo families\' decisions and allocations', () => {
  it('grants and allocates for the parent (Wmo) and the child (Jeugdwet) in both cities, once', async () => {
    await seedDemoProvisions(database.db);
    await seedDemoProvisions(database.db);
    const rows = await withSystem(database.db, (tx) => sql<{ municipality_code: string; subject_bsn: string; standard: string; provider_agb: string; status: string }>`
      select municipality_code, subject_bsn, standard, provider_agb, status from allocations where provider_agb in ('12345678', '23456789') order by municipality_code, standard`.execute(tx));
    const expected = demoCities.flatMap((c) => [
      { municipality_code: c.code, subject_bsn: c.family.child, standard: 'ijw', provider_agb: '23456789', status: 'active' },
      { municipality_code: c.code, subject_bsn: c.family.parent, standard: 'iwmo', provider_agb: '12345678', status: 'active' },
    ]).sort((a, b) => a.municipality_code.localeCompare(b.municipality_code) || a.standard.localeCompare(b.standard));
    expect(rows.rows).toEqual(expected);
    const decisions = await withSystem(database.db, (tx) => sql<{ n: number }>`select count(distinct d.id)::int as n from decisions d join granted_provisions g on g.decision_id = d.id
      left join allocations a on a.granted_provision_id = g.id where a.provider_agb is null or a.provider_agb in ('12345678', '23456789')`.execute(tx));
    expect(decisions.rows[0]?.n).toBe(demoCities.length * 2);
  });
});
