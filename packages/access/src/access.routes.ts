import { z } from 'zod';
import type { AccessServices } from './authorize';
import { runAsTenant } from './authorize';
import { contextOf, type KernApp } from './http-context';
import { closeInvolvement, involvementRequestOutputSchema, openInvolvementInputSchema, requestInvolvement } from './open-involvement';
import { decideInvolvementRequest, decideInvolvementRequestInputSchema, decideInvolvementRequestOutputSchema, listInvolvementRequests, listInvolvementRequestsInputSchema, listInvolvementRequestsOutputSchema } from './decide-involvement-request';
import { listRelations, listRelationsInputSchema, listRelationsOutputSchema } from './list-relations';
import { approvePolicyProposal, listPolicyProposals, proposePolicy, rejectPolicyProposal } from './policy-proposals';
import {
  approvePolicyInputSchema, listPolicyProposalsInputSchema, listPolicyProposalsOutputSchema, proposePolicyInputSchema, proposePolicyOutputSchema, rejectPolicyInputSchema,
} from './policy-proposals.schema';
import { policyOutputSchema, readPolicy } from './publish-policy';
import { breakGlassInputSchema, breakGlassOutputSchema, requestBreakGlass } from './request-break-glass';
import { listBreakGlassGrants, listBreakGlassInputSchema, listBreakGlassOutputSchema, reviewBreakGlass, reviewBreakGlassInputSchema } from './review-break-glass';
import { auditRecordsToCsv, auditSearchInputSchema, auditSearchOutputSchema, chainVerificationSchema, searchAuditRecords, verifyAuditChain } from './search-audit-records';

const bsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits') });
const idParam = z.object({ id: z.string().uuid() });

export function accessRoutes(app: KernApp, services: AccessServices): void {
  app.post('/api/v1/residents/:bsn/break-glass', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['access'], summary: 'Break the glass: time-limited access to one resident with a written reason',
      params: bsnParam, body: breakGlassInputSchema, response: { 201: breakGlassOutputSchema },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => requestBreakGlass(services, tx, ctx, request.params.bsn, request.body));
    return reply.code(201).send(result);
  });

  app.get('/api/v1/break-glass-grants', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['access'], summary: 'Break-the-glass grants for the auditor to review', querystring: listBreakGlassInputSchema, response: { 200: listBreakGlassOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listBreakGlassGrants(services, tx, ctx, request.query));
  });

  app.post('/api/v1/break-glass-grants/:id/review', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['access'], summary: 'Review a break-the-glass grant', params: idParam, body: reviewBreakGlassInputSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    await runAsTenant(services, ctx, (tx) => reviewBreakGlass(services, tx, ctx, request.params.id, request.body));
    return reply.code(204).send(null);
  });

  app.get('/api/v1/audit-records', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: {
      tags: ['audit'], summary: 'Search the audit log (auditor); format=csv exports it',
      querystring: auditSearchInputSchema,
      response: { 200: auditSearchOutputSchema.or(z.string()) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => searchAuditRecords(services, tx, ctx, request.query));
    if (request.query.format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kern-audit-${ctx.actor.municipalityCode}.csv"`)
        .send(auditRecordsToCsv(result.records));
    }
    return result;
  });

  app.get('/api/v1/audit-chain/verification', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['audit'], summary: 'Verify the hash chain of the audit log', response: { 200: chainVerificationSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => verifyAuditChain(services, tx, ctx));
  });

  app.get('/api/v1/access-policy', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['access'], summary: "Your municipality's access policy in force (functional administrator)", response: { 200: policyOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readPolicy(services, tx, ctx));
  });

  app.post('/api/v1/involvements', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['access'], summary: 'Ask for a relation with a resident for you or your team under the purpose: a pending request that someone else decides',
      body: openInvolvementInputSchema, response: { 202: involvementRequestOutputSchema },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => requestInvolvement(services, tx, ctx, request.body));
    return reply.code(202).send(result);
  });

  app.post('/api/v1/involvements/:id/closure', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['access'], summary: 'Close an involvement (the relation ends)', params: idParam, response: { 204: z.null() } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    await runAsTenant(services, ctx, (tx) => closeInvolvement(services, tx, ctx, request.params.id));
    return reply.code(204).send(null);
  });

  // Relations come from the work or from someone else's decision (issue 22).
  app.get('/api/v1/involvement-requests', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['access'], summary: 'Requests for a relation: the ones you may decide on (team lead) and your own', querystring: listInvolvementRequestsInputSchema, response: { 200: listInvolvementRequestsOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listInvolvementRequests(services, tx, ctx, request.query));
  });

  app.post('/api/v1/involvement-requests/:id/decision', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: { tags: ['access'], summary: 'Approve or reject a request for a relation (never your own); approval opens the relation', params: idParam, body: decideInvolvementRequestInputSchema, response: { 200: decideInvolvementRequestOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => decideInvolvementRequest(services, tx, ctx, request.params.id, request.body));
  });

  app.get('/api/v1/relations', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: { tags: ['access'], summary: 'Relations opened, with what made them and who, and the requests for one (auditor)', querystring: listRelationsInputSchema, response: { 200: listRelationsOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listRelations(services, tx, ctx, request.query));
  });

  // Four eyes on the policy: a version is proposed, and takes effect when a second person approves it.
  app.get('/api/v1/access-policy/proposals', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['access'], summary: 'Proposed (and decided) versions of the access policy, each with its difference', querystring: listPolicyProposalsInputSchema, response: { 200: listPolicyProposalsOutputSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listPolicyProposals(services, tx, ctx, request.query));
  });

  app.post('/api/v1/access-policy/proposals', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['access'], summary: 'Propose a new version of the access policy; it takes effect only after a second approval', body: proposePolicyInputSchema, response: { 201: proposePolicyOutputSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => proposePolicy(services, tx, ctx, request.body));
    return reply.code(201).send(result);
  });

  app.post('/api/v1/access-policy/proposals/:id/approval', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['access'], summary: 'Approve a proposed policy version (a second administrator, not the proposer): it takes effect', params: idParam, body: approvePolicyInputSchema, response: { 201: policyOutputSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => approvePolicyProposal(services, tx, ctx, request.params.id, request.body));
    return reply.code(201).send(result);
  });

  app.post('/api/v1/access-policy/proposals/:id/rejection', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags: ['access'], summary: 'Reject a proposed policy version (a second administrator, not the proposer)', params: idParam, body: rejectPolicyInputSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    await runAsTenant(services, ctx, (tx) => rejectPolicyProposal(services, tx, ctx, request.params.id, request.body));
    return reply.code(204).send(null);
  });
}
