/**
 * The integral household view and consent: the client side of /api/v1/residents/:bsn/household-view,
 * /consents and /household-signals. Types mirror packages/household/src/household.schema.ts and
 * packages/access/src/consent.schema.ts.
 */
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

export type ConsentPurpose = 'wmo' | 'jeugdwet' | 'participatiewet' | 'wgs' | 'integraal';

export interface PrivacyNotice {
  version: number;
  title: string;
  body: { nl: string; en: string };
  purposes: ConsentPurpose[];
  recipients: string[];
  dataCategories: DataCategory[];
  publishedAt: string | null;
}

export interface Consent {
  id: string;
  subjectBsn: string;
  action: 'given' | 'withdrawn';
  purpose: ConsentPurpose;
  recipient: string;
  dataCategories: DataCategory[];
  noticeVersion: number;
  recordedAt: string;
  recordedByKind: 'staff' | 'citizen' | 'system';
  note: string | null;
  inEffect: boolean;
  withdrawnAt: string | null;
}

export interface RecordConsentInput {
  purpose: ConsentPurpose;
  recipient: string;
  dataCategories: DataCategory[];
  note?: string;
}

export type SignalKind = 'leerplicht' | 'passend-onderwijs' | 'huurachterstand' | 'dreigende-uitzetting' | 'woz-waarde';
export const SIGNAL_KINDS: SignalKind[] = ['leerplicht', 'passend-onderwijs', 'huurachterstand', 'dreigende-uitzetting', 'woz-waarde'];

const base = (bsn: string) => `/residents/${encodeURIComponent(bsn)}`;

export function householdApi(api: Api) {
  return {
    view: (bsn: string) => api.request<HouseholdView>('GET', `${base(bsn)}/household-view`),
    consents: (bsn: string) => api.request<{ consents: Consent[]; notice: PrivacyNotice }>('GET', `${base(bsn)}/consents`),
    recordConsent: (bsn: string, input: RecordConsentInput) => api.request<Consent>('POST', `${base(bsn)}/consents`, input),
    withdrawConsent: (bsn: string, id: string) => api.request<Consent>('POST', `${base(bsn)}/consents/${encodeURIComponent(id)}/withdrawal`, {}),
    recordSignal: (bsn: string, input: { kind: SignalKind; summary: string; observedOn: string }) =>
      api.request<{ id: string }>('POST', `${base(bsn)}/household-signals`, input),
  };
}
