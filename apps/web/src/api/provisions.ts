/** Decisions (beschikkingen) and allocations (toewijzingen): the client for /api/v1. Types mirror the server's zod schemas. */
import { queryString, type Api } from '../api';

export type DecisionOutcome = 'granted' | 'partly-granted' | 'refused';
export type ProvisionForm = 'zin' | 'pgb';

export interface GrantedProvision {
  id: string;
  decisionId: string;
  standard: 'iwmo' | 'ijw';
  category: string;
  productCode: string | null;
  form: ProvisionForm;
  volume: number | null;
  unit: string | null;
  frequency: string | null;
  budgetCents: number | null;
  pgbAmountCents: number | null;
  validFrom: string;
  validTo: string | null;
}

export interface Decision {
  id: string;
  caseId: string;
  reference: string;
  subjectBsn: string;
  law: 'wmo' | 'jeugdwet';
  outcome: DecisionOutcome;
  reasons: string;
  decidedOn: string;
  decidedBy: string;
  objectionUntil: string;
  createdAt: string;
  provisions: GrantedProvision[];
}

export interface ProvisionInput {
  category: string;
  productCode?: string | null;
  form: ProvisionForm;
  volume?: number | null;
  unit?: string | null;
  frequency?: string | null;
  budgetCents?: number | null;
  pgbAmountCents?: number | null;
  validFrom: string;
  validTo?: string | null;
}

export interface RecordDecisionInput {
  outcome: DecisionOutcome;
  reasons: string;
  decidedOn?: string;
  provisions: ProvisionInput[];
}

export type AllocationStatus = 'active' | 'ended' | 'withdrawn';

export interface Allocation {
  id: string;
  toewijzingNummer: string;
  grantedProvisionId: string;
  subjectBsn: string;
  providerId: string;
  providerAgb: string;
  providerName: string;
  contractId: string | null;
  standard: 'iwmo' | 'ijw';
  category: string;
  productCode: string | null;
  startDate: string;
  endDate: string | null;
  volume: number | null;
  unit: string | null;
  frequency: string | null;
  budgetCents: number | null;
  changeReason: string | null;
  endingReason: string | null;
  status: AllocationStatus;
  allocatedAt: string;
  acknowledgedAt: string | null;
}

export interface AllocationDetail extends Allocation {
  history: { kind: 'created' | 'changed' | 'ended' | 'withdrawn'; reason: string | null; changedAt: string; changedBy: string; state: Record<string, unknown> }[];
}

export interface ProviderFilter {
  providerAgb: string;
  status?: AllocationStatus | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function provisionsApi(api: Api) {
  const r = api.request;
  const nr = (n: string) => encodeURIComponent(n);
  return {
    caseDecisions: (caseId: string) => r<{ decisions: Decision[] }>('GET', `/cases/${encodeURIComponent(caseId)}/decision`).then((x) => x.decisions),
    recordDecision: (caseId: string, input: RecordDecisionInput) => r<{ decision: Decision }>('POST', `/cases/${encodeURIComponent(caseId)}/decision`, input).then((x) => x.decision),
    residentDecisions: (bsn: string) => r<{ decisions: Decision[] }>('GET', `/residents/${encodeURIComponent(bsn)}/decisions`).then((x) => x.decisions),
    residentAllocations: (bsn: string) => r<{ allocations: Allocation[] }>('GET', `/residents/${encodeURIComponent(bsn)}/allocations`).then((x) => x.allocations),
    allocation: (nummer: string) => r<AllocationDetail>('GET', `/allocations/${nr(nummer)}`),
    allocate: (input: { grantedProvisionId: string; providerAgb: string; startDate: string; endDate?: string | null }) => r<AllocationDetail>('POST', '/allocations', input),
    change: (nummer: string, input: { reason: string; endDate?: string | null }) => r<AllocationDetail>('POST', `/allocations/${nr(nummer)}/changes`, input),
    end: (nummer: string, input: { endDate: string; endingReason?: string; changeReason?: string }) => r<AllocationDetail>('POST', `/allocations/${nr(nummer)}/ending`, input),
    withdraw: (nummer: string) => r<AllocationDetail>('POST', `/allocations/${nr(nummer)}/withdrawal`, {}),
    providerAllocations: (f: ProviderFilter) => r<{ allocations: Allocation[] }>('GET', `/allocations${queryString({ ...f })}`).then((x) => x.allocations),
  };
}
