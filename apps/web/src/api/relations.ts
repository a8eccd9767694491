import { accessContract, type decideInvolvementRequestInputSchema, type involvementRequestSchema, type relationViewSchema } from '@kern/access/contract';
import type { z } from 'zod';
import type { Api } from '../api';

/** A request for a relation with a resident (GET /involvement-requests, /relations). */
export type InvolvementRequest = z.infer<typeof involvementRequestSchema>;
/** A relation as the auditor reviews it: what made it and who. */
export type RelationRecord = z.infer<typeof relationViewSchema>;
export type RequestVerdict = z.infer<typeof decideInvolvementRequestInputSchema>['verdict'];

export function relationsApi(api: Api) {
  return {
    /** The resident page's "Toegang aanvragen": a pending request, never a relation at once. */
    requestAccess: (subjectBsn: string, reason: string, teamId?: string) =>
      api.call(accessContract.requestInvolvement, { body: { subjectBsn, reason, ...(teamId ? { teamId } : {}) } }).then((r) => r.request),
    requests: () => api.call(accessContract.listInvolvementRequests).then((r) => r.requests),
    decide: (id: string, verdict: RequestVerdict, note: string) =>
      api.call(accessContract.decideInvolvementRequest, { params: { id }, body: { verdict, note } }).then((r) => r.request),
    review: () => api.call(accessContract.listRelations),
  };
}
