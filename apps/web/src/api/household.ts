/**
 * The integral household view and consent: the client side of /api/v1/residents/:bsn/household-view,
 * /consents and /household-signals. The household view's types are the server's own
 * (@kern/household/contract), the consent types too (@kern/access/contract).
 */
import { consentContract, dataCategories, type Consent, type DataCategory, type PrivacyNotice, type Purpose } from '@kern/access/contract';
import { householdContract, signalKindSchema, type HouseholdView, type Section, type SectionItem, type SectionKind, type SignalKind, type TimelineEvent } from '@kern/household/contract';
import type { BodyIn } from '@kern/kit/contract';
import type { Api } from '../api';

export type { DataCategory, HouseholdView, Section, SectionItem, SectionKind, SignalKind, TimelineEvent };
export const DATA_CATEGORIES: readonly DataCategory[] = dataCategories;
export type WithholdReason = Extract<Section, { state: 'withheld' }>['reason'];
export type TeamContact = NonNullable<SectionItem['at']>;
export type HouseholdViewMember = HouseholdView['members'][number];

/** A purpose a consent is for: the law the work is done under, or integral coordination. */
export type ConsentPurpose = Purpose;
export type { Consent, PrivacyNotice };
export type RecordConsentInput = BodyIn<typeof consentContract.recordConsent>;

export const SIGNAL_KINDS: readonly SignalKind[] = signalKindSchema.options;


export function householdApi(api: Api) {
  return {
    view: (bsn: string) => api.call(householdContract.getResidentsHouseholdView, { params: { bsn } }),
    consents: (bsn: string) => api.call(consentContract.listConsents, { params: { bsn } }),
    recordConsent: (bsn: string, input: RecordConsentInput) => api.call(consentContract.recordConsent, { params: { bsn }, body: input }),
    withdrawConsent: (bsn: string, id: string) => api.call(consentContract.withdrawConsent, { params: { bsn, id }, body: {} }),
    recordSignal: (bsn: string, input: { kind: SignalKind; summary: string; observedOn: string }) =>
      api.call(householdContract.recordHouseholdSignal, { params: { bsn }, body: input }),
  };
}
