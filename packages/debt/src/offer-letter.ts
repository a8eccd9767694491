import type { AccessContext } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { renderTextPdf } from '@kern/documents';
import { notFound } from '@kern/kit';
import { loadDebtFileFor, type DebtServices } from './debt-file-access';
import { findLiveSolution, findOffers, type OfferRow, type SolutionRow } from './solutions.repository';
import { euro } from './vtlb';

const kindNl: Record<SolutionRow['kind'], string> = {
  'payment-arrangement': 'een betalingsregeling',
  'debt-mediation': 'een schuldregeling (schuldbemiddeling)',
  'sanitation-credit': 'een schuldregeling met saneringskrediet',
  'zero-offer': 'een nulaanbod',
};

export interface LetterContent {
  creditorName: string;
  fileReference: string;
  residentName: string;
  teamName: string;
  contact: string;
  date: string;
  solution: Pick<SolutionRow, 'kind' | 'termMonths' | 'payoutBasisPoints' | 'lender'>;
  offers: Pick<OfferRow, 'claimCents' | 'offeredCents' | 'category'>[];
}

/** The letter's text, line by line: kept apart from the PDF so it can be read and tested. */
export function offerLetterLines(c: LetterContent): string[] {
  const claim = c.offers.reduce((s, o) => s + o.claimCents, 0);
  const offered = c.offers.reduce((s, o) => s + o.offeredCents, 0);
  const pct = (c.solution.payoutBasisPoints / 100).toFixed(2).replace('.', ',');
  const lines = [
    `Aan: ${c.creditorName}`,
    `Datum: ${c.date}`,
    `Betreft: schuldhulpverlening ${c.fileReference}, ${c.residentName}`,
    '',
    'Geachte heer, mevrouw,',
    '',
    `Namens onze inwoner doen wij u ${kindNl[c.solution.kind]} voor.`,
    `Uw vastgestelde vordering: ${euro(claim)}.`,
  ];
  switch (c.solution.kind) {
    case 'payment-arrangement':
      lines.push(`U ontvangt uw vordering volledig (${euro(offered)}) in ${c.solution.termMonths} maandelijkse termijnen.`);
      break;
    case 'zero-offer':
      lines.push('Onze inwoner heeft geen aflossingscapaciteit boven het vrij te laten bedrag (VTLB). Wij vragen u de vordering te laten rusten en na de looptijd kwijt te schelden.');
      break;
    default:
      lines.push(`Iedere schuldeiser ontvangt hetzelfde percentage van de vordering: ${pct}%, berekend uit de aflossingscapaciteit boven het VTLB over ${c.solution.termMonths} maanden.`);
      lines.push(`Uw aandeel: ${euro(offered)}${c.solution.kind === 'sanitation-credit' ? `, in één keer betaald door ${c.solution.lender ?? 'de kredietverstrekker'}` : ', in maandelijkse termijnen'}, tegen finale kwijting van het restant.`);
  }
  lines.push('', 'Wij vragen u binnen twee weken te laten weten of u het aanbod aanvaardt.', '', 'Met vriendelijke groet,', c.teamName, `Contact: ${c.contact}`);
  return lines;
}

export function renderOfferLetter(c: LetterContent): Promise<Uint8Array> {
  return renderTextPdf(`Aanbod ${c.fileReference} aan ${c.creditorName}`, offerLetterLines(c));
}

/** The offer letter to one creditor of the current solution, as PDF. */
export async function offerLetterPdf(services: DebtServices, tx: Tx, ctx: AccessContext, debtFileId: string, creditorId: string): Promise<{ fileName: string; pdf: Uint8Array }> {
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'export', 'offer letter');
  const solution = await findLiveSolution(tx, file.id);
  const offers = solution ? (await findOffers(tx, solution.id)).filter((o) => o.creditorId === creditorId) : [];
  if (!solution || offers.length === 0) throw notFound({ nl: 'Er is geen aanbod aan deze schuldeiser.', en: 'There is no offer to this creditor.' });
  const resident = await services.brp.getPersonByBsn(file.subjectBsn, { municipalityCode: ctx.actor.municipalityCode });
  const pdf = await renderOfferLetter({
    creditorName: offers[0]?.creditorName ?? '', fileReference: file.reference, residentName: resident?.name.fullName ?? 'onze inwoner', teamName: file.teamName,
    contact: file.contact, date: isoDay(services.clock.now()), solution, offers,
  });
  return { fileName: `aanbod-${file.reference}-${creditorId.slice(0, 8)}.pdf`, pdf };
}
