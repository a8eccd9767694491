import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { writeCsvObjects } from '@kern/kit';
import type { z } from 'zod';
import { coreCatalogue } from './catalogue';
import { findIndicatorValues, findLocalIndicatorDefinitions, findTeams } from './insight.repository';
import { indicatorDefinitionSchema, type IndicatorDefinition, type IndicatorValue, type valuesQuerySchema } from './contract/insight.schema';

/** The core set plus the municipality's own indicators, each with its definition (traceability). */
export async function listIndicators(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<{ core: IndicatorDefinition[]; local: IndicatorDefinition[] }> {
  await authorize(services, tx, ctx, { resource: 'indicator', action: 'read', detail: 'indicator catalogue' });
  const local = (await findLocalIndicatorDefinitions(tx)).map((d) => indicatorDefinitionSchema.parse(d));
  return { core: coreCatalogue().indicators, local };
}

/** The municipality's own computed values (never another municipality's: row-level security). */
export async function readIndicatorValues(services: AccessServices, tx: Tx, ctx: AccessContext, q: z.infer<typeof valuesQuerySchema>): Promise<IndicatorValue[]> {
  await authorize(services, tx, ctx, { resource: 'indicator', action: q.format === 'csv' ? 'export' : 'read', detail: `indicator values ${q.indicator ?? 'all'} ${q.from ?? ''}..${q.to ?? ''}` });
  return findIndicatorValues(tx, q);
}

/**
 * The teams (with their area, the neighbourhood they serve) that the team filter of the
 * dashboard offers: the team dimension of every indicator cell. Names of organisational units,
 * no personal data.
 */
export async function listIndicatorTeams(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<{ id: string; name: string; area: string | null }[]> {
  await authorize(services, tx, ctx, { resource: 'indicator', action: 'read', detail: 'teams for the indicator filter' });
  return findTeams(tx);
}

/** Indicator values and benchmark rows for a download: aggregates only, counts stay numbers. */
export function toCsv<T extends Record<string, string | number | boolean | null>>(rows: T[], columns: (keyof T & string)[]): string {
  return writeCsvObjects(rows, columns);
}
