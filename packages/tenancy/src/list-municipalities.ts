import { withSystem, type AnyDb } from '@kern/db';
import { notFound } from '@kern/kit';
import { findMunicipalities, findMunicipality } from './tenancy.repository';
import type { Municipality } from './contract';

/** Reference data, the same for everyone: no tenant, no personal data. */
export async function listMunicipalities(db: AnyDb, q: string | undefined): Promise<Municipality[]> {
  return withSystem(db, (tx) => findMunicipalities(tx, q));
}

export async function getMunicipality(db: AnyDb, code: string): Promise<Municipality> {
  const m = await withSystem(db, (tx) => findMunicipality(tx, code));
  if (!m) throw notFound({ nl: `Er is geen gemeente met code ${code}.`, en: `There is no municipality with code ${code}.` });
  return m;
}

/** Whether Kern knows a municipality with this CBS code (a command-line option, say). */
export async function municipalityExists(db: AnyDb, code: string): Promise<boolean> {
  return (await withSystem(db, (tx) => findMunicipality(tx, code))) !== undefined;
}
