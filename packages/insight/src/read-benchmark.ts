import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput } from '@kern/kit';
import { coreIndicator } from './catalogue';
import { findComparison, findParticipation, findPublishedAggregates, latestPopulation, saveParticipation } from './insight.repository';
import type { BenchmarkRow } from './contract/insight.schema';
import { sizeClassOf } from './publish-benchmark';

/**
 * The municipality against peers of similar size and the national median. Its own line comes
 * from its own (unpublished, RLS-scoped) values; everything about others comes from published,
 * suppressed aggregates only.
 */
export async function compareWithPeers(services: AccessServices, tx: Tx, ctx: AccessContext, q: { indicator: string; law: string }) {
  await authorize(services, tx, ctx, { resource: 'benchmark', action: 'read', detail: `benchmark ${q.indicator}` });
  if (!coreIndicator(q.indicator)) {
    throw invalidInput({ nl: 'Alleen kernindicatoren zijn vergelijkbaar tussen gemeenten.', en: 'Only core indicators are comparable across municipalities.' }, [{ name: 'indicator', reason: 'not a core indicator' }]);
  }
  const residents = await latestPopulation(tx, ctx.actor.municipalityCode);
  const sizeClass = residents === null ? null : sizeClassOf(residents);
  return { indicatorId: q.indicator, sizeClass, optedIn: await findParticipation(tx), rows: await findComparison(tx, { ...q, sizeClass }) };
}

export async function exportBenchmark(services: AccessServices, tx: Tx, ctx: AccessContext, q: { indicator?: string | undefined }): Promise<BenchmarkRow[]> {
  await authorize(services, tx, ctx, { resource: 'benchmark', action: 'export', detail: `benchmark export ${q.indicator ?? 'all'}` });
  return findPublishedAggregates(tx, q);
}

export const benchmarkColumns = ['municipalityCode', 'indicatorId', 'period', 'law', 'sizeClass', 'numerator', 'denominator', 'value', 'suppressed', 'definitionVersion'] as const;

/** Opting in or out takes effect with the next publish job. */
export async function setBenchmarkParticipation(services: AccessServices, tx: Tx, ctx: AccessContext, optedIn: boolean): Promise<{ optedIn: boolean }> {
  await authorize(services, tx, ctx, { resource: 'benchmark', action: 'update', detail: optedIn ? 'opt in to benchmark' : 'opt out of benchmark' });
  await saveParticipation(tx, { municipalityCode: ctx.actor.municipalityCode, optedIn, by: ctx.actor.id, at: services.clock.now() });
  return { optedIn };
}
