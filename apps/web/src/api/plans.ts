/**
 * Plans, assessments and group offerings: the client side of /api/v1/plans, /residents/:bsn/plan,
 * /assessments, /assessment-instruments, /offerings and /residents/:bsn/enrolments. Types mirror
 * packages/plans/src/plans.schema.ts, packages/assessments/src/assessments.schema.ts and
 * packages/offerings/src/offerings.schema.ts.
 */
import type { Api } from '../api';

export type OwnerKind = 'citizen' | 'network' | 'professional' | 'provider';
export const OWNER_KINDS: OwnerKind[] = ['citizen', 'network', 'professional', 'provider'];

export interface PlanGoal { id: string; domain: string; memberBsn: string | null; text: string; status: string }
export interface PlanAction { id: string; goalId: string | null; text: string; owner: { kind: OwnerKind; name: string }; dueDate: string; status: string; offeringId: string | null }
export interface PlanContent { goals: PlanGoal[]; actions: PlanAction[]; agreements: { id: string; text: string }[]; reviewDates: string[] }
export interface PlanAgreement { version: number; agreedAt: string; partyBsn: string; partyName: string; partyRole: 'citizen' | 'representative'; method: 'portal' | 'in-person' | 'signed-paper'; recordedByKind: string }
export interface PlanVersion { version: number; state: 'draft' | 'agreed' | 'superseded'; content: PlanContent; changeNote: string | null; createdAt: string; agreedAt: string | null; agreements: PlanAgreement[] }
export interface Plan {
  id: string;
  anchorBsn: string;
  members: { bsn: string; name: string }[];
  coordinator: { id: string; name: string };
  status: 'open' | 'closed';
  createdAt: string;
  agreedVersion: number | null;
  draftVersion: number | null;
  versions: PlanVersion[];
  changeRequests: { id: string; basedOnVersion: number; requestedAt: string; requestedByBsn: string; request: string; answeredVersion: number | null }[];
}
export type HouseholdPlan =
  | { view: 'full'; plan: Plan }
  | { view: 'signal'; signal: { planId: string; coordinatorName: string; agreed: boolean } }
  | { view: 'no-plan' };

export interface DraftInput { content: PlanContent; changeNote?: string }

export function plansApi(api: Api) {
  return {
    householdPlan: (bsn: string) => api.request<HouseholdPlan>('GET', `/residents/${encodeURIComponent(bsn)}/plan`),
    open: (anchorBsn: string, members: { bsn: string; name: string }[]) => api.request<Plan>('POST', '/plans', { anchorBsn, members }),
    draft: (planId: string, input: DraftInput) => api.request<Plan>('POST', `/plans/${encodeURIComponent(planId)}/versions`, input),
    agree: (planId: string, input: { version: number; party: { bsn: string; name: string; role: 'citizen' | 'representative' }; method: 'in-person' | 'signed-paper' }) =>
      api.request<Plan>('POST', `/plans/${encodeURIComponent(planId)}/agreements`, input),
    requestChange: (planId: string, requestedByBsn: string, request: string) =>
      api.request<{ id: string; basedOnVersion: number }>('POST', `/plans/${encodeURIComponent(planId)}/change-requests`, { requestedByBsn, request }),
  };
}

/**
 * The PDF of one version. Fetched rather than linked, because the route needs the purpose header
 * (doelbinding) that a plain link cannot send; the browser then saves or opens the blob.
 */
export async function fetchPlanPdf(planId: string, version: number, lang: 'nl' | 'en', purpose: string): Promise<Blob> {
  const response = await fetch(`/api/v1/plans/${encodeURIComponent(planId)}/pdf?version=${version}&lang=${lang}`, {
    headers: { 'Kern-Purpose': purpose, Accept: 'application/pdf, application/problem+json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`PDF ${response.status}`);
  return response.blob();
}
