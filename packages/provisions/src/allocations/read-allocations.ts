import { authorize, recordAccess, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { contractFacts } from '@kern/contracting';
import type { Tx } from '@kern/db';
import { DomainError, notFound } from '@kern/kit';
import { lawOfStandard } from './allocate-provision';
import { findAllocationByNumber, findAllocationHistory, findAllocationsOfProvider, findAllocationsOfSubjects, setAcknowledged } from './allocations.repository';
import { withProviderName, withProviderNames } from './provider-names';
import { providerAllocationsFilterSchema, type Allocation, type AllocationDetail, type ProviderAllocationsFilter } from '../contract/allocations.schema';

// Reads for other modules (the 301 builder, invoice verification, household view): no access
// check of their own; the caller decides access and audits. Names are stable (see index.ts).

/** A resident's allocations in the transaction's municipality (every status), newest first. */
export async function allocationsForClient(tx: Tx, bsn: string): Promise<Allocation[]> {
  return withProviderNames(tx, await findAllocationsOfSubjects(tx, [bsn]));
}

/** Several residents' allocations at once (the household view). */
export async function allocationsForClients(tx: Tx, bsns: readonly string[]): Promise<Allocation[]> {
  return withProviderNames(tx, await findAllocationsOfSubjects(tx, bsns));
}

/** A provider's allocations (by the provider's id in contracting), filtered by status, law, category and a period they run in. */
export async function allocationsForProvider(tx: Tx, providerId: string, filter: ProviderAllocationsFilter & { law?: 'wmo' | 'jeugdwet' } = {}): Promise<Allocation[]> {
  const f = providerAllocationsFilterSchema.parse(filter);
  return withProviderNames(tx, await findAllocationsOfProvider(tx, providerId, { ...f, law: filter.law }));
}

/** One allocation by its ToewijzingNummer (unique per municipality), or undefined. */
export async function allocationByNumber(tx: Tx, toewijzingNummer: string): Promise<Allocation | undefined> {
  return withProviderName(tx, await findAllocationByNumber(tx, toewijzingNummer));
}

/**
 * For the exchange module processing a 302 (retour on a 301): the provider acknowledged the
 * allocation as sent at `toewijzingDatumTijd`. A state changed after that stays unacknowledged,
 * so it is sent again. Returns whether anything was acknowledged.
 */
export function acknowledgeAllocation(tx: Tx, toewijzingNummer: string, toewijzingDatumTijd: string, at: Date): Promise<boolean> {
  return setAcknowledged(tx, toewijzingNummer, toewijzingDatumTijd, at.toISOString());
}

// Use cases behind the HTTP routes.

const notFoundAllocation = () => notFound({ nl: 'Deze toewijzing bestaat niet.', en: 'This allocation does not exist.' });

/** One allocation with its history, under the law it falls under. */
export async function readAllocation(services: AccessServices, tx: Tx, ctx: AccessContext, nummer: string): Promise<AllocationDetail> {
  const purpose = requirePurpose(ctx);
  const a = await withProviderName(tx, await findAllocationByNumber(tx, nummer));
  if (!a) throw notFoundAllocation();
  const law = lawOfStandard(a.standard);
  // Access first: who may not see this resident learns nothing about the law it falls under (and the denial is audited).
  await authorize(services, tx, ctx, { resource: 'allocation', action: 'read', subjectBsn: a.subjectBsn, detail: `allocation ${a.toewijzingNummer}` });
  if (law !== purpose) throw new DomainError('forbidden', { nl: `Deze toewijzing valt onder de ${law}; werk onder dat doel.`, en: `This allocation falls under the ${law}; work under that purpose.` });
  return { ...a, history: await findAllocationHistory(tx, a.id) };
}

/** A resident's allocations under the actor's purpose (the law). */
export async function listClientAllocations(services: AccessServices, tx: Tx, ctx: AccessContext, bsn: string): Promise<Allocation[]> {
  const purpose = requirePurpose(ctx);
  await authorize(services, tx, ctx, { resource: 'allocation', action: 'read', subjectBsn: bsn, detail: 'allocations of a resident' });
  return withProviderNames(tx, (await findAllocationsOfSubjects(tx, [bsn])).filter((a) => lawOfStandard(a.standard) === purpose));
}

/**
 * A provider's allocations under the actor's purpose, for the back office. The list crosses
 * clients, so every client shown gets an audit record of its own in this transaction.
 */
export async function listProviderAllocations(services: AccessServices, tx: Tx, ctx: AccessContext, providerAgb: string, filter: ProviderAllocationsFilter): Promise<Allocation[]> {
  const purpose = requirePurpose(ctx);
  const grant = await authorize(services, tx, ctx, { resource: 'allocation-list', action: 'read', detail: `allocations of provider ${providerAgb}` });
  if (purpose !== 'wmo' && purpose !== 'jeugdwet') return [];
  const provider = await contractFacts(tx, grant).providerByAgb(providerAgb);
  if (!provider) throw notFound({ nl: 'Deze zorgaanbieder is niet bekend bij uw gemeente.', en: 'This care provider is not known to your municipality.' });
  const rows = await allocationsForProvider(tx, provider.id, { ...filter, law: purpose });
  const subjects = [...new Set(rows.map((r) => r.subjectBsn))];
  await recordAccess(services, tx, ctx, grant, subjects.map((bsn) => ({ resource: 'allocation-list' as const, action: 'read' as const, subjectBsn: bsn, detail: `listed in the allocations of provider ${providerAgb}` })));
  return rows;
}
