import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { benchmarkRowSchema, comparisonSchema, experimentInputSchema, experimentSchema, indicatorDefinitionSchema, shownIndicatorValueSchema, valuesQuerySchema } from './insight.schema';

const tags = ['insight'];

export const storySchema = z.object({
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

/** Steering and learning. Every route returns aggregates only (personalData: none), except the leertafel story, which reads one case to anonymise it. */
export const insightContract = defineContract({
  listIndicators: defineRoute({
    method: 'GET', path: '/api/v1/insight/indicators', tags, auth: 'staff', personalData: 'none',
    summary: 'The indicator catalogue: the standard core set and the municipality\'s local indicators, with definitions',
    access: { resource: 'indicator', action: 'read' },
    responses: { 200: z.object({ core: z.array(indicatorDefinitionSchema), local: z.array(indicatorDefinitionSchema) }) },
    errors: ['forbidden'],
  }),
  defineLocalIndicator: defineRoute({
    method: 'POST', path: '/api/v1/insight/indicators', tags, auth: 'staff', personalData: 'none',
    summary: 'Define or replace a local indicator (id local-...), validated like the core set',
    access: { resource: 'indicator', action: 'create' },
    body: z.record(z.string(), z.unknown()),
    responses: { 201: indicatorDefinitionSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  listTeams: defineRoute({
    method: 'GET', path: '/api/v1/insight/teams', tags, auth: 'staff', personalData: 'none',
    summary: 'The teams of your municipality with the area (neighbourhood) they serve: the team filter of the indicator values',
    access: { resource: 'indicator', action: 'read' },
    responses: { 200: z.object({ teams: z.array(z.object({ id: z.string(), name: z.string(), area: z.string().nullable() })) }) },
    errors: ['forbidden'],
  }),
  /** JSON by default; `format=csv` answers a CSV download (and is decided as an export). */
  values: defineRoute({
    method: 'GET', path: '/api/v1/insight/values', tags, auth: 'staff', personalData: 'none',
    summary: 'Computed indicator values of your municipality per quarter (law and team filters; format=csv for a download)',
    access: { resource: 'indicator', action: 'read' },
    query: valuesQuerySchema,
    responses: { 200: z.union([z.array(shownIndicatorValueSchema), z.string()]) },
    errors: ['invalid-input', 'forbidden'],
  }),
  requestRefresh: defineRoute({
    method: 'POST', path: '/api/v1/insight/refresh-jobs', tags, auth: 'staff', personalData: 'none',
    summary: 'Queue an indicator refresh (full or incremental) and run the queue',
    access: { resource: 'indicator', action: 'update' },
    body: z.object({ kind: z.enum(['full', 'incremental']).default('incremental') }),
    responses: { 202: z.object({ jobId: z.number().int(), ran: z.number().int() }) },
    errors: ['forbidden'],
  }),
  benchmark: defineRoute({
    method: 'GET', path: '/api/v1/insight/benchmark', tags, auth: 'staff', personalData: 'none',
    summary: 'Your municipality against peers of similar size and the national median (published aggregates only)',
    access: { resource: 'benchmark', action: 'read' },
    query: z.object({ indicator: z.string().max(80).default('wmo-onderzoek-in-time'), law: z.string().max(20).default('*') }),
    responses: { 200: comparisonSchema.extend({ optedIn: z.boolean() }) },
    errors: ['forbidden'],
  }),
  /** JSON by default; `format=csv` answers a CSV download. */
  benchmarkExport: defineRoute({
    method: 'GET', path: '/api/v1/insight/benchmark/export', tags, auth: 'staff', personalData: 'none',
    summary: 'The published, suppressed aggregates of all participating municipalities (JSON or CSV)',
    access: { resource: 'benchmark', action: 'export' },
    query: z.object({ indicator: z.string().max(80).optional(), format: z.enum(['json', 'csv']).default('json') }),
    responses: { 200: z.union([z.array(benchmarkRowSchema), z.string()]) },
    errors: ['forbidden'],
  }),
  setBenchmarkParticipation: defineRoute({
    method: 'PUT', path: '/api/v1/insight/benchmark/participation', tags, auth: 'staff', personalData: 'none',
    summary: 'Opt in to (or out of) sharing aggregates in the benchmark; publishes at once',
    access: { resource: 'benchmark', action: 'update' },
    body: z.object({ optedIn: z.boolean() }),
    responses: { 200: z.object({ optedIn: z.boolean() }) },
    errors: ['forbidden'],
  }),
  listExperiments: defineRoute({
    method: 'GET', path: '/api/v1/insight/experiments', tags, auth: 'staff', personalData: 'none',
    summary: 'Registered experiments with their results',
    access: { resource: 'experiment', action: 'read' },
    responses: { 200: z.array(experimentSchema) },
    errors: ['forbidden'],
  }),
  registerExperiment: defineRoute({
    method: 'POST', path: '/api/v1/insight/experiments', tags, auth: 'staff', personalData: 'none',
    summary: 'Register an experiment: hypothesis, intervention, target group, indicator, team, optional control team, baseline and period',
    access: { resource: 'experiment', action: 'create' },
    body: experimentInputSchema,
    responses: { 201: experimentSchema },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
  evaluateExperiment: defineRoute({
    method: 'POST', path: '/api/v1/insight/experiments/:id/evaluation', tags, auth: 'staff', personalData: 'none',
    summary: 'Compare the experiment group with its baseline and, when defined, with its control group (difference in differences): effect size, 95% confidence interval and write-up',
    access: { resource: 'experiment', action: 'update' },
    params: z.object({ id: z.string().uuid() }),
    responses: { 200: experimentSchema },
    errors: ['forbidden', 'not-found', 'conflict'],
  }),
  leertafelCases: defineRoute({
    method: 'GET', path: '/api/v1/insight/leertafel/cases', tags, auth: 'staff', personalData: 'none',
    summary: 'Closed cases under the current law that you or your team worked on, to choose one for a leertafel story (references and case types only, no resident data)',
    access: { resource: 'leertafel-story', action: 'search' },
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    responses: { 200: z.object({ cases: z.array(z.object({ id: z.string(), reference: z.string(), caseTypeId: z.string(), law: z.string(), closedOn: z.string() })) }) },
    errors: ['forbidden'],
  }),
  leertafelStory: defineRoute({
    method: 'GET', path: '/api/v1/insight/leertafel/cases/:id', tags, auth: 'staff', personalData: 'reads',
    summary: 'A case as an anonymised story for a learning session (leertafel): no identifiers, days instead of dates, free text removed, k-anonymous',
    access: { resource: 'leertafel-story', action: 'export' },
    params: z.object({ id: z.string().uuid() }),
    responses: { 200: storySchema },
    errors: ['forbidden', 'not-found', 'conflict'],
  }),
});
