import type { Api } from '../api';

/** A request for a relation with a resident (GET /involvement-requests, /relations). */
export interface InvolvementRequest {
  id: string; subjectBsn: string; purpose: string; kind: string; requestedBy: string; requestedByName?: string; teamId: string | null;
  reason: string; requestedAt: string; status: 'pending' | 'approved' | 'rejected'; decidedBy?: string; decidedByName?: string;
  decidedAt?: string; decisionNote?: string; involvementId?: string; canDecide: boolean;
}
/** A relation as the auditor reviews it: what made it and who. */
export interface RelationRecord {
  id: string; subjectBsn: string; purpose: string; kind: string; source: string; accountName?: string; teamName?: string;
  createdBy?: string; createdByName?: string; requestId?: string; caseId?: string; reason: string; openedAt: string; closedAt?: string;
}
export type RequestVerdict = 'approved' | 'rejected';

export function relationsApi(api: Api) {
  return {
    /** The resident page's "Toegang aanvragen": a pending request, never a relation at once. */
    requestAccess: (subjectBsn: string, reason: string, teamId?: string) =>
      api.request<{ request: { id: string; status: 'pending' } }>('POST', '/involvements', { subjectBsn, reason, ...(teamId ? { teamId } : {}) }).then((r) => r.request),
    requests: () => api.request<{ requests: InvolvementRequest[] }>('GET', '/involvement-requests').then((r) => r.requests),
    decide: (id: string, verdict: RequestVerdict, note: string) =>
      api.request<{ request: InvolvementRequest }>('POST', `/involvement-requests/${encodeURIComponent(id)}/decision`, { verdict, note }).then((r) => r.request),
    review: () => api.request<{ relations: RelationRecord[]; requests: InvolvementRequest[] }>('GET', '/relations'),
  };
}
