import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, type Tx } from '@kern/db';
import { conflict, invalidInput, newId, notFound } from '@kern/kit';
import { regionsOf } from '@kern/tenancy';
import { checkContract, summarise } from './contracting-rules';
import { contractReferenceExists, findContract, findProvider, insertContract, isUniqueViolation } from './contracting.repository';
import type { Contract, ContractInput } from './contract/contracting.schema';

/**
 * Records a contract with a care provider: the municipality's own, or one its region bought on its
 * behalf (the region must be one the municipality is a member of). The funding model decides the
 * money: taakgericht carries a budget, inspanningsgericht and outputgericht are paid per unit at
 * the tariffs of their contracted products.
 */
export async function concludeContract(services: AccessServices, tx: Tx, ctx: AccessContext, input: ContractInput): Promise<Contract> {
  await authorize(services, tx, ctx, { resource: 'contracting', action: 'create', detail: `contract ${input.reference}` });
  const draft = { fundingModel: input.fundingModel, budgetCents: input.budgetCents ?? null, validFrom: input.validFrom, validTo: input.validTo ?? null };
  const findings = checkContract(draft);
  if (findings.length > 0) throw invalidInput(summarise(findings), findings.map(({ name, reason }) => ({ name, reason })));
  const provider = await findProvider(tx, input.providerId);
  if (!provider) throw notFound({ nl: `Zorgaanbieder ${input.providerId} bestaat niet in uw gemeente.`, en: `Care provider ${input.providerId} does not exist in your municipality.` });
  const region = input.region ?? null;
  if (region !== null) {
    const regions = await regionsOf(tx, ctx.actor.municipalityCode);
    if (!regions.some((r) => r.id === region)) {
      throw invalidInput(
        { nl: `Uw gemeente is geen lid van regio ${region}.`, en: `Your municipality is not a member of region ${region}.` },
        [{ name: 'region', reason: 'not a region of the municipality' }],
      );
    }
  }
  const reference = input.reference.trim();
  const duplicate = () => conflict({ nl: `Er is al een contract met kenmerk ${reference}.`, en: `A contract with reference ${reference} already exists.` });
  if (await contractReferenceExists(tx, reference)) throw duplicate();
  const id = newId();
  const now = services.clock.now();
  try {
    await insertContract(tx, { id, municipalityCode: ctx.actor.municipalityCode, providerId: provider.id, reference, region, law: input.law, ...draft, createdAt: now.toISOString(), createdBy: ctx.actor.id });
  } catch (e) {
    throw isUniqueViolation(e) ? duplicate() : e;
  }
  await appendDomainEvents(tx, [{
    municipalityCode: ctx.actor.municipalityCode, type: 'contracting.contract-concluded', occurredOn: input.validFrom, subjectRef: id, law: input.law,
    data: { fundingModel: input.fundingModel, budgetCents: draft.budgetCents, regional: region !== null },
  }]);
  const contract = await findContract(tx, id);
  if (!contract) throw new Error(`contract ${id} vanished within its own transaction`);
  return contract;
}
