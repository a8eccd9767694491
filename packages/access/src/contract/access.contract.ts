import { bsnParamSchema, defineContract, defineRoute, uuidParamSchema } from '@kern/kit/contract';
import { z } from 'zod';
import {
  auditSearchInputSchema, auditSearchOutputSchema, breakGlassInputSchema, breakGlassOutputSchema, chainVerificationSchema, decideInvolvementRequestInputSchema,
  decideInvolvementRequestOutputSchema, involvementRequestOutputSchema, listBreakGlassInputSchema, listBreakGlassOutputSchema, listInvolvementRequestsInputSchema,
  listInvolvementRequestsOutputSchema, listRelationsInputSchema, listRelationsOutputSchema, openInvolvementInputSchema, policyOutputSchema, reviewBreakGlassInputSchema,
} from './access-routes.schema';
import { consentListSchema, consentSchema, privacyNoticeSchema, publishPrivacyNoticeInputSchema, recordConsentInputSchema, withdrawConsentInputSchema } from './consent.schema';
import {
  approvePolicyInputSchema, listPolicyProposalsInputSchema, listPolicyProposalsOutputSchema, proposePolicyInputSchema, proposePolicyOutputSchema, rejectPolicyInputSchema,
} from './policy-proposals.schema';
import { decideRepresentationInputSchema, recordRepresentationInputSchema, recordRepresentationOutputSchema, representationSchema, representationsOutputSchema } from './representation.schema';

/** The representation routes name the BSN without the access routes' message (as before the contract). */
const representedBsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/) });

/** Break the glass, the audit log, the access policy with four eyes, and relations with the requests for one. */
export const accessContract = defineContract({
  breakGlass: defineRoute({
    method: 'POST', path: '/api/v1/residents/:bsn/break-glass', tags: ['access'], auth: 'staff', personalData: 'writes',
    summary: 'Break the glass: time-limited access to one resident with a written reason',
    access: { resource: 'resident', action: 'break-glass' },
    params: bsnParamSchema, body: breakGlassInputSchema,
    responses: { 201: breakGlassOutputSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  listBreakGlassGrants: defineRoute({
    method: 'GET', path: '/api/v1/break-glass-grants', tags: ['access'], auth: 'staff', personalData: 'reads',
    summary: 'Break-the-glass grants for the auditor to review',
    access: { resource: 'break-glass-grant', action: 'read' },
    query: listBreakGlassInputSchema,
    responses: { 200: listBreakGlassOutputSchema },
    errors: ['forbidden'],
  }),
  reviewBreakGlassGrant: defineRoute({
    method: 'POST', path: '/api/v1/break-glass-grants/:id/review', tags: ['access'], auth: 'staff', personalData: 'writes',
    summary: 'Review a break-the-glass grant',
    access: { resource: 'break-glass-grant', action: 'review' },
    params: uuidParamSchema, body: reviewBreakGlassInputSchema,
    responses: { 204: z.null() },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
  searchAuditRecords: defineRoute({
    method: 'GET', path: '/api/v1/audit-records', tags: ['audit'], auth: 'staff', personalData: 'reads',
    summary: 'Search the audit log (auditor); format=csv exports it',
    access: { resource: 'audit-log', action: 'read' },
    query: auditSearchInputSchema,
    // JSON by default; format=csv answers the same records as a text/csv download.
    responses: { 200: auditSearchOutputSchema.or(z.string()) },
    errors: ['invalid-input', 'forbidden'],
  }),
  verifyAuditChain: defineRoute({
    method: 'GET', path: '/api/v1/audit-chain/verification', tags: ['audit'], auth: 'staff', personalData: 'none',
    summary: 'Verify the hash chain of the audit log',
    access: { resource: 'audit-log', action: 'read' },
    responses: { 200: chainVerificationSchema },
    errors: ['forbidden'],
  }),
  readPolicy: defineRoute({
    method: 'GET', path: '/api/v1/access-policy', tags: ['access'], auth: 'staff', personalData: 'none',
    summary: "Your municipality's access policy in force (functional administrator)",
    access: { resource: 'access-policy', action: 'read' },
    responses: { 200: policyOutputSchema },
    errors: ['forbidden'],
  }),
  requestInvolvement: defineRoute({
    method: 'POST', path: '/api/v1/involvements', tags: ['access'], auth: 'staff', personalData: 'writes',
    summary: 'Ask for a relation with a resident for you or your team under the purpose: a pending request that someone else decides',
    access: { resource: 'involvement', action: 'create' },
    body: openInvolvementInputSchema,
    responses: { 202: involvementRequestOutputSchema },
    errors: ['invalid-input', 'forbidden', 'conflict'],
  }),
  closeInvolvement: defineRoute({
    method: 'POST', path: '/api/v1/involvements/:id/closure', tags: ['access'], auth: 'staff', personalData: 'writes',
    summary: 'Close an involvement (the relation ends)',
    access: { resource: 'involvement', action: 'update' },
    params: uuidParamSchema,
    responses: { 204: z.null() },
    errors: ['forbidden', 'not-found'],
  }),
  // Relations come from the work or from someone else's decision (issue 22).
  listInvolvementRequests: defineRoute({
    method: 'GET', path: '/api/v1/involvement-requests', tags: ['access'], auth: 'staff', personalData: 'reads',
    summary: 'Requests for a relation: the ones you may decide on (team lead) and your own',
    access: { resource: 'involvement-request', action: 'read' },
    query: listInvolvementRequestsInputSchema,
    responses: { 200: listInvolvementRequestsOutputSchema },
    errors: ['forbidden'],
  }),
  decideInvolvementRequest: defineRoute({
    method: 'POST', path: '/api/v1/involvement-requests/:id/decision', tags: ['access'], auth: 'staff', personalData: 'writes',
    summary: 'Approve or reject a request for a relation (never your own); approval opens the relation',
    access: { resource: 'involvement-request', action: 'decide' },
    params: uuidParamSchema, body: decideInvolvementRequestInputSchema,
    responses: { 200: decideInvolvementRequestOutputSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  listRelations: defineRoute({
    method: 'GET', path: '/api/v1/relations', tags: ['access'], auth: 'staff', personalData: 'reads',
    summary: 'Relations opened, with what made them and who, and the requests for one (auditor)',
    access: { resource: 'involvement', action: 'read' },
    query: listRelationsInputSchema,
    responses: { 200: listRelationsOutputSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  // Four eyes on the policy: a version is proposed, and takes effect when a second person approves it.
  listPolicyProposals: defineRoute({
    method: 'GET', path: '/api/v1/access-policy/proposals', tags: ['access'], auth: 'staff', personalData: 'none',
    summary: 'Proposed (and decided) versions of the access policy, each with its difference',
    access: { resource: 'access-policy', action: 'read' },
    query: listPolicyProposalsInputSchema,
    responses: { 200: listPolicyProposalsOutputSchema },
    errors: ['forbidden'],
  }),
  proposePolicy: defineRoute({
    method: 'POST', path: '/api/v1/access-policy/proposals', tags: ['access'], auth: 'staff', personalData: 'none',
    summary: 'Propose a new version of the access policy; it takes effect only after a second approval',
    access: { resource: 'access-policy', action: 'create' },
    body: proposePolicyInputSchema,
    responses: { 201: proposePolicyOutputSchema },
    errors: ['invalid-input', 'forbidden', 'conflict'],
  }),
  approvePolicyProposal: defineRoute({
    method: 'POST', path: '/api/v1/access-policy/proposals/:id/approval', tags: ['access'], auth: 'staff', personalData: 'none',
    summary: 'Approve a proposed policy version (a second administrator, not the proposer): it takes effect',
    access: { resource: 'access-policy', action: 'decide' },
    params: uuidParamSchema, body: approvePolicyInputSchema,
    responses: { 201: policyOutputSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  rejectPolicyProposal: defineRoute({
    method: 'POST', path: '/api/v1/access-policy/proposals/:id/rejection', tags: ['access'], auth: 'staff', personalData: 'none',
    summary: 'Reject a proposed policy version (a second administrator, not the proposer)',
    access: { resource: 'access-policy', action: 'decide' },
    params: uuidParamSchema, body: rejectPolicyInputSchema,
    responses: { 204: z.null() },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
});

/** Consent and privacy notices for staff. The citizen portal calls the same use cases with its own actor. */
export const consentContract = defineContract({
  readPrivacyNotice: defineRoute({
    method: 'GET', path: '/api/v1/privacy-notice', tags: ['consent'], auth: 'staff', personalData: 'none',
    summary: 'The privacy notice in force: what a consent may cover',
    access: { resource: 'privacy-notice', action: 'read' },
    responses: { 200: privacyNoticeSchema },
    errors: ['forbidden'],
  }),
  publishPrivacyNotice: defineRoute({
    method: 'POST', path: '/api/v1/privacy-notice/versions', tags: ['consent'], auth: 'staff', personalData: 'none',
    summary: 'Publish a new version of the privacy notice (functional administrator)',
    access: { resource: 'privacy-notice', action: 'create' },
    body: publishPrivacyNoticeInputSchema,
    responses: { 201: privacyNoticeSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  listConsents: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/consents', tags: ['consent'], auth: 'staff', personalData: 'reads',
    summary: "A resident's consents, in effect and withdrawn",
    access: { resource: 'consent', action: 'read' },
    params: bsnParamSchema,
    responses: { 200: consentListSchema },
    errors: ['forbidden'],
  }),
  recordConsent: defineRoute({
    method: 'POST', path: '/api/v1/residents/:bsn/consents', tags: ['consent'], auth: 'staff', personalData: 'writes',
    summary: "Record a resident's consent for a purpose and recipient (within the privacy notice)",
    access: { resource: 'consent', action: 'create' },
    params: bsnParamSchema, body: recordConsentInputSchema,
    responses: { 201: consentSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  withdrawConsent: defineRoute({
    method: 'POST', path: '/api/v1/residents/:bsn/consents/:id/withdrawal', tags: ['consent'], auth: 'staff', personalData: 'writes',
    summary: 'Withdraw a consent (a new record; effective at once)',
    access: { resource: 'consent', action: 'update' },
    params: bsnParamSchema.extend({ id: z.string().uuid() }), body: withdrawConsentInputSchema.optional(),
    responses: { 200: consentSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
});

/**
 * Representation with proof (issue 22): staff record a court order, a second staff member decides
 * on it. The use cases live in the portal (the resident is told there); the routes are access's.
 */
export const representationsContract = defineContract({
  recordRepresentation: defineRoute({
    method: 'POST', path: '/api/v1/residents/:bsn/representations', tags: ['portal'], auth: 'staff', personalData: 'writes',
    summary: "Record a court order that makes someone the resident's representative (curatele, mentorschap, bewind); effective after a second staff member approves it",
    access: { resource: 'representation', action: 'create' },
    params: representedBsnParam, body: recordRepresentationInputSchema,
    responses: { 201: recordRepresentationOutputSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  listRepresentations: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/representations', tags: ['portal'], auth: 'staff', personalData: 'reads',
    summary: 'The representations recorded for the resident, pending or decided',
    access: { resource: 'representation', action: 'read' },
    params: representedBsnParam,
    responses: { 200: representationsOutputSchema },
    errors: ['forbidden'],
  }),
  decideRepresentation: defineRoute({
    method: 'POST', path: '/api/v1/representations/:id/decision', tags: ['portal'], auth: 'staff', personalData: 'writes',
    summary: 'A second staff member approves or rejects a recorded representation; the resident is told in the portal',
    access: { resource: 'representation', action: 'decide' },
    params: z.object({ id: z.string().uuid() }), body: decideRepresentationInputSchema,
    responses: { 200: z.object({ representation: representationSchema }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
});
