import type { Tx } from '@kern/db';
import { conflict, invalidInput } from '@kern/kit';
import { checkLocalProduct, periodsOverlap, summarise } from './catalogue-rules';
import { findCategory, findNationalVersions, findVersionsOfLocalCode } from './catalogue.repository';
import type { LocalProduct } from './contract/catalogue.schema';

/**
 * Checks a local product as it would be stored, against the national catalogue and the other
 * versions of its local code (locked until the transaction ends). Throws before anything is
 * written: 400 for input that breaks a rule, 409 for a period that overlaps another version.
 */
export async function assertStorableLocalProduct(tx: Tx, municipalityCode: string, draft: Omit<LocalProduct, 'id' | 'name'> & { id?: string }): Promise<void> {
  const category = await findCategory(tx, draft.standard, draft.category);
  const versions = draft.nationalCode ? await findNationalVersions(tx, draft.standard, draft.nationalCode) : [];
  const findings = checkLocalProduct(draft, category, versions);
  if (findings.length > 0) throw invalidInput(summarise(findings), findings.map(({ name, reason }) => ({ name, reason })));
  const others = (await findVersionsOfLocalCode(tx, municipalityCode, draft.standard, draft.localCode)).filter((v) => v.id !== draft.id);
  const clash = others.find((v) => periodsOverlap(v, draft));
  if (clash) {
    throw conflict({
      nl: `Lokale code ${draft.localCode} bestaat al van ${clash.validFrom} tot ${clash.validTo ?? 'nader order'}; laat die eerst eindigen.`,
      en: `Local code ${draft.localCode} already exists from ${clash.validFrom} to ${clash.validTo ?? 'further notice'}; end that one first.`,
    });
  }
}
