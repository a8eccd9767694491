/** Debt help (Wgs): the client for /api/v1/debt, typed from @kern/debt/contract. */
import {
  debtContract, evidenceSchema, offerSchema, solutionKinds, EVIDENCE_MEDIA_TYPES, MAX_EVIDENCE_BYTES, refusalGroundIds, type Debt, type DebtFileStatus, type Evidence, type HouseholdSituation,
  type offerStatuses, type RefusalGround, type SignalView, type vtlbLineSchema, type VtlbNormTable,
} from '@kern/debt/contract';
import type { BodyIn, ResponseOf } from '@kern/kit/contract';
import type { z } from 'zod';
import type { Api } from '../api';
import { urlOf } from './client';

export type { DebtFileStatus, HouseholdSituation, RefusalGround };
export type OfferStatus = (typeof offerStatuses)[number];
export type DebtSignal = SignalView;
export type DebtFileSummary = ResponseOf<typeof debtContract.listDebtFiles>['files'][number];
export type DebtLine = Debt;

/** Wgs art. 4a lid 2 and the municipal policy rules: the grounds a refusal names. */
export const REFUSAL_GROUNDS = refusalGroundIds;

export const EVIDENCE_KINDS = evidenceSchema.shape.kind.options;
export type EvidenceKind = Evidence['kind'];
/** The document types the server accepts as evidence, by file extension (browsers do not always know a file's type). */
const EVIDENCE_TYPES: Record<string, (typeof EVIDENCE_MEDIA_TYPES)[number]> = {
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
export { MAX_EVIDENCE_BYTES };
/** The accepted media type of a chosen file, from its type or else its extension; null when it is not accepted. */
export function evidenceMediaType(fileName: string, browserType: string): string | null {
  const accepted = new Set<string>(EVIDENCE_MEDIA_TYPES);
  if (browserType && accepted.has(browserType.toLowerCase())) return browserType.toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (!browserType || browserType === 'application/octet-stream') && ext ? (EVIDENCE_TYPES[ext] ?? null) : null;
}

/** A VTLB norm table with its validity (amounts in eurocents per month). */
export type NormTable = VtlbNormTable;
export type DebtFileView = ResponseOf<typeof debtContract.readDebtFile>;
export type VtlbLine = z.infer<typeof vtlbLineSchema>;

/** The solutions the counsellor proposes here; a sanitation credit is arranged with the lender outside this form. */
export type SolutionKind = Exclude<(typeof solutionKinds)[number], 'sanitation-credit'>;
export type VtlbInput = BodyIn<typeof debtContract.calculateVtlb>;

/** The file view names a solution's kind and a creditor's offer status as plain text; these say which ones the app has words for. */
export function isSolutionKind(kind: string): kind is (typeof solutionKinds)[number] {
  return (solutionKinds as readonly string[]).includes(kind);
}
export type CreditorOfferStatus = z.infer<typeof offerSchema>['status'];
export function isCreditorOfferStatus(status: string): status is CreditorOfferStatus {
  return (offerSchema.shape.status.options as readonly string[]).includes(status);
}

export function debtApi(api: Api) {
  const c = debtContract;
  return {
    signals: (status?: OfferStatus[]) => api.call(c.listSignals, { query: { status: status?.join(',') } }).then((x) => x.signals),
    offerHelp: (id: string) => api.call(c.offerHelp, { params: { id } }),
    respond: (id: string, body: BodyIn<typeof c.respondToOffer>) => api.call(c.respondToOffer, { params: { id }, body }),
    files: () => api.call(c.listDebtFiles).then((x) => x.files),
    file: (id: string) => api.call(c.readDebtFile, { params: { id } }),
    registerDebt: (id: string, body: BodyIn<typeof c.registerDebt>) => api.call(c.registerDebt, { params: { id }, body }),
    setDebtStatus: (id: string, debtId: string, body: BodyIn<typeof c.updateDebtStatus>) => api.call(c.updateDebtStatus, { params: { id, debtId }, body }),
    firstConversation: (id: string, heldOn: string) => api.call(c.recordFirstConversation, { params: { id }, body: { heldOn } }),
    moratorium: (id: string, body: BodyIn<typeof c.startMoratorium>) => api.call(c.startMoratorium, { params: { id }, body }),
    addEvidence: (id: string, debtId: string, body: BodyIn<typeof c.addDebtEvidence>) => api.call(c.addDebtEvidence, { params: { id, debtId }, body }),
    normTables: () => api.call(c.listNormTables),
    storeNormTable: (table: NormTable) => api.call(c.storeNormTable, { body: table }),
    decide: (id: string, body: BodyIn<typeof c.decideAccess>) => api.call(c.decideAccess, { params: { id }, body }),
    vtlb: (id: string, body: VtlbInput) => api.call(c.calculateVtlb, { params: { id }, body }),
    proposeSolution: (id: string, kind: SolutionKind) => api.call(c.proposeSolution, { params: { id }, body: { kind } }),
    offerResponse: (id: string, offerId: string, response: 'accepted' | 'rejected') => api.call(c.recordOfferResponse, { params: { id, offerId }, body: { response } }),
    overviewUrl: (id: string) => urlOf(c.residentOverview, { params: { id } }),
    letterUrl: (id: string, creditorId: string) => urlOf(c.offerLetter, { params: { id, creditorId } }),
  };
}
