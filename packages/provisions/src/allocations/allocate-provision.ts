import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { contractFacts } from '@kern/contracting';
import { appendDomainEvents, clientPseudonym, type Tx } from '@kern/db';
import { DomainError, invalidInput, newId, notFound, type InvalidParam, type UserMessage } from '@kern/kit';
import { findGrantedProvision, lockGrantedProvision } from '../decisions/decisions.repository';
import { validateVariant } from '../decisions/variant';
import { findAllocationByNumber, findAllocationHistory, findAllocationsOfProvision, insertAllocation, insertAllocationChange, nextToewijzingNummer, type AllocationState } from './allocations.repository';
import { allocateInputSchema, type AllocateInput, type Allocation, type AllocationDetail } from '../contract/allocations.schema';
import { withProviderName } from './provider-names';
import type { InvoicedCare } from './invoiced-care';

/** What the provisions use cases need: access and, optionally, the invoice port. */
import type { DecisionRecorded } from '../decisions/record-decision';

export interface ProvisionsServices extends AccessServices {
  /** Paid care an ending or withdrawal must respect; without it nothing counts as invoiced. */
  invoicedCare?: InvoicedCare | undefined;
  /** Called in the transaction of a recorded decision: the server wires @kern/letters' beschikking letter here. */
  decisionRecorded?: DecisionRecorded | undefined;
}

/** Collects every problem with an input before refusing it as a whole (nothing is written). */
export class Problems {
  private readonly params: InvalidParam[] = [];
  private readonly messages: UserMessage[] = [];
  add(name: string, nl: string, en: string): void {
    this.params.push({ name, reason: en });
    this.messages.push({ nl, en });
  }
  get any(): boolean {
    return this.params.length > 0;
  }
  throwIfAny(): void {
    if (this.any) throw invalidInput({ nl: this.messages.map((m) => m.nl).join(' '), en: this.messages.map((m) => m.en).join(' ') }, this.params);
  }
}

const overlaps = (a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }) =>
  (a.endDate === null || a.endDate >= b.startDate) && (b.endDate === null || b.endDate >= a.startDate);

export const lawOfStandard = (s: 'iwmo' | 'ijw'): 'wmo' | 'jeugdwet' => (s === 'iwmo' ? 'wmo' : 'jeugdwet');

export const stateOf = (a: Pick<Allocation, keyof AllocationState>): AllocationState => ({
  startDate: a.startDate, endDate: a.endDate, volume: a.volume, unit: a.unit, frequency: a.frequency, budgetCents: a.budgetCents,
  changeReason: a.changeReason, endingReason: a.endingReason, status: a.status,
});

/**
 * The allocations of one provision running at the same time stay within what was granted,
 * counted under the provision's lock so two writers cannot both fit. `except` is the allocation
 * being changed (its old state does not count against its new one).
 */
export async function checkTogetherWithinGrant(
  tx: Tx,
  p: { id: string; volume: number | null; budgetCents: number | null },
  next: { startDate: string; endDate: string | null; volume: number | null; budgetCents: number | null },
  except: string | null,
  problems: Problems,
): Promise<void> {
  await lockGrantedProvision(tx, p.id);
  const others = (await findAllocationsOfProvision(tx, p.id)).filter((a) => a.id !== except && a.status !== 'withdrawn' && overlaps(a, next));
  if (next.volume !== null && p.volume !== null && others.reduce((s, a) => s + (a.volume ?? 0), 0) + next.volume > p.volume) {
    problems.add('volume', `Samen met de lopende toewijzingen gaat dit boven het toegekende volume (${p.volume}).`, `Together with the running allocations this exceeds the granted volume (${p.volume}).`);
  }
  if (next.budgetCents !== null && p.budgetCents !== null && others.reduce((s, a) => s + (a.budgetCents ?? 0), 0) + next.budgetCents > p.budgetCents) {
    problems.add('budgetCents', 'Samen met de lopende toewijzingen gaat dit boven het toegekende budget.', 'Together with the running allocations this exceeds the granted budget.');
  }
}

/**
 * Allocates a granted zin provision to a contracted provider (toewijzing): a new ToewijzingNummer
 * of the municipality, the variant and period within the provision's, the provider contracted for
 * the product on the start date. Writes the allocation, its first history row and
 * `provisions.allocated`, all in the caller's transaction.
 */
export async function allocateProvision(services: ProvisionsServices, tx: Tx, ctx: AccessContext, raw: AllocateInput): Promise<AllocationDetail> {
  const input = allocateInputSchema.parse(raw);
  const purpose = requirePurpose(ctx);
  const p = await findGrantedProvision(tx, input.grantedProvisionId);
  if (!p) throw notFound({ nl: 'Deze toegekende voorziening bestaat niet.', en: 'This granted provision does not exist.' });
  // Access first: who may not see this resident learns nothing about the law it falls under (and the denial is audited).
  const grant = await authorize(services, tx, ctx, { resource: 'allocation', action: 'create', subjectBsn: p.subjectBsn, detail: `allocation of provision ${p.id}` });
  if (p.law !== purpose) {
    throw new DomainError('forbidden', { nl: `Deze voorziening valt onder de ${p.law}; werk onder dat doel.`, en: `This provision falls under the ${p.law}; work under that purpose.` });
  }
  if (p.form !== 'zin') {
    throw new DomainError('conflict', { nl: 'Een pgb wordt aan de cliënt betaald en niet aan een aanbieder toegewezen.', en: 'A pgb is paid to the client and not allocated to a provider.' });
  }

  const endDate = input.endDate === undefined ? p.validTo : input.endDate;
  const volume = input.volume === undefined || input.volume === null ? p.volume : input.volume;
  const budgetCents = input.budgetCents === undefined || input.budgetCents === null ? p.budgetCents : input.budgetCents;
  const problems = new Problems();
  if (input.startDate < p.validFrom) problems.add('startDate', `De toewijzing kan niet beginnen voor de voorziening (${p.validFrom}).`, `The allocation cannot start before the provision (${p.validFrom}).`);
  if (p.validTo !== null && (endDate === null || endDate > p.validTo)) problems.add('endDate', `De toewijzing loopt uiterlijk tot het einde van de voorziening (${p.validTo}).`, `The allocation runs until the provision's end (${p.validTo}) at the latest.`);
  if (p.validTo !== null && input.startDate > p.validTo) problems.add('startDate', 'De toewijzing begint na het einde van de voorziening.', 'The allocation starts after the provision ends.');
  if (input.volume !== undefined && input.volume !== null && p.volume === null) problems.add('volume', 'Deze voorziening heeft geen volume.', 'This provision has no volume.');
  if (input.budgetCents !== undefined && input.budgetCents !== null && p.budgetCents === null) problems.add('budgetCents', 'Deze voorziening heeft geen budget.', 'This provision has no budget.');
  if (volume !== null && p.volume !== null && volume > p.volume) problems.add('volume', `Meer dan het toegekende volume (${p.volume}).`, `More than the granted volume (${p.volume}).`);
  if (budgetCents !== null && p.budgetCents !== null && budgetCents > p.budgetCents) problems.add('budgetCents', 'Meer dan het toegekende budget.', 'More than the granted budget.');
  const v = validateVariant(p.law, { category: p.category, productCode: p.productCode, volume, unit: p.unit, frequency: p.frequency, budgetCents, validFrom: input.startDate, validTo: endDate });
  if (!v.ok) for (const pr of v.problems) problems.add(pr.name, pr.message.nl, pr.message.en);
  problems.throwIfAny();

  await checkTogetherWithinGrant(tx, p, { startDate: input.startDate, endDate, volume, budgetCents }, null, problems);
  problems.throwIfAny();

  // Contracting answers under this allocation's grant: is the provider contracted for the product that day?
  const contract = await contractFacts(tx, grant).contractFor({
    providerAgb: input.providerAgb, law: p.law, standard: p.standard, category: p.category, productCode: p.productCode, on: input.startDate,
  });
  if (!contract) {
    problems.add('providerAgb', `Aanbieder ${input.providerAgb} heeft op ${input.startDate} geen contract voor categorie ${p.category}${p.productCode ? ` product ${p.productCode}` : ''}.`,
      `Provider ${input.providerAgb} holds no contract for category ${p.category}${p.productCode ? ` product ${p.productCode}` : ''} on ${input.startDate}.`);
  } else if (p.unit !== null && contract.unit !== p.unit) {
    problems.add('providerAgb', `Het contract van deze aanbieder rekent in eenheid ${contract.unit}, de voorziening in ${p.unit}.`, `This provider's contract counts in unit ${contract.unit}, the provision in ${p.unit}.`);
  }
  problems.throwIfAny();
  if (!contract) throw new Error('unreachable');

  const now = services.clock.now().toISOString();
  const nummer = await nextToewijzingNummer(tx, ctx.actor.municipalityCode);
  const id = newId();
  const state: AllocationState = { startDate: input.startDate, endDate, volume, unit: p.unit, frequency: p.frequency, budgetCents, changeReason: null, endingReason: null, status: 'active' };
  await insertAllocation(tx, {
    ...state, id, municipalityCode: ctx.actor.municipalityCode, grantedProvisionId: p.id, toewijzingNummer: nummer, subjectBsn: p.subjectBsn,
    providerId: contract.providerId, providerAgb: contract.providerAgb, contractId: contract.contractId, standard: p.standard, category: p.category,
    productCode: p.productCode, allocatedAt: now, createdBy: ctx.actor.id,
  });
  await insertAllocationChange(tx, { id: newId(), municipalityCode: ctx.actor.municipalityCode, allocationId: id, kind: 'created', reason: null, state, changedAt: now, changedBy: ctx.actor.id });
  await appendDomainEvents(tx, [{
    municipalityCode: ctx.actor.municipalityCode,
    type: 'provisions.allocated',
    occurredOn: input.startDate,
    subjectRef: await clientPseudonym(tx, ctx.actor.municipalityCode, p.subjectBsn),
    law: p.law,
    data: { category: p.category, productCode: p.productCode, unit: p.unit, frequency: p.frequency, volume, budgetCents, variant: v.ok ? v.kind : null, providerAgb: contract.providerAgb },
  }]);
  return allocationDetail(tx, nummer);
}

export async function allocationDetail(tx: Tx, nummer: string): Promise<AllocationDetail> {
  const a = await withProviderName(tx, await findAllocationByNumber(tx, nummer));
  if (!a) throw new Error(`allocation ${nummer} missing`);
  return { ...a, history: await findAllocationHistory(tx, a.id) };
}
