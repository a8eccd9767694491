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
  /** "< 5" (or null) in a suppressed cell, for roles without personal data. */
  numerator: number | string | null;
  denominator: number | string | null;
  value: number | null;
  inputEvents: number | string | null;
  definitionVersion: number;
  computedAt: string;
  suppressed: boolean;
}
export interface Comparison {
  indicatorId: string;
  sizeClass: string | null;
  optedIn: boolean;
  rows: { period: string; own: number | null; peerMedian: number | null; peers: number; nationalMedian: number | null; municipalities: number }[];
}
export interface Effect {
  measure: string;
  baseline: { n: number | string; estimate: number | null };
  experiment: { n: number | string; estimate: number | null };
  difference: number | null;
  ci95: [number, number] | null;
  detected: boolean;
  better: 'yes' | 'no' | 'inconclusive';
}
export interface ControlComparison {
  controlTeamId: string;
  concurrent: Effect;
  differenceInDifferences: {
    controlBaseline: { n: number | string; estimate: number | null };
    controlPeriod: { n: number | string; estimate: number | null };
    difference: number | null;
    ci95: [number, number] | null;
    detected: boolean;
    better: 'yes' | 'no' | 'inconclusive';
  };
}
export interface Experiment {
  id: string;
  title: string;
  hypothesis: string;
  intervention: string;
  targetGroup: string;
  indicatorId: string;
  teamId: string | null;
  controlTeamId: string | null;
  baselineFrom: string;
  baselineTo: string;
  periodFrom: string;
  periodTo: string;
  writeUp: string | null;
  result: (Effect & { control?: ControlComparison }) | null;
}
export type ExperimentInput = Omit<Experiment, 'id' | 'writeUp' | 'result'>;

export interface ValuesFilter {
  indicator?: string;
  law?: string;
  /** '*' all teams, or a team id (team cells exist for all laws together). */
  team?: string;
  from?: string;
  to?: string;
}
export interface Team {
  id: string;
  name: string;
  area: string | null;
}
/** A closed case that may be exported as a leertafel story (no resident data). */
export interface LeertafelCase {
  id: string;
  reference: string;
  caseTypeId: string;
  law: string;
  closedOn: string;
}
/** A case as an anonymised story: no identifiers, days from the melding instead of dates, free text removed. */
export interface Story {
  law: string;
  caseType: string | null;
  year: string | null;
  householdSize: '1' | '2-3' | '4+';
  durationWeeks: string;
  timeline: { day: number; step: string | null; kind: string }[];
  deadlines: { term: string; outcome: 'met' | 'late' | 'open'; daysLateBand: string | null }[];
  recorded: { field: string; value: boolean | number | string | null }[];
  k: number;
  generalised: string[];
}

export function insightApi(api: Api) {
  const { request } = api;
  return {
    indicators: () => request<{ core: IndicatorDefinition[]; local: IndicatorDefinition[] }>('GET', '/insight/indicators'),
    teams: () => request<{ teams: Team[] }>('GET', '/insight/teams').then((r) => r.teams),
    leertafelCases: () => request<{ cases: LeertafelCase[] }>('GET', '/insight/leertafel/cases').then((r) => r.cases),
    story: (caseId: string) => request<Story>('GET', `/insight/leertafel/cases/${encodeURIComponent(caseId)}`),
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
