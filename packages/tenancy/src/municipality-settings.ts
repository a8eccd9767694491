import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { notFound } from '@kern/kit';
import type { z } from 'zod';
import { findRegionsOf, findSettings, upsertSettings } from './tenancy.repository';
import { municipalitySettingsSchema, type MunicipalitySettings, type settingsOutputSchema, type settingsUpdateSchema } from './contract';

/** The settings of the municipality in scope, for modules that follow one (no personal data; defaults where unset). */
export async function municipalitySettings(tx: Tx): Promise<MunicipalitySettings> {
  return municipalitySettingsSchema.parse((await findSettings(tx))?.settings ?? {});
}

export async function readSettings(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<z.infer<typeof settingsOutputSchema>> {
  await authorize(services, tx, ctx, { resource: 'municipality-settings', action: 'read' });
  const row = await findSettings(tx);
  if (!row) throw notFound({ nl: 'Deze gemeente is nog niet ingericht.', en: 'This municipality has not been set up yet.' });
  return {
    municipalityCode: row.municipalityCode,
    displayName: row.displayName,
    active: row.active,
    settings: municipalitySettingsSchema.parse(row.settings),
    regions: await findRegionsOf(tx, row.municipalityCode),
  };
}

export async function updateSettings(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof settingsUpdateSchema>,
): Promise<z.infer<typeof settingsOutputSchema>> {
  await authorize(services, tx, ctx, { resource: 'municipality-settings', action: 'update', detail: `keys ${Object.keys(input.settings ?? {}).join(',') || '-'}` });
  const row = await findSettings(tx);
  if (!row) throw notFound({ nl: 'Deze gemeente is nog niet ingericht.', en: 'This municipality has not been set up yet.' });
  const merged = municipalitySettingsSchema.parse({ ...(row.settings as object), ...input.settings });
  await upsertSettings(tx, row.municipalityCode, input.displayName ?? row.displayName, merged);
  return readSettings(services, tx, ctx);
}
