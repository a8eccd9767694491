import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { insightContract } from './contract';
import { defineLocalIndicator } from './define-local-indicator';
import { exportLeertafelStory, listLeertafelCases } from './export-leertafel-story';
import { evaluateExperiment, listExperiments, registerExperiment } from './experiments';
import { benchmarkColumns, compareWithPeers, exportBenchmark, setBenchmarkParticipation } from './read-benchmark';
import { listIndicators, listIndicatorTeams, readIndicatorValues, toCsv } from './read-indicators';
import { drainJobs, enqueueRefresh } from './refresh-indicators';
import { requestRefresh } from './request-refresh';

const valueColumns = ['indicatorId', 'period', 'law', 'team', 'numerator', 'denominator', 'value', 'inputEvents', 'definitionVersion', 'computedAt'] as const;

/** Steering and learning. Every route returns aggregates only (personalData: none), except the leertafel story, which reads one case to anonymise it. */
export function insightRoutes(services: AccessServices) {
  return moduleRoutes(insightContract, {
    listIndicators: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listIndicators(services, tx, ctx));
    },
    defineLocalIndicator: async (request, reply) => {
      const ctx = contextOf(request);
      return reply.code(201).send(await runAsTenant(services, ctx, (tx) => defineLocalIndicator(services, tx, ctx, request.body)));
    },
    listTeams: async (request) => {
      const ctx = contextOf(request);
      return { teams: await runAsTenant(services, ctx, (tx) => listIndicatorTeams(services, tx, ctx)) };
    },
    values: async (request, reply) => {
      const ctx = contextOf(request);
      const values = await runAsTenant(services, ctx, (tx) => readIndicatorValues(services, tx, ctx, request.query));
      if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="indicatoren.csv"').send(toCsv(values, [...valueColumns]));
      return values;
    },
    requestRefresh: async (request, reply) => {
      const ctx = contextOf(request);
      const { jobId } = await runAsTenant(services, ctx, (tx) => requestRefresh(services, tx, ctx, request.body.kind));
      const ran = await drainJobs(services.db, services.clock);
      return reply.code(202).send({ jobId, ran: ran.length });
    },
    benchmark: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => compareWithPeers(services, tx, ctx, request.query));
    },
    benchmarkExport: async (request, reply) => {
      const ctx = contextOf(request);
      const rows = await runAsTenant(services, ctx, (tx) => exportBenchmark(services, tx, ctx, request.query));
      if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="benchmark.csv"').send(toCsv(rows, [...benchmarkColumns]));
      return rows;
    },
    setBenchmarkParticipation: async (request) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => setBenchmarkParticipation(services, tx, ctx, request.body.optedIn));
      await enqueueRefresh(services.db, 'publish', ctx.actor.id);
      await drainJobs(services.db, services.clock);
      return result;
    },
    listExperiments: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listExperiments(services, tx, ctx));
    },
    registerExperiment: async (request, reply) => {
      const ctx = contextOf(request);
      return reply.code(201).send(await runAsTenant(services, ctx, (tx) => registerExperiment(services, tx, ctx, request.body)));
    },
    evaluateExperiment: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => evaluateExperiment(services, tx, ctx, request.params.id));
    },
    leertafelCases: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listLeertafelCases(services, tx, ctx, request.query));
    },
    leertafelStory: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => exportLeertafelStory(services, tx, ctx, request.params.id));
    },
  });
}
