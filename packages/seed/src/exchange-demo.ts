import type { AnyDb } from '@kern/db';
import { insertAllocationFixtures, insertProviderFixture } from './exchange-fixtures';

/**
 * Exchange (invoices) demo data, kept apart so the integrator can reconcile it with the provisions
 * and contracting modules' own demo data: per demo municipality one care provider (AGB 87654321)
 * with a Wmo contract for begeleiding (02A01, EUR 13.00 per hour in 2026) and two allocations for
 * two residents (toewijzing 5001 and 5002, 8 hours a month in 2026), so a 323 uploaded
 * in the invoice inbox has something to match. Idempotent: existing rows are left alone.
 */
export const DEMO_PROVIDER_AGB = '87654321';

/** Two BRP test persons per demo city, used by no other demo data, so their (fixture) cases and allocations disturb nothing else. */
export const exchangeDemoClients: Record<string, readonly [string, string]> = {
  '0599': ['999990561', '999991887'],
  '0518': ['999992740', '999993409'],
};

export async function seedExchangeDemo(db: AnyDb, city: { code: string }): Promise<void> {
  const clients = exchangeDemoClients[city.code];
  if (!clients) return;
  await insertProviderFixture(db, {
    municipalityCode: city.code,
    agb: DEMO_PROVIDER_AGB,
    name: 'Zorggroep De Linde',
    standard: 'iwmo',
    tariffs: [{ category: '02', productCode: '02A01', unit: '04', cents: 1300, from: '2026-01-01', to: '2026-12-31' }],
  });
  const allocation = { municipalityCode: city.code, providerAgb: DEMO_PROVIDER_AGB, standard: 'iwmo' as const, category: '02', productCode: '02A01', start: '2026-01-01', end: '2026-12-31', volume: 8, unit: '04', frequency: '4' };
  await insertAllocationFixtures(db, [
    { ...allocation, toewijzingNummer: '5001', bsn: clients[0] },
    { ...allocation, toewijzingNummer: '5002', bsn: clients[1] },
  ]);
}
