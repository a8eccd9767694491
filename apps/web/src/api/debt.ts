/** Debt help (Wgs): the client for /api/v1/debt. Types mirror the server's zod schemas. */
import type { Api } from '../api';

export type OfferStatus = 'new' | 'offered' | 'accepted' | 'declined' | 'no-response';

export interface DebtSignal {
  id: string;
  bsn: string;
  resident: { name: string; birthDate: string | null; address: string | null } | null;
  creditorName: string;
  sector: string;
  kind: 'arrears' | 'eviction' | 'cut-off-energy' | 'cut-off-water' | 'health-insurance-termination';
  urgent: boolean;
  arrearsCents: number;
  monthsInArrears: number | null;
  firstSignalOn: string;
  lastSignalOn: string;
  timesReceived: number;
  offerStatus: OfferStatus;
  offeredOn: string | null;
  respondedOn: string | null;
  debtFileId: string | null;
}

export type DebtFileStatus = 'intake' | 'assessment' | 'plan' | 'refused' | 'solution' | 'closed';

export interface DebtFileSummary {
  id: string;
  reference: string;
  status: DebtFileStatus;
  urgent: boolean;
  firstConversationDue: string;
  decisionDue: string | null;
  teamName: string;
  requestDate: string;
}

export interface DebtLine {
  id: string;
  creditor: { id: string; name: string; sector: string };
  category: 'zorg' | 'publiek' | 'nuts' | 'overig';
  claimedCents: number;
  verifiedCents: number | null;
  status: 'claimed' | 'verified' | 'disputed';
  evidence: { id: string; kind: EvidenceKind; fileName: string; mediaType: string; sizeBytes: number; receivedOn: string; note: string | null }[];
}

/** Wgs art. 4a lid 2 and the municipal policy rules: the grounds a refusal names (the server's refusalGrounds). */
export const REFUSAL_GROUNDS = ['fraud-recent', 'no-cooperation', 'recent-trajectory', 'not-resident', 'no-problematic-debts'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const EVIDENCE_KINDS = ['creditor-statement', 'invoice', 'court-ruling', 'payment-proof', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
/** The document types the server accepts as evidence, by file extension (browsers do not always know a file's type). */
const EVIDENCE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  eml: 'message/rfc822',
};
export const EVIDENCE_ACCEPT = [...new Set([...Object.keys(EVIDENCE_TYPES).map((e) => `.${e}`), ...Object.values(EVIDENCE_TYPES)])].join(',');
/** The server's limit for one evidence document. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** The accepted media type of a chosen file, from its type or else its extension; null when it is not accepted. */
export function evidenceMediaType(fileName: string, browserType: string): string | null {
  const accepted = new Set(Object.values(EVIDENCE_TYPES));
  if (browserType && accepted.has(browserType.toLowerCase())) return browserType.toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (!browserType || browserType === 'application/octet-stream') && ext ? (EVIDENCE_TYPES[ext] ?? null) : null;
}

/** A VTLB norm table with its validity (amounts in eurocents per month). */
export interface NormTable {
  validFrom: string;
  validUntil: string;
  source: string;
  assumptions: string[];
  coupleNormCents: number;
  singleNormCents: number;
  costSharer: { baseBasisPoints: number; perPersonBasisPoints: number };
  basePercentage: number;
  housing: { normSingleCents: number; normCoupleCents: number; ceilingCents: number };
  health: { normPremiumPerAdultCents: number };
}

export interface VtlbLine {
  code: string;
  label: { nl: string; en: string };
  amountCents: number;
  explanation: { nl: string; en: string };
}

export interface DebtFileView {
  file: DebtFileSummary & { subjectBsn: string; contact: string; origin: string; urgencyGround: string | null; firstConversationOn: string | null; decisionOn: string | null; decision: string | null; refusalGround: string | null; moratoriumFrom: string | null; moratoriumUntil: string | null };
  debts: DebtLine[];
  totals: { count: number; claimedCents: number; verifiedCents: number; disputedCount: number; byCategory: { category: string; count: number; claimedCents: number; verifiedCents: number }[] };
  terms: { term: 'first-conversation' | 'decision' | 'moratorium'; due: string; metOn: string | null; status: 'met' | 'met-late' | 'open' | 'overdue' }[];
  vtlb: { referenceDate: string; result: { normTable: { validFrom: string; source: string; assumptions: string[] }; lines: VtlbLine[]; vtlbCents: number; capacityCents: number } } | null;
  solution: {
    solution: { kind: 'payment-arrangement' | 'debt-mediation' | 'sanitation-credit' | 'zero-offer'; status: string; termMonths: number; availableCents: number; totalClaimsCents: number; payoutBasisPoints: number };
    offers: { id: string; creditorId: string; creditorName: string; claimCents: number; offeredCents: number; status: 'sent' | 'accepted' | 'rejected'; respondedOn: string | null }[];
  } | null;
  creditors: { creditorId: string; creditorName: string; claimedCents: number; verifiedCents: number; offeredCents: number; offerStatus: 'sent' | 'accepted' | 'rejected' | null }[];
}

export type SolutionKind = 'payment-arrangement' | 'debt-mediation' | 'zero-offer';
export type HouseholdSituation = 'single' | 'single-parent' | 'couple' | 'couple-with-children';
export interface VtlbInput {
  situation: HouseholdSituation;
  children: number;
  costSharers: number;
  netIncomeCents: number;
  housingCostsCents: number;
  healthPremiumCents: number;
  zorgtoeslagCents: number;
}

export function debtApi(api: Api) {
  const r = api.request;
  return {
    signals: (status?: OfferStatus[]) => r<{ signals: DebtSignal[] }>('GET', `/debt/signals${status ? `?status=${status.join(',')}` : ''}`).then((x) => x.signals),
    offerHelp: (id: string) => r<DebtSignal>('POST', `/debt/signals/${encodeURIComponent(id)}/offer`),
    respond: (id: string, body: { response: 'accepted'; contact: string } | { response: 'declined' } | { response: 'no-response' }) =>
      r<{ offerStatus: string; debtFileId: string | null; firstConversationDue: string | null }>('POST', `/debt/signals/${encodeURIComponent(id)}/response`, body),
    files: () => r<{ files: DebtFileSummary[] }>('GET', '/debt/files').then((x) => x.files),
    file: (id: string) => r<DebtFileView>('GET', `/debt/files/${encodeURIComponent(id)}`),
    registerDebt: (id: string, body: { creditorName: string; category: DebtLine['category']; claimedCents: number }) => r<{ debtId: string }>('POST', `/debt/files/${encodeURIComponent(id)}/debts`, body),
    setDebtStatus: (id: string, debtId: string, body: { status: 'verified'; verifiedCents: number } | { status: 'disputed' } | { status: 'claimed' }) =>
      r<undefined>('POST', `/debt/files/${encodeURIComponent(id)}/debts/${encodeURIComponent(debtId)}/status`, body),
    firstConversation: (id: string, heldOn: string) => r<{ decisionDue: string; withinTerm: boolean }>('POST', `/debt/files/${encodeURIComponent(id)}/first-conversation`, { heldOn }),
    moratorium: (id: string, body: { from: string; until: string }) => r<{ latestEnd: string }>('POST', `/debt/files/${encodeURIComponent(id)}/moratorium`, body),
    addEvidence: (id: string, debtId: string, body: { kind: EvidenceKind; fileName: string; mediaType: string; sizeBytes: number; receivedOn: string; note?: string }) =>
      r<{ evidenceId: string }>('POST', `/debt/files/${encodeURIComponent(id)}/debts/${encodeURIComponent(debtId)}/evidence`, body),
    normTables: () => r<{ own: NormTable[]; shipped: NormTable[] }>('GET', '/debt/norm-tables'),
    storeNormTable: (table: NormTable) => r<NormTable>('POST', '/debt/norm-tables', table),
    decide: (id: string, body: { decision: 'plan'; decidedOn: string } | { decision: 'refused'; decidedOn: string; ground: RefusalGround }) =>
      r<{ status: string; withinTerm: boolean }>('POST', `/debt/files/${encodeURIComponent(id)}/decision`, body),
    vtlb: (id: string, body: VtlbInput) => r<{ calculationId: string }>('POST', `/debt/files/${encodeURIComponent(id)}/vtlb`, body),
    proposeSolution: (id: string, kind: SolutionKind) => r<unknown>('POST', `/debt/files/${encodeURIComponent(id)}/solution`, { kind }),
    offerResponse: (id: string, offerId: string, response: 'accepted' | 'rejected') =>
      r<unknown>('POST', `/debt/files/${encodeURIComponent(id)}/offers/${encodeURIComponent(offerId)}/response`, { response }),
    overviewUrl: (id: string) => `/api/v1/debt/files/${encodeURIComponent(id)}/overview`,
    letterUrl: (id: string, creditorId: string) => `/api/v1/debt/files/${encodeURIComponent(id)}/letters/${encodeURIComponent(creditorId)}`,
  };
}
