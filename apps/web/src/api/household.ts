/**
 * The integral household view and consent: the client side of /api/v1/residents/:bsn/household-view,
 * /consents and /household-signals. Types mirror packages/household/src/household.schema.ts and
 * packages/access/src/consent.schema.ts.
 */
import { consentContract, type Consent, type PrivacyNotice, type Purpose } from '@kern/access/contract';
import type { BodyIn } from '@kern/kit/contract';
import type { Api, HouseholdMember, Address } from '../api';

export type DataCategory = 'wmo' | 'jeugdwet' | 'participatiewet' | 'wgs' | 'education' | 'housing' | 'plan' | 'assessment' | 'offering';
export const DATA_CATEGORIES: DataCategory[] = ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'education', 'housing', 'plan', 'assessment', 'offering'];
export type SectionKind = 'cases' | 'provisions' | 'income' | 'debt' | 'plan' | 'assessments' | 'offerings' | 'signals';
export type WithholdReason = 'other-law-no-consent' | 'other-law' | 'no-relation' | 'not-in-policy';

export interface TeamContact {
  team: string;
  contact: string;
}

export interface SectionItem {
  id: string;
  title: string;
  status: 'open' | 'closed';
  since: string;
  until: string | null;
  detail: string | null;
  at: TeamContact | null;
  href: string | null;
}

export type Section =
  | { kind: SectionKind; category: DataCategory; state: 'full'; basis: string; breakGlass: boolean; items: SectionItem[] }
  | { kind: SectionKind; category: DataCategory; state: 'signal'; basis: string; breakGlass: boolean; reason: WithholdReason; running: boolean; at: TeamContact[] }
  | { kind: SectionKind; category: DataCategory; state: 'withheld'; reason: WithholdReason };

export interface HouseholdViewMember extends Omit<HouseholdMember, 'bsn'> {
  bsn?: string;
  sections: Section[];
  /** Whether you may list and record this member's consents. */
  consentManageable: boolean;
}

export interface TimelineEvent {
  date: string;
  memberBsn: string;
  kind: SectionKind;
  category: DataCategory;
  event: 'opened' | 'closed' | 'observed' | 'agreed' | 'assessed' | 'enrolled' | 'ended';
  label: string;
}

export interface HouseholdView {
  subjectBsn: string;
  address?: Address;
  access: { basis: string; breakGlass: boolean };
  members: HouseholdViewMember[];
  timeline: TimelineEvent[];
}

/** A purpose a consent is for: the law the work is done under, or integral coordination. */
export type ConsentPurpose = Purpose;
export type { Consent, PrivacyNotice };
export type RecordConsentInput = BodyIn<typeof consentContract.recordConsent>;

export type SignalKind = 'leerplicht' | 'passend-onderwijs' | 'huurachterstand' | 'dreigende-uitzetting' | 'woz-waarde';
export const SIGNAL_KINDS: SignalKind[] = ['leerplicht', 'passend-onderwijs', 'huurachterstand', 'dreigende-uitzetting', 'woz-waarde'];

const base = (bsn: string) => `/residents/${encodeURIComponent(bsn)}`;

export function householdApi(api: Api) {
  return {
    view: (bsn: string) => api.request<HouseholdView>('GET', `${base(bsn)}/household-view`),
    consents: (bsn: string) => api.call(consentContract.listConsents, { params: { bsn } }),
    recordConsent: (bsn: string, input: RecordConsentInput) => api.call(consentContract.recordConsent, { params: { bsn }, body: input }),
    withdrawConsent: (bsn: string, id: string) => api.call(consentContract.withdrawConsent, { params: { bsn, id }, body: {} }),
    recordSignal: (bsn: string, input: { kind: SignalKind; summary: string; observedOn: string }) =>
      api.request<{ id: string }>('POST', `${base(bsn)}/household-signals`, input),
  };
}
