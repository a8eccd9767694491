import { SMALL_COUNT } from '@kern/access/contract';
import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

const text = z.object({ nl: z.string().min(3).max(600), en: z.string().min(3).max(600) });
const eventType = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'an event type is <module>.<past-tense>, e.g. case.started');
const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/);

/** Which domain events an indicator counts: a type (or a few), optionally with equal-to conditions on `data`. */
export const eventFilterSchema = z.object({
  type: z.union([eventType, z.array(eventType).min(1).max(10)]),
  where: z.record(fieldName, z.union([z.string().max(64), z.number(), z.boolean()])).optional(),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;

/**
 * How an indicator is computed, as data: a small closed set of measures that one interpreter
 * (compile-indicator.ts) turns into set-based SQL. Adding a kind means adding it there too.
 */
export const measureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), event: eventFilterSchema }),
  z.object({ kind: z.literal('ratio'), numerator: eventFilterSchema, denominator: eventFilterSchema }),
  z.object({ kind: z.literal('mean'), event: eventFilterSchema, field: fieldName }),
  z.object({ kind: z.literal('sum-per-subject'), event: eventFilterSchema, field: fieldName, divideBy: z.number().positive().default(1) }),
  z.object({ kind: z.literal('per-residents'), event: eventFilterSchema, subjectField: fieldName.optional(), per: z.number().int().positive().default(1000) }),
  z.object({
    kind: z.literal('score-change'),
    instrument: z.string().min(2).max(64),
    minMonths: z.number().int().min(1).max(60),
    maxMonths: z.number().int().min(2).max(72),
    result: z.enum(['improved-share', 'mean-change']),
  }),
  z.object({ kind: z.literal('return-within'), closing: eventFilterSchema, start: eventFilterSchema, days: z.number().int().min(1).max(1100) }),
]);
export type Measure = z.infer<typeof measureSchema>;

export const indicatorLevels = ['outcome', 'output', 'throughput', 'resources'] as const;

export const indicatorDefinitionSchema = z
  .object({
    id: z.string().regex(/^(local-)?[a-z0-9-]{3,64}$/),
    version: z.number().int().positive(),
    level: z.enum(indicatorLevels),
    unit: z.enum(['percent', 'count', 'days', 'steps', 'euro', 'per-1000']),
    better: z.enum(['higher', 'lower', 'neutral']),
    title: text,
    explanation: text,
    measure: measureSchema,
  })
  .superRefine((d, ctx) => {
    if (d.measure.kind === 'score-change' && d.measure.maxMonths <= d.measure.minMonths) {
      ctx.addIssue({ code: 'custom', path: ['measure', 'maxMonths'], message: 'maxMonths must be after minMonths' });
    }
  });
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;
export type IndicatorDefinitionInput = z.input<typeof indicatorDefinitionSchema>;

export const catalogueSchema = z
  .object({ name: z.string(), indicators: z.array(indicatorDefinitionSchema).min(1) })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.indicators.forEach((i, n) => {
      if (ids.has(i.id)) ctx.addIssue({ code: 'custom', path: ['indicators', n, 'id'], message: `duplicate indicator ${i.id}` });
      if (i.id.startsWith('local-')) ctx.addIssue({ code: 'custom', path: ['indicators', n, 'id'], message: 'local- is reserved for municipal indicators' });
      ids.add(i.id);
    });
  });
export type Catalogue = z.infer<typeof catalogueSchema>;

export const periodSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter like 2026-Q1');

export const indicatorValueSchema = z.object({
  indicatorId: z.string(),
  period: z.string(),
  law: z.string(),
  team: z.string(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  inputEvents: z.number().int(),
  definitionVersion: z.number().int(),
  computedAt: z.string(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/**
 * A value as a reader sees it. For a role without personal data a cell resting on fewer than 5
 * clients (or recoverable from its neighbours by subtraction) is suppressed: no value, and its
 * counts only as "< 5" where they are that small, otherwise not at all (see shown-values.ts).
 */
const smallOr = <T extends z.ZodTypeAny>(t: T) => z.union([t, z.literal(SMALL_COUNT)]);
export const shownIndicatorValueSchema = indicatorValueSchema.extend({
  numerator: smallOr(z.number()).nullable(),
  denominator: smallOr(z.number()).nullable(),
  inputEvents: smallOr(z.number().int()).nullable(),
  suppressed: z.boolean(),
});
export type ShownIndicatorValue = z.infer<typeof shownIndicatorValueSchema>;

export const valuesQuerySchema = z.object({
  indicator: z.string().max(80).optional(),
  from: periodSchema.optional(),
  to: periodSchema.optional(),
  law: z.string().max(20).default('*'),
  team: z.string().max(40).default('*'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const benchmarkRowSchema = z.object({
  municipalityCode: z.string(),
  indicatorId: z.string(),
  period: z.string(),
  law: z.string(),
  sizeClass: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
  definitionVersion: z.number().int(),
});
export type BenchmarkRow = z.infer<typeof benchmarkRowSchema>;

export const comparisonSchema = z.object({
  indicatorId: z.string(),
  sizeClass: z.string().nullable(),
  rows: z.array(z.object({ period: z.string(), own: z.number().nullable(), peerMedian: z.number().nullable(), peers: z.number().int(), nationalMedian: z.number().nullable(), municipalities: z.number().int() })),
});

export const experimentInputSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    hypothesis: z.string().trim().min(10).max(2000),
    intervention: z.string().trim().min(3).max(2000),
    targetGroup: z.string().trim().min(3).max(500),
    indicatorId: z.string().max(80),
    teamId: z.string().uuid().nullable().default(null),
    /** Optional control group: another team of the municipality, without the intervention, over the same periods. */
    controlTeamId: z.string().uuid().nullable().default(null),
    baselineFrom: calendarDateSchema,
    baselineTo: calendarDateSchema,
    periodFrom: calendarDateSchema,
    periodTo: calendarDateSchema,
  })
  .superRefine((e, ctx) => {
    if (e.baselineTo < e.baselineFrom) ctx.addIssue({ code: 'custom', path: ['baselineTo'], message: 'baseline ends before it starts' });
    if (e.periodTo < e.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'period ends before it starts' });
    if (e.periodFrom <= e.baselineTo) ctx.addIssue({ code: 'custom', path: ['periodFrom'], message: 'the experiment period starts after the baseline' });
    if (e.controlTeamId !== null && e.teamId === null) ctx.addIssue({ code: 'custom', path: ['controlTeamId'], message: 'a control group needs a team as the experiment group' });
    if (e.controlTeamId !== null && e.controlTeamId === e.teamId) ctx.addIssue({ code: 'custom', path: ['controlTeamId'], message: 'the control group is another team than the experiment group' });
  });
export type ExperimentInput = z.infer<typeof experimentInputSchema>;

/** A group of an experiment: its size ("< 5" for a role without personal data when that small) and estimate. */
const groupFigureSchema = z.object({ n: smallOr(z.number()), estimate: z.number().nullable() });

export const effectSchema = z.object({
  measure: z.enum(['difference-in-proportions', 'difference-in-means']),
  baseline: groupFigureSchema,
  experiment: groupFigureSchema,
  difference: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  detected: z.boolean(),
  better: z.enum(['yes', 'no', 'inconclusive']),
});
export type Effect = z.infer<typeof effectSchema>;

/**
 * The comparison with a control group: the experiment group against the control group in the
 * same period (concurrent), and the change of the experiment group minus the change of the
 * control group, each against its own baseline (difference in differences), which takes out
 * what changed for everyone in that period.
 */
export const controlComparisonSchema = z.object({
  controlTeamId: z.string(),
  concurrent: effectSchema,
  differenceInDifferences: z.object({
    controlBaseline: groupFigureSchema,
    controlPeriod: groupFigureSchema,
    difference: z.number().nullable(),
    ci95: z.tuple([z.number(), z.number()]).nullable(),
    detected: z.boolean(),
    better: z.enum(['yes', 'no', 'inconclusive']),
  }),
});
export type ControlComparison = z.infer<typeof controlComparisonSchema>;
export const experimentResultSchema = effectSchema.extend({ control: controlComparisonSchema.optional() });
export type ExperimentResult = z.infer<typeof experimentResultSchema>;

export const experimentSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  hypothesis: z.string(),
  intervention: z.string(),
  targetGroup: z.string(),
  indicatorId: z.string(),
  teamId: z.string().nullable(),
  controlTeamId: z.string().nullable(),
  baselineFrom: z.string(),
  baselineTo: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  writeUp: z.string().nullable(),
  result: experimentResultSchema.nullable(),
  createdAt: z.string(),
});
export type Experiment = z.infer<typeof experimentSchema>;
