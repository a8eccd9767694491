import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { advanceCase } from './advance-case';
import { migrateCaseVersion } from './migrate-case-version';
import { readCase } from './read-case';
import { startCaseFromMelding } from './start-case';
import { suspendTerm } from './suspend-term';
import { assignTask, listTaskColleagues } from './task-assignment';
import { readWorklist } from './worklist';
import { casesContract } from './contract';

export function casesRoutes(services: AccessServices) {
  return moduleRoutes(casesContract, {
    startCaseFromMelding: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => startCaseFromMelding(services, tx, ctx, request.body));
      return reply.code(201).send(result);
    },
    readCase: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readCase(services, tx, ctx, request.params.id));
    },
    advanceCase: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => advanceCase(services, tx, ctx, request.params.id, request.body));
    },
    migrateCaseVersion: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => migrateCaseVersion(services, tx, ctx, request.params.id, request.body));
    },
    suspendTerm: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => suspendTerm(services, tx, ctx, request.params.id, request.body));
      return reply.code(201).send(result);
    },
    readWorklist: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readWorklist(services, tx, ctx, request.query));
    },
    assignTask: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => assignTask(services, tx, ctx, request.params.taskId, request.body));
    },
    listTaskColleagues: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listTaskColleagues(services, tx, ctx, request.params.taskId));
    },
  });
}
