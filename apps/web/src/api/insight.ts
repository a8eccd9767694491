/** API client for steering and learning (insight): indicators, benchmark, experiments; typed from @kern/insight/contract. */
import {
  insightContract, type controlComparisonSchema, type Effect, type Experiment, type IndicatorDefinition, type ShownIndicatorValue, type indicatorLevels,
} from '@kern/insight/contract';
import type { BodyIn, QueryIn, ResponseOf } from '@kern/kit/contract';
import type { z } from 'zod';
import type { Api } from '../api';
import { urlOf } from './client';

export type { Effect, Experiment, IndicatorDefinition };
/** A value as shown: small counts suppressed to "< 5" for roles without personal data. */
export type IndicatorValue = ShownIndicatorValue;
export type Level = (typeof indicatorLevels)[number];
export type ControlComparison = z.infer<typeof controlComparisonSchema>;
export type Comparison = ResponseOf<typeof insightContract.benchmark>;
export type ExperimentInput = BodyIn<typeof insightContract.registerExperiment>;
export type ValuesFilter = Omit<QueryIn<typeof insightContract.values>, 'format'>;
export type Team = ResponseOf<typeof insightContract.listTeams>['teams'][number];
/** A closed case that may be exported as a leertafel story (no resident data). */
export type LeertafelCase = ResponseOf<typeof insightContract.leertafelCases>['cases'][number];
/** A case as an anonymised story: no identifiers, days from the melding instead of dates, free text removed. */
export type Story = ResponseOf<typeof insightContract.leertafelStory>;

/** The values route answers CSV only when asked for it (format=csv); a JSON call gets the rows. */
function rowsOf<T>(answer: T[] | string): T[] {
  if (typeof answer === 'string') throw new Error('expected JSON rows, got text');
  return answer;
}

export function insightApi(api: Api) {
  const c = insightContract;
  return {
    indicators: () => api.call(c.listIndicators),
    teams: () => api.call(c.listTeams).then((r) => r.teams),
    leertafelCases: () => api.call(c.leertafelCases).then((r) => r.cases),
    story: (caseId: string) => api.call(c.leertafelStory, { params: { id: caseId } }),
    values: (f: ValuesFilter) => api.call(c.values, { query: f }).then(rowsOf),
    comparison: (indicator: string, law?: string) => api.call(c.benchmark, { query: { indicator, law } }),
    refresh: (kind: 'full' | 'incremental') => api.call(c.requestRefresh, { body: { kind } }),
    experiments: () => api.call(c.listExperiments),
    registerExperiment: (input: ExperimentInput) => api.call(c.registerExperiment, { body: input }),
    evaluateExperiment: (id: string) => api.call(c.evaluateExperiment, { params: { id } }),
  };
}

export const valuesCsvUrl = (f: ValuesFilter) => urlOf(insightContract.values, { query: { ...f, format: 'csv' } });
export const valuesJsonUrl = (f: ValuesFilter) => urlOf(insightContract.values, { query: { ...f } });
export const benchmarkCsvUrl = (indicator?: string) => urlOf(insightContract.benchmarkExport, { query: { indicator, format: 'csv' } });
