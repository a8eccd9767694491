import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { validateLocalIndicator } from './catalogue';
import { upsertLocalIndicator } from './insight.repository';
import type { IndicatorDefinition } from './contract/insight.schema';

/** A municipality's own indicator, validated like the core set; computed from the next refresh on. */
export async function defineLocalIndicator(services: AccessServices, tx: Tx, ctx: AccessContext, input: unknown): Promise<IndicatorDefinition> {
  await authorize(services, tx, ctx, { resource: 'indicator', action: 'create', detail: 'local indicator' });
  const def = validateLocalIndicator(input);
  await upsertLocalIndicator(tx, { municipalityCode: ctx.actor.municipalityCode, id: def.id, version: def.version, definition: def, createdBy: ctx.actor.id, at: services.clock.now() });
  return def;
}
