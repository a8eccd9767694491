import type { AccessContext, AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { conflict, DomainError, invalidInput, newId, notFound } from '@kern/kit';
import type { z } from 'zod';
import { offerResponseInputSchema, proposeSolutionInputSchema } from './contract/solution.schema';
import { findDebts, updateDebtFileProcess } from './debt.repository';
import { loadDebtFileFor } from './debt-file-access';
import { payoutBasisPoints, proRataShares } from './pro-rata';
import { findLiveSolution, findOffers, insertOffers, insertSolution, latestVtlb, setOfferResponse, setSolutionStatus, type OfferRow, type SolutionKind, type SolutionRow } from './solutions.repository';

/** Since 1 July 2023 the term of a debt arrangement is 18 months (was 36). */
export const WGS_TERM_MONTHS = 18;
/** A payment arrangement longer than this is no arrangement but a trajectory: propose mediation. */
export const MAX_ARRANGEMENT_MONTHS = 36;

export { offerResponseInputSchema, proposeSolutionInputSchema, solutionKinds } from './contract/solution.schema';


export interface PlannedSolution {
  kind: SolutionKind;
  termMonths: number;
  capacityCents: number;
  totalClaimsCents: number;
  availableCents: number;
  payoutBasisPoints: number;
  shares: { debtId: string; claimCents: number; offeredCents: number }[];
}

/**
 * What each creditor is offered. Mediation and sanitation credit: the repayment capacity over the
 * 18-month term, the same percentage of every claim, shares in whole cents by largest remainder.
 * A payment arrangement pays every claim in full within at most 36 months. A 0%-offer is only for
 * a household without repayment capacity.
 */
export function planSolution(kind: SolutionKind, capacityCents: number, claims: readonly { debtId: string; claimCents: number }[]): PlannedSolution {
  const total = claims.reduce((s, c) => s + c.claimCents, 0);
  const refuse = (nl: string, en: string): never => { throw invalidInput({ nl, en }, [{ name: 'kind', reason: en }]); };
  if (claims.length === 0) refuse('Er zijn geen vastgestelde schulden.', 'There are no verified debts.');
  let termMonths = WGS_TERM_MONTHS;
  let available: number;
  switch (kind) {
    case 'zero-offer':
      if (capacityCents > 0) refuse('Een nulaanbod kan alleen zonder aflossingscapaciteit.', 'A zero offer is only possible without repayment capacity.');
      available = 0;
      break;
    case 'payment-arrangement': {
      if (capacityCents <= 0) refuse('Een betalingsregeling vraagt aflossingscapaciteit.', 'A payment arrangement needs repayment capacity.');
      termMonths = Math.ceil(total / capacityCents);
      if (termMonths > MAX_ARRANGEMENT_MONTHS) refuse(`Volledige betaling duurt ${termMonths} maanden: kies schuldbemiddeling.`, `Paying in full takes ${termMonths} months: choose debt mediation.`);
      available = total;
      break;
    }
    case 'debt-mediation':
    case 'sanitation-credit':
      if (capacityCents <= 0) refuse('Zonder aflossingscapaciteit: kies een nulaanbod.', 'Without repayment capacity: choose a zero offer.');
      available = Math.min(total, capacityCents * WGS_TERM_MONTHS);
      break;
  }
  const shares = proRataShares(available, claims.map((c) => c.claimCents));
  return {
    kind, termMonths, capacityCents, totalClaimsCents: total, availableCents: available, payoutBasisPoints: payoutBasisPoints(available, total),
    shares: claims.map((c, i) => ({ debtId: c.debtId, claimCents: c.claimCents, offeredCents: shares[i] ?? 0 })),
  };
}

export interface SolutionView { solution: SolutionRow; offers: OfferRow[] }

/** Proposes the solution on the verified debts and the latest VTLB; one offer per debt goes to its creditor. */
export async function proposeSolution(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, raw: z.input<typeof proposeSolutionInputSchema>): Promise<SolutionView> {
  const p = proposeSolutionInputSchema.safeParse(raw);
  if (!p.success) throw invalidInput({ nl: 'Controleer de invoer.', en: 'Check the input.' }, p.error.issues.map((i) => ({ name: i.path.join('.') || 'input', reason: i.message })));
  const input = p.data;
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'decide', `propose ${input.kind}`);
  if (file.status !== 'plan') throw conflict({ nl: 'Een oplossing volgt op een beschikking met plan van aanpak.', en: 'A solution follows a decision with a plan of action.' });
  if (await findLiveSolution(tx, file.id)) throw conflict({ nl: 'Er loopt al een voorstel.', en: 'A proposal is already running.' });
  if (input.kind === 'sanitation-credit' && !input.lender) throw invalidInput({ nl: 'Noem de kredietverstrekker.', en: 'Name the lender.' }, [{ name: 'lender', reason: 'required for a sanitation credit' }]);
  const debts = await findDebts(tx, file.id);
  const open = debts.filter((d) => d.status === 'claimed');
  if (open.length > 0) throw conflict({ nl: `${open.length} vordering(en) zijn nog niet vastgesteld of betwist.`, en: `${open.length} claim(s) are neither verified nor disputed yet.` });
  const vtlb = await latestVtlb(tx, file.id);
  if (!vtlb) throw conflict({ nl: 'Bereken eerst het VTLB.', en: 'Compute the VTLB first.' });
  const claims = debts.filter((d) => d.status === 'verified' && (d.verifiedCents ?? 0) > 0).map((d) => ({ debtId: d.id, claimCents: d.verifiedCents ?? 0 }));
  const plan = planSolution(input.kind, vtlb.capacityCents, claims);
  const id = newId();
  const today = isoDay(services.clock.now());
  await insertSolution(tx, ctx.actor.municipalityCode, { id, debtFileId: file.id, kind: plan.kind, vtlbCalculationId: vtlb.id, termMonths: plan.termMonths, capacityCents: plan.capacityCents, totalClaimsCents: plan.totalClaimsCents, availableCents: plan.availableCents, payoutBasisPoints: plan.payoutBasisPoints, lender: input.lender ?? null, proposedOn: today }, ctx.actor.id);
  await insertOffers(tx, ctx.actor.municipalityCode, plan.shares.map((s) => ({ id: newId(), solutionId: id, ...s })));
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'debt.solution-proposed', occurredOn: today, subjectRef: file.id, law: 'wgs', teamId: file.teamId, data: { kind: plan.kind, creditors: claims.length, payoutBasisPoints: plan.payoutBasisPoints } }]);
  return readSolutionOf(tx, file.id);
}

async function readSolutionOf(tx: Tx, debtFileId: string): Promise<SolutionView> {
  const solution = await findLiveSolution(tx, debtFileId);
  if (!solution) throw notFound({ nl: 'Er is geen voorstel.', en: 'There is no proposal.' });
  return { solution, offers: await findOffers(tx, solution.id) };
}

/** The current solution with every offer and its answer. */
export async function readSolution(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string): Promise<SolutionView | null> {
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'read', 'solution');
  const solution = await findLiveSolution(tx, file.id);
  return solution ? { solution, offers: await findOffers(tx, solution.id) } : null;
}

/**
 * A creditor's answer to its offer. When every creditor has accepted, the solution is agreed; a
 * refusal ends the proposal (the counsellor may then ask the court for a dwangakkoord, Fw 287a).
 */
export async function recordOfferResponse(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, offerId: string, raw: z.input<typeof offerResponseInputSchema>): Promise<SolutionView> {
  const input = offerResponseInputSchema.parse(raw);
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'update', `creditor ${input.response}`);
  const current = await readSolutionOf(tx, file.id);
  const offer = current.offers.find((o) => o.id === offerId);
  if (!offer) throw notFound({ nl: 'Dit aanbod bestaat niet in dit dossier.', en: 'This offer does not exist in this file.' });
  if (current.solution.status !== 'proposed' || offer.status !== 'sent') throw new DomainError('conflict', { nl: 'Dit aanbod is al beantwoord.', en: 'This offer has already been answered.' });
  const today = isoDay(services.clock.now());
  await setOfferResponse(tx, offer.id, input.response, today);
  if (input.response === 'rejected') {
    await setSolutionStatus(tx, current.solution.id, 'rejected', null);
    await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'debt.solution-rejected', occurredOn: today, subjectRef: file.id, law: 'wgs', teamId: file.teamId, data: { kind: current.solution.kind } }]);
    return { solution: { ...current.solution, status: 'rejected' }, offers: await findOffers(tx, current.solution.id) };
  }
  const offers = await findOffers(tx, current.solution.id);
  if (offers.every((o) => o.status === 'accepted')) {
    await setSolutionStatus(tx, current.solution.id, 'agreed', today);
    await updateDebtFileProcess(tx, file.id, { status: 'solution' });
    await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'debt.solution-agreed', occurredOn: today, subjectRef: file.id, law: 'wgs', teamId: file.teamId, data: { kind: current.solution.kind, payoutBasisPoints: current.solution.payoutBasisPoints, termMonths: current.solution.termMonths } }]);
    return { solution: { ...current.solution, status: 'agreed', agreedOn: today }, offers };
  }
  return { solution: current.solution, offers };
}
