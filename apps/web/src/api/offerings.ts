import type { Api } from '../api';

export interface Offering {
  id: string; name: string; description: string; kind: 'general' | 'group'; lifeDomain: string | null; location: string | null;
  capacity: number | null; enrolled: number | string; placesLeft: number | string | null; startsOn: string; endsOn: string | null; status: 'open' | 'closed';
}
export interface Enrolment {
  id: string; offeringId: string; offeringName: string; kind: 'general' | 'group'; subjectBsn: string; planId: string | null; planActionId: string | null;
  enrolledOn: string; status: 'enrolled' | 'ended'; endedOn: string | null; attendance: { sessionOn: string; present: boolean }[];
}

export function offeringsApi(api: Api) {
  return {
    catalogue: () => api.request<{ offerings: Offering[] }>('GET', '/offerings').then((r) => r.offerings),
    enrolments: (bsn: string) => api.request<{ enrolments: Enrolment[] }>('GET', `/residents/${encodeURIComponent(bsn)}/enrolments`).then((r) => r.enrolments),
    enrol: (offeringId: string, input: { subjectBsn: string; planId?: string; planActionId?: string }) =>
      api.request<{ enrolmentId: string; placesLeft: number | null }>('POST', `/offerings/${encodeURIComponent(offeringId)}/enrolments`, input),
    attendance: (offeringId: string, sessionOn: string, attendance: { subjectBsn: string; present: boolean }[]) =>
      api.request<{ recorded: number }>('POST', `/offerings/${encodeURIComponent(offeringId)}/attendance`, { sessionOn, attendance }),
  };
}
