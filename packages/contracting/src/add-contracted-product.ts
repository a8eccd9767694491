import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { categoryValidity, productCodeKnown } from '@kern/catalogue';
import type { Tx } from '@kern/db';
import { conflict, invalidInput, newId, notFound } from '@kern/kit';
import { checkContractedProduct, periodCovers, periodsOverlap, summarise } from './contracting-rules';
import { findContract, findSameProduct, insertContractedProduct } from './contracting.repository';
import { standardOfLaw, type ContractedProduct, type ContractedProductInput } from './contract/contracting.schema';

/**
 * Adds a product to a contract with its tariff per unit and validity. A tariff change is a new
 * row from the day it applies (end the old one first): the same contract, category and product
 * never have two tariffs on one day, so contractedTariff has one answer.
 */
export async function addContractedProduct(services: AccessServices, tx: Tx, ctx: AccessContext, contractId: string, input: ContractedProductInput): Promise<ContractedProduct> {
  await authorize(services, tx, ctx, { resource: 'contracting', action: 'update', detail: `contract ${contractId}: product ${input.category}/${input.productCode ?? '*'}` });
  // Locking the contract serialises writers of its products, so the overlap check below holds.
  const contract = await findContract(tx, contractId, true);
  if (!contract) throw notFound({ nl: `Contract ${contractId} bestaat niet in uw gemeente.`, en: `Contract ${contractId} does not exist in your municipality.` });
  const standard = standardOfLaw[contract.law];
  const draft = {
    category: input.category, productCode: input.productCode ?? null, unit: input.unit, tariffCents: input.tariffCents,
    validFrom: input.validFrom, validTo: input.validTo ?? null,
  };
  const findings = checkContractedProduct(draft, contract);
  if (findings.length === 0) {
    const category = await categoryValidity(tx, standard, draft.category);
    if (!category || !periodCovers(category, draft)) {
      findings.push({ name: 'category', reason: 'not valid in the period', message: { nl: `Categorie ${draft.category} is niet de hele periode geldig.`, en: `Category ${draft.category} is not valid for the whole period.` } });
    } else if (draft.productCode !== null && !(await productCodeKnown(tx, { standard, category: draft.category, code: draft.productCode, on: draft.validFrom }))) {
      findings.push({ name: 'productCode', reason: 'unknown in the category', message: {
        nl: `Productcode ${draft.productCode} is op ${draft.validFrom} geen lokaal of landelijk product van categorie ${draft.category}.`,
        en: `Product code ${draft.productCode} is not a local or national product of category ${draft.category} on ${draft.validFrom}.`,
      } });
    }
  }
  if (findings.length > 0) throw invalidInput(summarise(findings), findings.map(({ name, reason }) => ({ name, reason })));
  const clash = (await findSameProduct(tx, contract.id, draft.category, draft.productCode)).find((p) => periodsOverlap(p, draft));
  if (clash) {
    throw conflict({
      nl: `Dit contract heeft voor ${draft.category}/${draft.productCode ?? 'de hele categorie'} al een tarief van ${clash.validFrom} tot ${clash.validTo ?? 'nader order'}; laat dat eerst eindigen.`,
      en: `This contract already has a tariff for ${draft.category}/${draft.productCode ?? 'the whole category'} from ${clash.validFrom} to ${clash.validTo ?? 'further notice'}; end that one first.`,
    });
  }
  const product: ContractedProduct = { id: newId(), contractId: contract.id, standard, ...draft };
  await insertContractedProduct(tx, { ...product, municipalityCode: ctx.actor.municipalityCode, createdAt: services.clock.now().toISOString() });
  return product;
}
