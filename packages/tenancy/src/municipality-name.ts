import type { Tx } from '@kern/db';
import { findMunicipality } from './tenancy.repository';

/** A municipality's name by CBS code (public reference data), for modules that show it; undefined for an unknown code. */
export async function municipalityName(tx: Tx, code: string): Promise<string | undefined> {
  return (await findMunicipality(tx, code))?.name;
}
