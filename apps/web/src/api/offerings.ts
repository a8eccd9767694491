import { offeringsContract, type Enrolment, type ShownOffering } from '@kern/offerings/contract';
import type { Api } from '../api';

export type { Enrolment };
/** An offering as staff see it: counts below 5 are "< 5" for roles without personal data. */
export type Offering = ShownOffering;

export function offeringsApi(api: Api) {
  return {
    catalogue: () => api.call(offeringsContract.listOfferings).then((r) => r.offerings),
    enrolments: (bsn: string) => api.call(offeringsContract.residentEnrolments, { params: { bsn } }).then((r) => r.enrolments),
    enrol: (offeringId: string, input: { subjectBsn: string; planId?: string; planActionId?: string }) =>
      api.call(offeringsContract.enrol, { params: { offeringId }, body: input }),
    attendance: (offeringId: string, sessionOn: string, attendance: { subjectBsn: string; present: boolean }[]) =>
      api.call(offeringsContract.recordAttendance, { params: { offeringId }, body: { sessionOn, attendance } }),
  };
}
