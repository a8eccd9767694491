import { providerNames } from '@kern/contracting';
import type { Tx } from '@kern/db';
import type { Allocation } from '../contract/allocations.schema';
import type { AllocationRecord } from './allocations.repository';

/**
 * Allocations with their provider's name, asked of contracting (the care providers are its
 * table). An allocation whose provider the municipality does not know is left out, as the join
 * on the providers' table used to leave it out; the foreign key keeps that from happening.
 */
export async function withProviderNames(tx: Tx, records: readonly AllocationRecord[]): Promise<Allocation[]> {
  if (records.length === 0) return [];
  const names = await providerNames(tx, [...new Set(records.map((r) => r.providerId))]);
  return records.flatMap((r) => {
    const providerName = names.get(r.providerId);
    return providerName === undefined ? [] : [{ ...r, providerName }];
  });
}

/** One allocation with its provider's name (undefined stays undefined). */
export async function withProviderName(tx: Tx, record: AllocationRecord | undefined): Promise<Allocation | undefined> {
  return record ? (await withProviderNames(tx, [record]))[0] : undefined;
}
