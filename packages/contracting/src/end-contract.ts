import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, type Tx } from '@kern/db';
import { conflict, invalidInput, notFound } from '@kern/kit';
import { clipContractedProducts, findContract, findContractedProducts, setContractEnd } from './contracting.repository';
import type { ContractDetail } from './contract/contracting.schema';

/**
 * Ends a contract on a day: its products end that day at the latest. A contract can be ended
 * earlier than planned but not before it starts or before a product of it starts (change that
 * product first), and an ended contract is not reopened here.
 */
export async function endContract(services: AccessServices, tx: Tx, ctx: AccessContext, id: string, validTo: string): Promise<ContractDetail> {
  await authorize(services, tx, ctx, { resource: 'contracting', action: 'update', detail: `end contract ${id} on ${validTo}` });
  const contract = await findContract(tx, id, true);
  if (!contract) throw notFound({ nl: `Contract ${id} bestaat niet in uw gemeente.`, en: `Contract ${id} does not exist in your municipality.` });
  if (validTo < contract.validFrom) {
    throw invalidInput({ nl: `Een contract kan niet eindigen voor het begint (${contract.validFrom}).`, en: `A contract cannot end before it starts (${contract.validFrom}).` }, [{ name: 'validTo', reason: 'before validFrom' }]);
  }
  if (contract.validTo !== null && validTo > contract.validTo) {
    throw conflict({ nl: `Het contract eindigt al op ${contract.validTo}; verlengen is een nieuw contract.`, en: `The contract already ends on ${contract.validTo}; extending it is a new contract.` });
  }
  const later = (await findContractedProducts(tx, id)).find((p) => p.validFrom > validTo);
  if (later) {
    throw conflict({
      nl: `Product ${later.category}/${later.productCode ?? '*'} begint pas op ${later.validFrom}; pas dat eerst aan.`,
      en: `Product ${later.category}/${later.productCode ?? '*'} only starts on ${later.validFrom}; change it first.`,
    });
  }
  await setContractEnd(tx, id, validTo);
  await clipContractedProducts(tx, id, validTo);
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'contracting.contract-ended', occurredOn: validTo, subjectRef: id, law: contract.law, data: { fundingModel: contract.fundingModel } }]);
  return { ...contract, validTo, products: await findContractedProducts(tx, id) };
}
