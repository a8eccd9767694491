import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { appendDomainEvents, clientPseudonym, type Tx } from '@kern/db';
import { DomainError, newId, notFound } from '@kern/kit';
import { findGrantedProvision } from '../decisions/decisions.repository';
import { validateVariant } from '../decisions/variant';
import { allocationDetail, checkTogetherWithinGrant, lawOfStandard, Problems, stateOf, type ProvisionsServices } from './allocate-provision';
import { findAllocationByNumber, insertAllocationChange, lastChangeAt, updateAllocationState, type AllocationRecord, type AllocationState } from './allocations.repository';
import { changeAllocationInputSchema, endAllocationInputSchema, type AllocationDetail, type ChangeAllocationInput, type EndAllocationInput } from '../contract/allocations.schema';
import { nothingInvoiced } from './invoiced-care';
import { checkChangeReason, resolveEndingReasons } from './reason-codes';

type Kind = 'changed' | 'ended' | 'withdrawn';

/** Loads an allocation for a change under the actor's purpose: locked, authorized, still running. */
async function loadForChange(services: AccessServices, tx: Tx, ctx: AccessContext, nummer: string, what: string, allowEnded = false): Promise<AllocationRecord> {
  const purpose = requirePurpose(ctx);
  const a = await findAllocationByNumber(tx, nummer, true);
  if (!a) throw notFound({ nl: 'Deze toewijzing bestaat niet.', en: 'This allocation does not exist.' });
  const law = lawOfStandard(a.standard);
  // Access first: who may not see this resident learns nothing about the law it falls under (and the denial is audited).
  await authorize(services, tx, ctx, { resource: 'allocation', action: 'update', subjectBsn: a.subjectBsn, detail: `${what} allocation ${a.toewijzingNummer}` });
  if (law !== purpose) throw new DomainError('forbidden', { nl: `Deze toewijzing valt onder de ${law}; werk onder dat doel.`, en: `This allocation falls under the ${law}; work under that purpose.` });
  if (a.status === 'withdrawn' || (a.status === 'ended' && !allowEnded)) {
    throw new DomainError('conflict', {
      nl: a.status === 'withdrawn' ? 'Deze toewijzing is ingetrokken en kan niet meer veranderen.' : 'Deze toewijzing is beëindigd en kan niet meer veranderen.',
      en: a.status === 'withdrawn' ? 'This allocation was withdrawn and can no longer change.' : 'This allocation has ended and can no longer change.',
    });
  }
  return a;
}

/** Care already paid on the allocation cannot be taken back by a shorter end date or a withdrawal. */
async function checkInvoicedCare(services: ProvisionsServices, tx: Tx, a: AllocationRecord, endDate: string | null, problems: Problems, withdrawing = false): Promise<void> {
  const last = await (services.invoicedCare ?? nothingInvoiced).lastInvoicedDay(tx, { providerAgb: a.providerAgb, toewijzingNummer: a.toewijzingNummer });
  if (last === null) return;
  if (withdrawing) {
    problems.add('toewijzingNummer', `Op deze toewijzing is al zorg gedeclareerd en goedgekeurd (tot en met ${last}); intrekken kan niet meer. Beëindig de toewijzing na die dag, of laat de aanbieder eerst crediteren.`, `Care on this allocation has already been invoiced and approved (up to ${last}); it can no longer be withdrawn. End the allocation after that day, or have the provider credit it first.`);
  } else if (endDate !== null && endDate < last) {
    problems.add('endDate', `Op deze toewijzing is al zorg goedgekeurd tot en met ${last}; de einddatum kan niet eerder liggen.`, `Care on this allocation has been approved up to ${last}; the end date cannot be earlier.`);
  }
}

/** Writes the new state, its history row (strictly after the previous one) and the domain event. */
async function apply(services: AccessServices, tx: Tx, ctx: AccessContext, a: AllocationRecord, kind: Kind, reason: string | null, next: AllocationState, data: Record<string, string | number | null>): Promise<AllocationDetail> {
  const now = services.clock.now();
  const last = await lastChangeAt(tx, a.id);
  const at = new Date(Math.max(now.getTime(), (last?.getTime() ?? 0) + 1)).toISOString();
  await updateAllocationState(tx, a.id, next, at);
  await insertAllocationChange(tx, { id: newId(), municipalityCode: ctx.actor.municipalityCode, allocationId: a.id, kind, reason, state: next, changedAt: at, changedBy: ctx.actor.id });
  await appendDomainEvents(tx, [{
    municipalityCode: ctx.actor.municipalityCode,
    type: `provisions.allocation-${kind}`,
    occurredOn: at.slice(0, 10),
    subjectRef: await clientPseudonym(tx, ctx.actor.municipalityCode, a.subjectBsn),
    law: lawOfStandard(a.standard),
    data: { category: a.category, productCode: a.productCode, ...data },
  }]);
  return allocationDetail(tx, a.toewijzingNummer);
}

/** Checks a new state against the granted provision (period, size) and the variant tables. */
async function checkAgainstProvision(tx: Tx, a: AllocationRecord, next: AllocationState, problems: Problems): Promise<void> {
  const p = await findGrantedProvision(tx, a.grantedProvisionId);
  if (!p) throw new Error(`provision ${a.grantedProvisionId} of allocation ${a.toewijzingNummer} missing`);
  if (next.endDate !== null && next.endDate < next.startDate) problems.add('endDate', 'De einddatum ligt voor de ingangsdatum.', 'The end date lies before the start date.');
  if (p.validTo !== null && (next.endDate === null || next.endDate > p.validTo)) problems.add('endDate', `De toewijzing loopt uiterlijk tot het einde van de voorziening (${p.validTo}).`, `The allocation runs until the provision's end (${p.validTo}) at the latest.`);
  if (next.volume !== null && p.volume !== null && next.volume > p.volume) problems.add('volume', `Meer dan het toegekende volume (${p.volume}).`, `More than the granted volume (${p.volume}).`);
  if (next.budgetCents !== null && p.budgetCents !== null && next.budgetCents > p.budgetCents) problems.add('budgetCents', 'Meer dan het toegekende budget.', 'More than the granted budget.');
  const v = validateVariant(p.law, { category: a.category, productCode: a.productCode, volume: next.volume, unit: next.unit, frequency: next.frequency, budgetCents: next.budgetCents, validFrom: next.startDate, validTo: next.endDate });
  if (!v.ok) for (const pr of v.problems) problems.add(pr.name, pr.message.nl, pr.message.en);
  // A larger volume or budget, or a longer period, must still fit beside the provision's other allocations.
  if (!problems.any) await checkTogetherWithinGrant(tx, p, next, a.id, problems);
}

/**
 * Changes a running allocation (OP033x1): a new end date (shorter or longer), the volume when
 * the frequency is "total within the period", or the budget, with a RedenWijziging. The
 * ToewijzingNummer stays; the history keeps every state.
 */
export async function changeAllocation(services: ProvisionsServices, tx: Tx, ctx: AccessContext, nummer: string, raw: ChangeAllocationInput): Promise<AllocationDetail> {
  const input = changeAllocationInputSchema.parse(raw);
  const a = await loadForChange(services, tx, ctx, nummer, 'change');
  const problems = new Problems();
  const reason = checkChangeReason(input.reason);
  if (!reason.ok) problems.add('reason', reason.message.nl, reason.message.en);
  if (input.endDate === undefined && input.volume === undefined && input.budgetCents === undefined) {
    problems.add('endDate', 'Geef aan wat er verandert: einddatum, volume of budget.', 'Say what changes: end date, volume or budget.');
  }
  if (input.volume !== undefined && a.volume === null) problems.add('volume', 'Deze toewijzing heeft geen volume.', 'This allocation has no volume.');
  if (input.volume !== undefined && a.volume !== null && a.frequency !== '6') {
    problems.add('volume', 'Het volume mag alleen wijzigen bij frequentie "totaal binnen de geldigheidsduur"; beëindig de toewijzing en wijs opnieuw toe.', 'The volume may only change with frequency "total within the period"; end the allocation and allocate anew.');
  }
  if (input.budgetCents !== undefined && a.budgetCents === null) problems.add('budgetCents', 'Deze toewijzing heeft geen budget.', 'This allocation has no budget.');
  const endDate = input.endDate === undefined ? a.endDate : input.endDate;
  if (input.reason === '04' && !(a.endDate !== null && (endDate === null || endDate > a.endDate))) {
    problems.add('endDate', 'Reden 04 (verlenging) vraagt een latere einddatum.', 'Reason 04 (extension) needs a later end date.');
  }
  if (input.reason === '05' && endDate !== null && a.endDate !== null && endDate > a.endDate) {
    problems.add('endDate', 'Reden 05 (verkorting) kan de toewijzing niet verlengen.', 'Reason 05 (shortening) cannot extend the allocation.');
  }
  const next: AllocationState = { ...stateOf(a), endDate, volume: input.volume ?? a.volume, budgetCents: input.budgetCents ?? a.budgetCents, changeReason: input.reason };
  if (!problems.any) await checkAgainstProvision(tx, a, next, problems);
  if (!problems.any) await checkInvoicedCare(services, tx, a, next.endDate, problems);
  problems.throwIfAny();
  return apply(services, tx, ctx, a, 'changed', input.reason, next, { reason: input.reason, endDate: next.endDate, volume: next.volume, budgetCents: next.budgetCents });
}

/**
 * Ends a running allocation on a day with a RedenBeeindiging (WMO588/JZ588) and the RedenWijziging
 * that goes with it; an ending never lengthens the allocation.
 */
export async function endAllocation(services: ProvisionsServices, tx: Tx, ctx: AccessContext, nummer: string, raw: EndAllocationInput): Promise<AllocationDetail> {
  const input = endAllocationInputSchema.parse(raw);
  const a = await loadForChange(services, tx, ctx, nummer, 'end');
  const problems = new Problems();
  const reasons = resolveEndingReasons(a.standard, { changeReason: input.changeReason, endingReason: input.endingReason });
  if (!reasons.ok) problems.add(reasons.field, reasons.message.nl, reasons.message.en);
  if (input.endDate < a.startDate) problems.add('endDate', 'De einddatum ligt voor de ingangsdatum; trek de toewijzing in als zij ten onrechte is verstuurd.', 'The end date lies before the start date; withdraw the allocation if it was sent in error.');
  if (a.endDate !== null && input.endDate > a.endDate) problems.add('endDate', `Beëindigen kan niet later dan de huidige einddatum (${a.endDate}); verleng met een wijziging.`, `Ending cannot be later than the current end date (${a.endDate}); extend with a change.`);
  if (!problems.any) await checkInvoicedCare(services, tx, a, input.endDate, problems);
  problems.throwIfAny();
  if (!reasons.ok) throw new Error('unreachable');
  const next: AllocationState = { ...stateOf(a), endDate: input.endDate, changeReason: reasons.changeReason, endingReason: reasons.endingReason, status: 'ended' };
  return apply(services, tx, ctx, a, 'ended', reasons.endingReason, next, { endingReason: reasons.endingReason, changeReason: reasons.changeReason, endDate: input.endDate });
}

/**
 * Withdraws an allocation sent in error (RedenWijziging 13 "Verwijderd"): the end date becomes the
 * start date and the allocation counts as never sent, so nothing can be invoiced on it. Refused
 * once approved care was invoiced on it (the InvoicedCare port).
 */
export async function withdrawAllocation(services: ProvisionsServices, tx: Tx, ctx: AccessContext, nummer: string): Promise<AllocationDetail> {
  const a = await loadForChange(services, tx, ctx, nummer, 'withdraw', true);
  const problems = new Problems();
  await checkInvoicedCare(services, tx, a, null, problems, true);
  problems.throwIfAny();
  const next: AllocationState = { ...stateOf(a), endDate: a.startDate, changeReason: '13', status: 'withdrawn' };
  return apply(services, tx, ctx, a, 'withdrawn', '13', next, { reason: '13' });
}
