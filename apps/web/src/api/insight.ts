/** API client for steering and learning (insight): indicators, benchmark, experiments. */
import { queryString, type Api } from '../api';

export type Level = 'outcome' | 'output' | 'throughput' | 'resources';
export interface IndicatorDefinition {
  id: string;
  version: number;
  level: Level;
  unit: 'percent' | 'count' | 'days' | 'steps' | 'euro' | 'per-1000';
  better: 'higher' | 'lower' | 'neutral';
  title: { nl: string; en: string };
  explanation: { nl: string; en: string };
}
export interface IndicatorValue {
  indicatorId: string;
  period: string;
  law: string;
  team: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  inputEvents: number;
  definitionVersion: number;
  computedAt: string;
}
export interface Comparison {
  indicatorId: string;
  sizeClass: string | null;
  optedIn: boolean;
  rows: { period: string; own: number | null; peerMedian: number | null; peers: number; nationalMedian: number | null; municipalities: number }[];
}
export interface Effect {
  measure: string;
  baseline: { n: number; estimate: number | null };
  experiment: { n: number; estimate: number | null };
  difference: number | null;
  ci95: [number, number] | null;
  detected: boolean;
  better: 'yes' | 'no' | 'inconclusive';
}
export interface Experiment {
  id: string;
  title: string;
  hypothesis: string;
  intervention: string;
  targetGroup: string;
  indicatorId: string;
  teamId: string | null;
  baselineFrom: string;
  baselineTo: string;
  periodFrom: string;
  periodTo: string;
  writeUp: string | null;
  result: Effect | null;
}
export type ExperimentInput = Omit<Experiment, 'id' | 'writeUp' | 'result'>;

export interface ValuesFilter {
  indicator?: string;
  law?: string;
  from?: string;
  to?: string;
}

export function insightApi(api: Api) {
  const { request } = api;
  return {
    indicators: () => request<{ core: IndicatorDefinition[]; local: IndicatorDefinition[] }>('GET', '/insight/indicators'),
    values: (f: ValuesFilter) => request<IndicatorValue[]>('GET', `/insight/values${queryString({ ...f })}`),
    comparison: (indicator: string, law?: string) => request<Comparison>('GET', `/insight/benchmark${queryString({ indicator, law })}`),
    refresh: (kind: 'full' | 'incremental') => request<{ jobId: number; ran: number }>('POST', '/insight/refresh-jobs', { kind }),
    experiments: () => request<Experiment[]>('GET', '/insight/experiments'),
    registerExperiment: (input: ExperimentInput) => request<Experiment>('POST', '/insight/experiments', input),
    evaluateExperiment: (id: string) => request<Experiment>('POST', `/insight/experiments/${encodeURIComponent(id)}/evaluation`),
  };
}

export const valuesCsvUrl = (f: ValuesFilter) => `/api/v1/insight/values${queryString({ ...f, format: 'csv' })}`;
export const valuesJsonUrl = (f: ValuesFilter) => `/api/v1/insight/values${queryString({ ...f })}`;
export const benchmarkCsvUrl = (indicator?: string) => `/api/v1/insight/benchmark/export${queryString({ indicator, format: 'csv' })}`;
