import type { AccessContext } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { renderTextPdf } from '@kern/documents';
import type { DebtServices } from './debt-file-access';
import { readDebtFile, type DebtFileView } from './read-debt-file';
import { euro } from './vtlb';

const kindNl: Record<string, string> = { 'payment-arrangement': 'Betalingsregeling', 'debt-mediation': 'Schuldbemiddeling', 'sanitation-credit': 'Saneringskrediet', 'zero-offer': 'Nulaanbod' };
const offerNl: Record<string, string> = { sent: 'aanbod verstuurd', accepted: 'akkoord', rejected: 'niet akkoord' };
const statusNl: Record<string, string> = { claimed: 'gemeld', verified: 'vastgesteld', disputed: 'betwist' };

/** The resident's overview: every debt, what the VTLB leaves them, what each creditor is offered. */
export function residentOverviewLines(v: DebtFileView, residentName: string, today: string): string[] {
  const lines = [
    `Overzicht schuldhulpverlening voor ${residentName}`,
    `Dossier ${v.file.reference}, team ${v.file.teamName}, contact: ${v.file.contact}`,
    `Datum: ${today}`,
    '',
    'Uw schulden',
    ...v.debts.map((d) => `- ${d.creditor.name} (${d.category}): vordering ${euro(d.claimedCents)}${d.verifiedCents !== null ? `, vastgesteld ${euro(d.verifiedCents)}` : ''}, ${statusNl[d.status] ?? d.status}`),
    `Totaal: ${v.totals.count} schulden, vordering ${euro(v.totals.claimedCents)}, vastgesteld ${euro(v.totals.verifiedCents)}.`,
    '',
  ];
  if (v.vtlb) {
    lines.push('Wat u vrij houdt voor levensonderhoud (VTLB)');
    for (const l of v.vtlb.result.lines) lines.push(`- ${l.label.nl}: ${euro(l.amountCents)}. ${l.explanation.nl}`);
    lines.push('');
  }
  if (v.solution) {
    const s = v.solution.solution;
    lines.push(`Voorstel: ${kindNl[s.kind] ?? s.kind}, ${(s.payoutBasisPoints / 100).toFixed(2).replace('.', ',')}% van elke vordering, looptijd ${s.termMonths} maanden.`);
    for (const c of v.creditors.filter((x) => x.offerStatus)) lines.push(`- ${c.creditorName}: ${euro(c.offeredCents)} aangeboden, ${offerNl[c.offerStatus ?? ''] ?? ''}`);
  } else {
    lines.push('Er is nog geen voorstel aan de schuldeisers.');
  }
  return lines;
}

export async function residentOverviewPdf(services: DebtServices, tx: Tx, ctx: AccessContext, debtFileId: string): Promise<{ fileName: string; pdf: Uint8Array }> {
  const view = await readDebtFile(services, tx, ctx, debtFileId);
  const resident = await services.brp.getPersonByBsn(view.file.subjectBsn, { municipalityCode: ctx.actor.municipalityCode });
  const lines = residentOverviewLines(view, resident?.name.fullName ?? 'u', isoDay(services.clock.now()));
  return { fileName: `overzicht-${view.file.reference}.pdf`, pdf: await renderTextPdf(`Overzicht ${view.file.reference}`, lines) };
}
