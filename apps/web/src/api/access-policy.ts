/** The access policy with four eyes: the client for /api/v1/access-policy, typed from the access contract. */
import { accessContract, type fieldChangeSchema, type PolicyDiff, type PolicyDocument, type PolicyProposal } from '@kern/access/contract';
import type { ResponseOf } from '@kern/kit/contract';
import type { z } from 'zod';
import type { Api } from '../api';

export type { PolicyDiff, PolicyProposal };
export type FieldChange = z.infer<typeof fieldChangeSchema>;

type PolicyAnswer = ResponseOf<typeof accessContract.readPolicy>;
/**
 * The policy in force. The contract gives its document as stored (any JSON, `unknown`); the page
 * shows its name and number of rules, so it reads the document as the parts of a policy document.
 */
export type PolicyInForce = Omit<PolicyAnswer, 'document'> & { document: Partial<PolicyDocument> };
const inForce = (answer: PolicyAnswer): PolicyInForce => ({ ...answer, document: typeof answer.document === 'object' && answer.document !== null ? (answer.document) : {} });

export function accessPolicyApi(api: Api) {
  return {
    inForce: () => api.call(accessContract.readPolicy).then(inForce),
    proposals: (status: 'proposed' | 'decided' | 'all') => api.call(accessContract.listPolicyProposals, { query: { status } }).then((x) => x.proposals),
    propose: (document: unknown, reason: string) => api.call(accessContract.proposePolicy, { body: { document, reason } }).then((x) => x.proposal),
    approve: (id: string, note?: string) => api.call(accessContract.approvePolicyProposal, { params: { id }, body: note ? { note } : {} }).then(inForce),
    reject: (id: string, note: string) => api.call(accessContract.rejectPolicyProposal, { params: { id }, body: { note } }),
  };
}
