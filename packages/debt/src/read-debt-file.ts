import { recordAccess, type AccessContext, type AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { findDebtFilesOfTeams, findDebts } from './debt.repository';
import type { DebtFile, DebtInventory } from './contract/debt.schema';
import { loadDebtFileFor, requireWgs } from './debt-file-access';
import { inventoryTotals } from './read-debt-inventory';
import { findSignalsOfFile, type SignalRow } from './signals.repository';
import { findLiveSolution, findOffers, latestVtlb, type OfferRow, type SolutionRow, type VtlbRow } from './solutions.repository';
import { authorize } from '@kern/access';

export interface TermStatus { term: 'first-conversation' | 'decision' | 'moratorium'; due: string; metOn: string | null; status: 'met' | 'met-late' | 'open' | 'overdue' }

export interface DebtFileView extends DebtInventory {
  terms: TermStatus[];
  signals: SignalRow[];
  vtlb: VtlbRow | null;
  solution: { solution: SolutionRow; offers: OfferRow[] } | null;
  /** Per creditor: what it claimed, what was verified, what it is offered and its answer. */
  creditors: { creditorId: string; creditorName: string; claimedCents: number; verifiedCents: number; offeredCents: number; offerStatus: string | null }[];
}

function termStatus(term: TermStatus['term'], due: string | null, metOn: string | null, today: string): TermStatus[] {
  if (!due) return [];
  const status = metOn ? (metOn <= due ? 'met' : 'met-late') : today > due ? 'overdue' : 'open';
  return [{ term, due, metOn, status }];
}

/** The counsellor's whole debt file: process terms, signals, inventory, VTLB, solution and the creditors' overview. */
export async function readDebtFile(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string): Promise<DebtFileView> {
  const { file, grant } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'read', 'file');
  await recordAccess(services, tx, ctx, grant, file.householdBsns.map((bsn) => ({ resource: 'debt-file' as const, action: 'read' as const, subjectBsn: bsn, detail: `household member in debt file ${file.reference}` })));
  const today = isoDay(services.clock.now());
  const debts = await findDebts(tx, file.id);
  const live = await findLiveSolution(tx, file.id);
  const offers = live ? await findOffers(tx, live.id) : [];
  const byCreditor = new Map<string, DebtFileView['creditors'][number]>();
  for (const d of debts) {
    const c = byCreditor.get(d.creditor.id) ?? { creditorId: d.creditor.id, creditorName: d.creditor.name, claimedCents: 0, verifiedCents: 0, offeredCents: 0, offerStatus: null };
    c.claimedCents += d.claimedCents;
    c.verifiedCents += d.status === 'verified' ? (d.verifiedCents ?? 0) : 0;
    for (const o of offers.filter((x) => x.debtId === d.id)) {
      c.offeredCents += o.offeredCents;
      c.offerStatus = c.offerStatus === 'rejected' || o.status === 'rejected' ? 'rejected' : c.offerStatus === 'sent' || o.status === 'sent' ? 'sent' : 'accepted';
    }
    byCreditor.set(d.creditor.id, c);
  }
  return {
    file,
    debts,
    totals: inventoryTotals(debts),
    terms: [
      ...termStatus('first-conversation', file.firstConversationDue, file.firstConversationOn, today),
      ...termStatus('decision', file.decisionDue, file.decisionOn, today),
      ...(file.moratoriumUntil ? [{ term: 'moratorium' as const, due: file.moratoriumUntil, metOn: null, status: today > file.moratoriumUntil ? ('met' as const) : ('open' as const) }] : []),
    ],
    signals: await findSignalsOfFile(tx, file.id),
    vtlb: (await latestVtlb(tx, file.id)) ?? null,
    solution: live ? { solution: live, offers } : null,
    creditors: [...byCreditor.values()],
  };
}

/** The debt files of the actor's teams (a worklist: references, terms and status, no debts). */
export async function listTeamDebtFiles(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<{ files: Pick<DebtFile, 'id' | 'reference' | 'status' | 'urgent' | 'firstConversationDue' | 'decisionDue' | 'teamName' | 'requestDate'>[] }> {
  requireWgs(ctx);
  await authorize(services, tx, ctx, { resource: 'worklist', action: 'read', detail: 'debt files of my teams' });
  const files = await findDebtFilesOfTeams(tx, ctx.actor.teamIds);
  return { files: files.map((f) => ({ id: f.id, reference: f.reference, status: f.status, urgent: f.urgent, firstConversationDue: f.firstConversationDue, decisionDue: f.decisionDue, teamName: f.teamName, requestDate: f.requestDate })) };
}
