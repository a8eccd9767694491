import { authorize, holdsPersonalData, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { writeCsvObjects } from '@kern/kit';
import type { z } from 'zod';
import { coreCatalogue } from './catalogue';
import { listTeams } from '@kern/identity';
import { findIndicatorCells, findIndicatorValues, findLocalIndicatorDefinitions } from './insight.repository';
import { indicatorDefinitionSchema, type IndicatorDefinition, type ShownIndicatorValue, type valuesQuerySchema } from './contract/insight.schema';
import { indicatorCellKey, shownValue, suppressedCells } from './shown-values';

/** The core set plus the municipality's own indicators, each with its definition (traceability). */
export async function listIndicators(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<{ core: IndicatorDefinition[]; local: IndicatorDefinition[] }> {
  await authorize(services, tx, ctx, { resource: 'indicator', action: 'read', detail: 'indicator catalogue' });
  const local = (await findLocalIndicatorDefinitions(tx)).map((d) => indicatorDefinitionSchema.parse(d));
  return { core: coreCatalogue().indicators, local };
}

/**
 * The municipality's own computed values (never another municipality's: row-level security). A
 * role without personal data (quality analyst, administrator) sees cells on fewer than 5 clients
 * suppressed, their small counts as "< 5"; roles that may see the people see the figures.
 */
export async function readIndicatorValues(services: AccessServices, tx: Tx, ctx: AccessContext, q: z.infer<typeof valuesQuerySchema>): Promise<ShownIndicatorValue[]> {
  await authorize(services, tx, ctx, { resource: 'indicator', action: q.format === 'csv' ? 'export' : 'read', detail: `indicator values ${q.indicator ?? 'all'} ${q.from ?? ''}..${q.to ?? ''}` });
  const values = await findIndicatorValues(tx, q);
  const { document } = await services.policies.get(tx, ctx.actor.municipalityCode);
  if (holdsPersonalData(document, ctx.actor.roles)) return values.map((v) => ({ ...v, suppressed: false }));
  const units = new Map<string, string>([
    ...coreCatalogue().indicators.map((i) => [i.id, i.unit] as const),
    ...(await findLocalIndicatorDefinitions(tx)).map((d) => indicatorDefinitionSchema.parse(d)).map((i) => [i.id, i.unit] as const),
  ]);
  // Unknown unit: count, the cautious reading.
  const unitOf = (id: string) => units.get(id) ?? 'count';
  const hidden = suppressedCells(await findIndicatorCells(tx, q), unitOf);
  return values.map((v) => shownValue(v, hidden.has(indicatorCellKey(v)), unitOf(v.indicatorId)));
}

/**
 * The teams (with their area, the neighbourhood they serve) that the team filter of the
 * dashboard offers: the team dimension of every indicator cell. Names of organisational units,
 * no personal data.
 */
export async function listIndicatorTeams(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<{ id: string; name: string; area: string | null }[]> {
  await authorize(services, tx, ctx, { resource: 'indicator', action: 'read', detail: 'teams for the indicator filter' });
  return listTeams(tx);
}

/** Indicator values and benchmark rows for a download: aggregates only, counts stay numbers. */
export function toCsv<T extends Record<string, string | number | boolean | null>>(rows: T[], columns: (keyof T & string)[]): string {
  return writeCsvObjects(rows, columns);
}
