/** The household plan: the client side of @kern/plans/contract (/api/v1/plans, /residents/:bsn/plan). */
import { actionOwnerKinds, plansContract, type AgreeToPlanVersionInput, type DraftPlanVersionInput } from '@kern/plans/contract';
import type { ResponseOf } from '@kern/kit/contract';
import type { Api } from '../api';
import { urlOf } from './client';

export type HouseholdPlan = ResponseOf<typeof plansContract.householdPlan>;
export type Plan = ResponseOf<typeof plansContract.openPlan>;
export type PlanVersion = Plan['versions'][number];
export type OwnerKind = (typeof actionOwnerKinds)[number];
export const OWNER_KINDS: readonly OwnerKind[] = actionOwnerKinds;

export function plansApi(api: Api) {
  return {
    householdPlan: (bsn: string) => api.call(plansContract.householdPlan, { params: { bsn } }),
    open: (anchorBsn: string, members: { bsn: string; name: string }[]) => api.call(plansContract.openPlan, { body: { anchorBsn, members } }),
    draft: (planId: string, input: DraftPlanVersionInput) => api.call(plansContract.draftVersion, { params: { id: planId }, body: input }),
    agree: (planId: string, input: AgreeToPlanVersionInput) => api.call(plansContract.agree, { params: { id: planId }, body: input }),
    requestChange: (planId: string, requestedByBsn: string, request: string) =>
      api.call(plansContract.requestChange, { params: { id: planId }, body: { requestedByBsn, request } }),
  };
}

/**
 * The PDF of one version. Fetched rather than linked, because the route needs the purpose header
 * (doelbinding) that a plain link cannot send; the browser then saves or opens the blob.
 */
export async function fetchPlanPdf(planId: string, version: number, lang: 'nl' | 'en', purpose: string): Promise<Blob> {
  const response = await fetch(urlOf(plansContract.planPdf, { params: { id: planId }, query: { version, lang } }), {
    headers: { 'Kern-Purpose': purpose, Accept: 'application/pdf, application/problem+json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`PDF ${response.status}`);
  return response.blob();
}
