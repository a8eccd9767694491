import type { AccessContext, AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput, newId } from '@kern/kit';
import { computeDeadline } from '@kern/workflows';
import { findVerifiedDebts } from '../debt.repository';
import { latestVtlb } from '../solutions.repository';
import { fundTermsOn, loadFileForFund, parseOrRefuse } from './fund-access';
import { findParticipationOfFile, findTakenOverDebtIds, insertEntry, insertFundDebts, insertParticipation } from './fund.repository';
import { MAX_MONTHLY_CENTS, takeOverInputSchema, type TakeOverInput } from '../contract/fund.schema';
import { addPeriods, periodOf, settlementCents, takeOverPostings } from './ledger';

export interface TakeOverResult {
  participationId: string;
  takeOverDue: string;
  withinTerm: boolean;
  takenOverCents: number;
  monthlyCents: number;
  termMonths: number;
  firstPeriod: string;
  lastPeriod: string;
  debts: number;
}

/**
 * The fund takes over all verified debts of a debt file at the agreed sector percentages: the
 * fund owes each creditor its settlement, the resident owes the fund their sum and repays it
 * income-dependently for at most the term. The take-over is due within four weeks of the
 * decision (service norm `fonds-overname`). A debt is taken over once only: a second take-over
 * is refused and nothing is booked.
 */
export async function takeOverDebts(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, raw: TakeOverInput): Promise<TakeOverResult> {
  const input = parseOrRefuse(takeOverInputSchema, raw, { nl: 'De overname kan niet worden geboekt: controleer de invoer.', en: 'The take-over cannot be booked: check the input.' });
  const { file } = await loadFileForFund(services, tx, ctx, debtFileId, 'create', 'take over debts');
  const today = isoDay(services.clock.now());
  if (input.decisionOn > today) {
    throw invalidInput({ nl: 'Het besluit tot overname kan niet in de toekomst liggen.', en: 'The take-over decision cannot be in the future.' }, [{ name: 'decisionOn', reason: 'after today' }]);
  }
  if (file.status === 'refused' || file.status === 'closed') {
    throw new DomainError('conflict', { nl: 'Dit dossier is afgewezen of gesloten; het fonds neemt geen schulden over.', en: 'This file is refused or closed; the fund takes over no debts.' });
  }
  if (await findParticipationOfFile(tx, debtFileId, true)) {
    throw new DomainError('conflict', { nl: 'Het schuldenfonds heeft de schulden van dit dossier al overgenomen. Er is niets geboekt.', en: 'The debt fund has already taken over the debts of this file. Nothing was booked.' });
  }
  const debts = await findVerifiedDebts(tx, debtFileId);
  if (debts.length === 0) {
    throw invalidInput({ nl: 'Er zijn geen geverifieerde schulden om over te nemen.', en: 'There are no verified debts to take over.' }, [{ name: 'debts', reason: 'none verified' }]);
  }
  const already = await findTakenOverDebtIds(tx, debts.map((d) => d.debtId));
  if (already.length > 0) {
    throw new DomainError('conflict', { nl: 'Een of meer schulden zijn al door het fonds overgenomen. Er is niets geboekt.', en: 'One or more debts have already been taken over by the fund. Nothing was booked.' });
  }

  const { version, terms } = await fundTermsOn(tx, input.decisionOn);
  const capacity = (await latestVtlb(tx, debtFileId))?.capacityCents;
  const monthlyCents = input.monthlyCents ?? (capacity === undefined ? undefined : Math.max(0, Math.min(MAX_MONTHLY_CENTS, capacity)));
  if (monthlyCents === undefined) {
    throw invalidInput({ nl: 'Geef een maandbedrag op of bereken eerst het VTLB (afloscapaciteit).', en: 'Give a monthly amount or compute the VTLB (repayment capacity) first.' }, [{ name: 'monthlyCents', reason: 'no amount and no VTLB' }]);
  }
  const termMonths = Math.min(input.termMonths ?? terms.maxTermMonths, terms.maxTermMonths);
  const deadline = computeDeadline({ termId: 'fonds-overname', start: input.decisionOn });
  const participationId = newId();
  const lines = debts.map((d) => {
    const rate = terms.sectorRates[d.sector];
    return { id: newId(), municipalityCode: ctx.actor.municipalityCode, participationId, debtId: d.debtId, creditorId: d.creditorId, sector: d.sector, claimCents: d.verifiedCents, rateBasisPoints: rate, settlementCents: settlementCents(d.verifiedCents, rate) };
  });
  const postings = takeOverPostings(participationId, lines);
  const takenOverCents = lines.reduce((s, l) => s + l.settlementCents, 0);
  if (takenOverCents <= 0) {
    throw invalidInput({ nl: 'Tegen de afgesproken percentages is er niets over te nemen.', en: 'At the agreed percentages there is nothing to take over.' }, [{ name: 'debts', reason: 'settlement is zero' }]);
  }
  const cohort = periodOf(today);
  const firstPeriod = addPeriods(cohort, 1);
  const lastPeriod = addPeriods(firstPeriod, termMonths - 1);
  await insertParticipation(tx, {
    id: participationId, municipalityCode: ctx.actor.municipalityCode, debtFileId, teamId: file.teamId, termsVersion: version, decisionOn: input.decisionOn,
    takeOverDue: deadline.due, takenOverOn: today, cohort, monthlyCents, termMonths, firstPeriod, lastPeriod, takenOverCents,
  });
  await insertFundDebts(tx, lines);
  await insertEntry(tx, { entryId: newId(), municipalityCode: ctx.actor.municipalityCode, kind: 'take-over', bookedOn: today }, postings);
  await appendDomainEvents(tx, [{
    municipalityCode: ctx.actor.municipalityCode, type: 'fund.debts-taken-over', occurredOn: today, subjectRef: participationId, law: 'wgs', teamId: file.teamId,
    data: { debts: lines.length, claimCents: lines.reduce((s, l) => s + l.claimCents, 0), takenOverCents, monthlyCents, termMonths, cohort, withinTerm: today <= deadline.due },
  }]);
  return { participationId, takeOverDue: deadline.due, withinTerm: today <= deadline.due, takenOverCents, monthlyCents, termMonths, firstPeriod, lastPeriod, debts: lines.length };
}
