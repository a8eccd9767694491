import { beginAuditLog } from '@kern/access';
import { withSystem, withTenant, type AnyDb } from '@kern/db';
import { notFound } from '@kern/kit';
import { cbsMunicipalities } from './municipalities';
import { findMunicipality, upsertMunicipalities, upsertSettings } from './tenancy.repository';
import { municipalitySettingsSchema } from './contract';

/** Loads (or refreshes) the 342 municipalities of the CBS list. Idempotent. */
export async function loadMunicipalities(db: AnyDb): Promise<number> {
  const list = cbsMunicipalities();
  await withSystem(db, (tx) => upsertMunicipalities(tx, list));
  return list.length;
}

/**
 * Starts a municipality as a tenant of this Kern: its settings row and the genesis of its
 * audit chain. Runs as the tenant, so it cannot touch another municipality's rows.
 */
export async function activateMunicipality(db: AnyDb, code: string): Promise<void> {
  const municipality = await withSystem(db, (tx) => findMunicipality(tx, code));
  if (!municipality) {
    throw notFound({ nl: `Gemeentecode ${code} staat niet in de CBS-lijst.`, en: `Municipality code ${code} is not in the CBS list.` });
  }
  await withTenant(db, code, async (tx) => {
    await upsertSettings(tx, code, `Gemeente ${municipality.name}`, municipalitySettingsSchema.parse({}));
    await beginAuditLog(tx, code);
  });
}
