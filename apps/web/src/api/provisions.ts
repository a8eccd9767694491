/** Decisions (beschikkingen) and allocations (toewijzingen): the client for /api/v1, typed from @kern/provisions/contract. */
import type { QueryIn } from '@kern/kit/contract';
import {
  provisionsContract, type Allocation, type AllocationDetail, type AllocationStatus, type Decision, type DecisionOutcome, type GrantedProvision,
  type GrantedProvisionInput, type RecordDecisionInput,
} from '@kern/provisions/contract';
import type { Api } from '../api';

export type { Allocation, AllocationDetail, AllocationStatus, Decision, DecisionOutcome, GrantedProvision, RecordDecisionInput };
export type ProvisionForm = GrantedProvision['form'];
export type ProvisionInput = GrantedProvisionInput;
export type ProviderFilter = QueryIn<typeof provisionsContract.providerAllocations>;

export function provisionsApi(api: Api) {
  const c = provisionsContract;
  return {
    caseDecisions: (caseId: string) => api.call(c.caseDecisions, { params: { id: caseId } }).then((x) => x.decisions),
    recordDecision: (caseId: string, input: RecordDecisionInput) => api.call(c.recordDecision, { params: { id: caseId }, body: input }).then((x) => x.decision),
    residentDecisions: (bsn: string) => api.call(c.residentDecisions, { params: { bsn } }).then((x) => x.decisions),
    residentAllocations: (bsn: string) => api.call(c.residentAllocations, { params: { bsn } }).then((x) => x.allocations),
    allocation: (nummer: string) => api.call(c.readAllocation, { params: { nummer } }),
    allocate: (input: { grantedProvisionId: string; providerAgb: string; startDate: string; endDate?: string | null }) => api.call(c.allocate, { body: input }),
    change: (nummer: string, input: { reason: string; endDate?: string | null }) => api.call(c.changeAllocation, { params: { nummer }, body: input }),
    end: (nummer: string, input: { endDate: string; endingReason?: string; changeReason?: string }) => api.call(c.endAllocation, { params: { nummer }, body: input }),
    withdraw: (nummer: string) => api.call(c.withdrawAllocation, { params: { nummer }, body: {} }),
    providerAllocations: (f: ProviderFilter) => api.call(c.providerAllocations, { query: f }).then((x) => x.allocations),
  };
}
