/** Assessments (ZRM, Participatieladder, Positieve Gezondheid): the client for @kern/assessments/contract. */
import { assessmentsContract, type Assessment, type AssessmentHistory, type InstrumentView, type RecordAssessmentInput } from '@kern/assessments/contract';
import type { Api } from '../api';

export type { Assessment, AssessmentHistory };
/** An instrument as staff see it: its scale, domains and the level texts the municipality loaded. */
export type Instrument = InstrumentView;

export function assessmentsApi(api: Api) {
  return {
    instruments: () => api.call(assessmentsContract.listInstruments).then((r) => r.instruments),
    history: (bsn: string) => api.call(assessmentsContract.readAssessments, { params: { bsn } }),
    record: (input: RecordAssessmentInput) => api.call(assessmentsContract.recordAssessment, { body: input }),
  };
}
