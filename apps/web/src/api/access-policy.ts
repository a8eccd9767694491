/** The access policy with four eyes: the client for /api/v1/access-policy. Types mirror the server's zod schemas. */
import type { Api } from '../api';

export interface FieldChange { field: string; before: unknown; after: unknown }
export interface PolicyDiff {
  name?: FieldChange;
  addedRules: { id?: unknown; description?: unknown }[];
  removedRules: { id?: unknown; description?: unknown }[];
  changedRules: { id: string; changes: FieldChange[] }[];
  breakGlass: FieldChange[];
}
export interface PolicyProposal {
  id: string;
  baseVersion: number;
  status: 'proposed' | 'approved' | 'rejected';
  reason: string;
  proposedBy: string;
  proposedByName?: string;
  proposedAt: string;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  decisionNote?: string;
  version?: number;
  summary: string;
  diff: PolicyDiff;
}
export interface PolicyInForce { version: number; document: { name?: string; rules?: unknown[] } & Record<string, unknown> }

export function accessPolicyApi(api: Api) {
  const r = api.request;
  return {
    inForce: () => r<PolicyInForce>('GET', '/access-policy'),
    proposals: (status: 'proposed' | 'decided' | 'all') => r<{ proposals: PolicyProposal[] }>('GET', `/access-policy/proposals?status=${status}`).then((x) => x.proposals),
    propose: (document: unknown, reason: string) => r<{ proposal: PolicyProposal }>('POST', '/access-policy/proposals', { document, reason }).then((x) => x.proposal),
    approve: (id: string, note?: string) => r<PolicyInForce>('POST', `/access-policy/proposals/${encodeURIComponent(id)}/approval`, note ? { note } : {}),
    reject: (id: string, note: string) => r<null>('POST', `/access-policy/proposals/${encodeURIComponent(id)}/rejection`, { note }),
  };
}
