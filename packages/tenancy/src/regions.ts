import { withSystem, type AnyDb, type Tx } from '@kern/db';
import type { Region } from './contract';
import { findRegionsOf, upsertRegion } from './tenancy.repository';

/** Registers purchasing regions with their members (reference data, the same for everyone), replacing each region's members. */
export async function registerRegions(db: AnyDb, regions: readonly Region[]): Promise<void> {
  await withSystem(db, async (tx) => {
    for (const r of regions) await upsertRegion(tx, r);
  });
}

/** The regions a municipality purchases care in, in the caller's transaction (reference data: no personal data, no audit). */
export async function regionsOf(tx: Tx, municipalityCode: string): Promise<Region[]> {
  return findRegionsOf(tx, municipalityCode);
}
