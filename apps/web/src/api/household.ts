/**
 * The integral household view and consent: the client side of /api/v1/residents/:bsn/household-view,
 * /consents and /household-signals. The household view's types are the server's own
 * (@kern/household/contract); the consent types mirror packages/access/src/consent.schema.ts.
 */
import { dataCategories, type DataCategory } from '@kern/access/contract';
import { householdContract, signalKindSchema, type HouseholdView, type Section, type SectionItem, type SectionKind, type SignalKind, type TimelineEvent } from '@kern/household/contract';
import type { Api } from '../api';

export type { DataCategory, HouseholdView, Section, SectionItem, SectionKind, SignalKind, TimelineEvent };
export const DATA_CATEGORIES: readonly DataCategory[] = dataCategories;
export type WithholdReason = Extract<Section, { state: 'withheld' }>['reason'];
export type TeamContact = NonNullable<SectionItem['at']>;
export type HouseholdViewMember = HouseholdView['members'][number];

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

export const SIGNAL_KINDS: readonly SignalKind[] = signalKindSchema.options;

const base = (bsn: string) => `/residents/${encodeURIComponent(bsn)}`;

export function householdApi(api: Api) {
  return {
    view: (bsn: string) => api.call(householdContract.getResidentsHouseholdView, { params: { bsn } }),
    consents: (bsn: string) => api.request<{ consents: Consent[]; notice: PrivacyNotice }>('GET', `${base(bsn)}/consents`),
    recordConsent: (bsn: string, input: RecordConsentInput) => api.request<Consent>('POST', `${base(bsn)}/consents`, input),
    withdrawConsent: (bsn: string, id: string) => api.request<Consent>('POST', `${base(bsn)}/consents/${encodeURIComponent(id)}/withdrawal`, {}),
    recordSignal: (bsn: string, input: { kind: SignalKind; summary: string; observedOn: string }) =>
      api.call(householdContract.recordHouseholdSignal, { params: { bsn }, body: input }),
  };
}
