import type { AccessServices } from './authorize';
import { runAsTenant } from './authorize';
import { accessContract } from './contract';
import { decideInvolvementRequest, listInvolvementRequests } from './decide-involvement-request';
import { contextOf } from './http-context';
import { listRelations } from './list-relations';
import { closeInvolvement, requestInvolvement } from './open-involvement';
import { approvePolicyProposal, listPolicyProposals, proposePolicy, rejectPolicyProposal } from './policy-proposals';
import { readPolicy } from './publish-policy';
import { requestBreakGlass } from './request-break-glass';
import { listBreakGlassGrants, reviewBreakGlass } from './review-break-glass';
import { moduleRoutes } from './route-handlers';
import { auditRecordsToCsv, searchAuditRecords, verifyAuditChain } from './search-audit-records';

/** The access routes of the contract (break the glass, audit, the policy, relations), each through its use case. */
export function accessRoutes(services: AccessServices) {
  return moduleRoutes(accessContract, {
    breakGlass: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => requestBreakGlass(services, tx, ctx, request.params.bsn, request.body));
      return reply.code(201).send(result);
    },
    listBreakGlassGrants: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listBreakGlassGrants(services, tx, ctx, request.query));
    },
    reviewBreakGlassGrant: async (request, reply) => {
      const ctx = contextOf(request);
      await runAsTenant(services, ctx, (tx) => reviewBreakGlass(services, tx, ctx, request.params.id, request.body));
      return reply.code(204).send(null);
    },
    searchAuditRecords: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => searchAuditRecords(services, tx, ctx, request.query));
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="kern-audit-${ctx.actor.municipalityCode}.csv"`)
          .send(auditRecordsToCsv(result.records));
      }
      return result;
    },
    verifyAuditChain: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => verifyAuditChain(services, tx, ctx));
    },
    readPolicy: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readPolicy(services, tx, ctx));
    },
    requestInvolvement: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => requestInvolvement(services, tx, ctx, request.body));
      return reply.code(202).send(result);
    },
    closeInvolvement: async (request, reply) => {
      const ctx = contextOf(request);
      await runAsTenant(services, ctx, (tx) => closeInvolvement(services, tx, ctx, request.params.id));
      return reply.code(204).send(null);
    },
    listInvolvementRequests: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listInvolvementRequests(services, tx, ctx, request.query));
    },
    decideInvolvementRequest: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => decideInvolvementRequest(services, tx, ctx, request.params.id, request.body));
    },
    listRelations: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listRelations(services, tx, ctx, request.query));
    },
    listPolicyProposals: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listPolicyProposals(services, tx, ctx, request.query));
    },
    proposePolicy: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => proposePolicy(services, tx, ctx, request.body));
      return reply.code(201).send(result);
    },
    approvePolicyProposal: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => approvePolicyProposal(services, tx, ctx, request.params.id, request.body));
      return reply.code(201).send(result);
    },
    rejectPolicyProposal: async (request, reply) => {
      const ctx = contextOf(request);
      await runAsTenant(services, ctx, (tx) => rejectPolicyProposal(services, tx, ctx, request.params.id, request.body));
      return reply.code(204).send(null);
    },
  });
}
