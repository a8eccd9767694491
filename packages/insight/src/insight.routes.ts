import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { z } from 'zod';
import { defineLocalIndicator } from './define-local-indicator';
import { exportLeertafelStory, listLeertafelCases } from './export-leertafel-story';
import { evaluateExperiment, listExperiments, registerExperiment } from './experiments';
import { benchmarkRowSchema, comparisonSchema, experimentInputSchema, experimentSchema, indicatorDefinitionSchema, shownIndicatorValueSchema, valuesQuerySchema } from './insight.schema';
import { benchmarkColumns, compareWithPeers, exportBenchmark, setBenchmarkParticipation } from './read-benchmark';
import { listIndicators, listIndicatorTeams, readIndicatorValues, toCsv } from './read-indicators';
import { drainJobs, enqueueRefresh } from './refresh-indicators';
import { requestRefresh } from './request-refresh';

const valueColumns = ['indicatorId', 'period', 'law', 'team', 'numerator', 'denominator', 'value', 'inputEvents', 'definitionVersion', 'computedAt'] as const;

/** Steering and learning. Every route returns aggregates only (personalData: none), except the leertafel story, which reads one case to anonymise it. */
export function insightRoutes(app: KernApp, services: AccessServices): void {
  const tags = ['insight'];
  app.get('/api/v1/insight/indicators', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'The indicator catalogue: the standard core set and the municipality\'s local indicators, with definitions', response: { 200: z.object({ core: z.array(indicatorDefinitionSchema), local: z.array(indicatorDefinitionSchema) }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listIndicators(services, tx, ctx));
  });

  app.post('/api/v1/insight/indicators', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Define or replace a local indicator (id local-...), validated like the core set', body: z.record(z.string(), z.unknown()), response: { 201: indicatorDefinitionSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    return reply.code(201).send(await runAsTenant(services, ctx, (tx) => defineLocalIndicator(services, tx, ctx, request.body)));
  });

  app.get('/api/v1/insight/teams', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'The teams of your municipality with the area (neighbourhood) they serve: the team filter of the indicator values', response: { 200: z.object({ teams: z.array(z.object({ id: z.string(), name: z.string(), area: z.string().nullable() })) }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return { teams: await runAsTenant(services, ctx, (tx) => listIndicatorTeams(services, tx, ctx)) };
  });

  app.get('/api/v1/insight/values', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Computed indicator values of your municipality per quarter (law and team filters; format=csv for a download)', querystring: valuesQuerySchema, response: { 200: z.union([z.array(shownIndicatorValueSchema), z.string()]) } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const values = await runAsTenant(services, ctx, (tx) => readIndicatorValues(services, tx, ctx, request.query));
    if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="indicatoren.csv"').send(toCsv(values, [...valueColumns]));
    return values;
  });

  app.post('/api/v1/insight/refresh-jobs', {
    config: { auth: 'staff', personalData: 'none' },
    schema: {
      tags, summary: 'Queue an indicator refresh (full or incremental) and run the queue', body: z.object({ kind: z.enum(['full', 'incremental']).default('incremental') }),
      response: { 202: z.object({ jobId: z.number().int(), ran: z.number().int() }) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const { jobId } = await runAsTenant(services, ctx, (tx) => requestRefresh(services, tx, ctx, request.body.kind));
    const ran = await drainJobs(services.db, services.clock);
    return reply.code(202).send({ jobId, ran: ran.length });
  });

  app.get('/api/v1/insight/benchmark', {
    config: { auth: 'staff', personalData: 'none' },
    schema: {
      tags, summary: 'Your municipality against peers of similar size and the national median (published aggregates only)',
      querystring: z.object({ indicator: z.string().max(80).default('wmo-onderzoek-in-time'), law: z.string().max(20).default('*') }), response: { 200: comparisonSchema.extend({ optedIn: z.boolean() }) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => compareWithPeers(services, tx, ctx, request.query));
  });

  app.get('/api/v1/insight/benchmark/export', {
    config: { auth: 'staff', personalData: 'none' },
    schema: {
      tags, summary: 'The published, suppressed aggregates of all participating municipalities (JSON or CSV)',
      querystring: z.object({ indicator: z.string().max(80).optional(), format: z.enum(['json', 'csv']).default('json') }), response: { 200: z.union([z.array(benchmarkRowSchema), z.string()]) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const rows = await runAsTenant(services, ctx, (tx) => exportBenchmark(services, tx, ctx, request.query));
    if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="benchmark.csv"').send(toCsv(rows, [...benchmarkColumns]));
    return rows;
  });

  app.put('/api/v1/insight/benchmark/participation', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Opt in to (or out of) sharing aggregates in the benchmark; publishes at once', body: z.object({ optedIn: z.boolean() }), response: { 200: z.object({ optedIn: z.boolean() }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => setBenchmarkParticipation(services, tx, ctx, request.body.optedIn));
    await enqueueRefresh(services.db, 'publish', ctx.actor.id);
    await drainJobs(services.db, services.clock);
    return result;
  });

  app.get('/api/v1/insight/experiments', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Registered experiments with their results', response: { 200: z.array(experimentSchema) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listExperiments(services, tx, ctx));
  });

  app.post('/api/v1/insight/experiments', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Register an experiment: hypothesis, intervention, target group, indicator, team, optional control team, baseline and period', body: experimentInputSchema, response: { 201: experimentSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    return reply.code(201).send(await runAsTenant(services, ctx, (tx) => registerExperiment(services, tx, ctx, request.body)));
  });

  app.post('/api/v1/insight/experiments/:id/evaluation', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Compare the experiment group with its baseline and, when defined, with its control group (difference in differences): effect size, 95% confidence interval and write-up', params: z.object({ id: z.string().uuid() }), response: { 200: experimentSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => evaluateExperiment(services, tx, ctx, request.params.id));
  });

  app.get('/api/v1/insight/leertafel/cases', {
    config: { auth: 'staff', personalData: 'none' },
    schema: {
      tags, summary: 'Closed cases under the current law that you or your team worked on, to choose one for a leertafel story (references and case types only, no resident data)',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ cases: z.array(z.object({ id: z.string(), reference: z.string(), caseTypeId: z.string(), law: z.string(), closedOn: z.string() })) }) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listLeertafelCases(services, tx, ctx, request.query));
  });

  app.get('/api/v1/insight/leertafel/cases/:id', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: {
      tags, summary: 'A case as an anonymised story for a learning session (leertafel): no identifiers, days instead of dates, free text removed, k-anonymous',
      params: z.object({ id: z.string().uuid() }), response: { 200: storySchema },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => exportLeertafelStory(services, tx, ctx, request.params.id));
  });
}

const storySchema = z.object({
  law: z.string(),
  caseType: z.string().nullable(),
  year: z.string().nullable(),
  householdSize: z.enum(['1', '2-3', '4+']),
  durationWeeks: z.string(),
  timeline: z.array(z.object({ day: z.number().int(), step: z.string().nullable(), kind: z.string() })),
  deadlines: z.array(z.object({ term: z.string(), outcome: z.enum(['met', 'late', 'open']), daysLateBand: z.string().nullable() })),
  recorded: z.array(z.object({ field: z.string(), value: z.union([z.boolean(), z.number(), z.string()]).nullable() })),
  k: z.number().int(),
  generalised: z.array(z.string()),
});
