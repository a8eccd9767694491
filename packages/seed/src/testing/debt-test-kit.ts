// Test support for the debt module's integration tests (here, not in the domain's src: no domain module imports seed).
import { createBrpClient, startFakeBrp } from '@kern/registry';
import type { DebtServices } from '@kern/debt';
import { startSeededTestKit, type SeededTestKit } from './seeded-test-kit';

export type DebtTestKit = SeededTestKit<DebtServices>;

/** The demo seeded, the fake BRP listening, debt services on a fixed clock. */
export async function startDebtTestKit(now = '2026-03-24T09:00:00Z'): Promise<DebtTestKit> {
  const brp = await startFakeBrp({ port: 0 });
  return startSeededTestKit<DebtServices>({ now, services: (base) => ({ ...base, brp: createBrpClient({ baseUrl: brp.url }) }), onClose: () => brp.close() });
}
