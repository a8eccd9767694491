import type { Api } from '../api';

export interface Text { nl: string; en: string }
export interface Instrument {
  id: string;
  name: Text;
  subject: 'person' | 'household';
  source: string;
  licensedLevelTexts: boolean;
  scale: { min: number; max: number; labels: { value: number; label: Text }[] };
  domains: { key: string; name: Text; levels: { level: number; text: string }[] }[];
  levelTextsLoaded: boolean;
}
export interface Assessment { id: string; instrumentId: string; subjectBsn: string; assessedOn: string; scores: Record<string, number>; note: string | null; recordedAt: string }
export interface AssessmentHistory { subjectBsn: string; byInstrument: { instrumentId: string; assessments: Assessment[] }[] }

export function assessmentsApi(api: Api) {
  return {
    instruments: () => api.request<{ instruments: Instrument[] }>('GET', '/assessment-instruments').then((r) => r.instruments),
    history: (bsn: string) => api.request<AssessmentHistory>('GET', `/residents/${encodeURIComponent(bsn)}/assessments`),
    record: (input: { instrumentId: string; subjectBsn: string; assessedOn: string; scores: Record<string, number>; note?: string }) => api.request<Assessment>('POST', '/assessments', input),
  };
}
