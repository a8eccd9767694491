// @kern/provisions: Product catalogue (iStandaarden categories and codes, local codes), decisions and allocations.
// product catalogue
export * from './catalogue/index';

// --- decisions (beschikkingen) and allocations (toewijzingen) ----------------------------------
//
// Reads for other modules (stable names; no access check of their own: the caller decides access
// and audits what it shows, in the same transaction):
//   decisionsForPerson(tx, bsn)                       a resident's decisions with granted provisions, newest first
//   decisionsForCase(tx, caseId)                      the decisions recorded on one case (the portal)
//   allocationsForClient(tx, bsn)                     a resident's allocations, every status, newest first
//   allocationsForProvider(tx, providerId, filter)    a provider's allocations (status, law, category, from/to)
//   allocationByNumber(tx, toewijzingNummer)          one allocation by its ToewijzingNummer, or undefined
//   provisionsOfPeople(tx, bsns)                      decisions + provisions + allocations per member (household view)
// Write for the exchange (302 processing): acknowledgeAllocation(tx, toewijzingNummer, toewijzingDatumTijd, at).
// Use cases (access first, audited): recordDecision, readDecision, readCaseDecisions,
// listResidentDecisions, allocateProvision, changeAllocation, endAllocation, withdrawAllocation,
// readAllocation, listClientAllocations, listProviderAllocations. Routes: provisionsRoutes.
// Port: ContractCheck ("is this provider contracted for this product on that day"), default
// sqlContractCheck; pass services.contractCheck to use @kern/contracting's answer instead.
export * from './decisions/variant';
export * from './contract';
export { recordDecision, objectionUntil } from './decisions/record-decision';
export { decisionsForPerson, decisionsForPeople, decisionsForCase, readDecision, readCaseDecisions, listResidentDecisions } from './decisions/read-decisions';
export { provisionsOfPeople, type MemberProvisions } from './decisions/household-read';
export * from './allocations/reason-codes';
export { sqlContractCheck, type ContractCheck, type ContractQuery, type ContractMatch } from './allocations/contract-check';
export { nothingInvoiced, type InvoicedCare } from './allocations/invoiced-care';
export { allocateProvision, type ProvisionsServices } from './allocations/allocate-provision';
export { changeAllocation, endAllocation, withdrawAllocation } from './allocations/change-allocation';
export { allocationsForClient, allocationsForClients, allocationsForProvider, allocationByNumber, acknowledgeAllocation, readAllocation, listClientAllocations, listProviderAllocations } from './allocations/read-allocations';
export { allocationFactsByIds, allocationFactsByNumbers, currentAllocationFacts, type AllocationFacts } from './allocations/allocation-facts';
export { provisionsRoutes } from './provisions.routes';
