// @kern/provisions: decisions (beschikkingen) and allocations (toewijzingen). The product catalogue
// they name is @kern/catalogue's; the contracts they allocate under are @kern/contracting's.

// --- decisions (beschikkingen) and allocations (toewijzingen) ----------------------------------
//
// Reads for other modules (stable names; no access check of their own: the caller decides access
// and audits what it shows, in the same transaction):
//   decisionsForPerson(tx, bsn)                       a resident's decisions with granted provisions, newest first
//   decisionsForCase(tx, caseId)                      the decisions recorded on one case (the portal)
//   allocationsForClient(tx, bsn)                     a resident's allocations, every status, newest first
//   allocationsForProvider(tx, providerId, filter)    a provider's allocations (status, law, category, from/to)
//   allocationByNumber(tx, toewijzingNummer)          one allocation by its ToewijzingNummer, or undefined
// Write for the exchange (302 processing): acknowledgeAllocation(tx, toewijzingNummer, toewijzingDatumTijd, at).
// The household view's provisions section, under the caller's grant: provisionsSectionSource.
// Use cases (access first, audited): recordDecision, readDecision, readCaseDecisions,
// listResidentDecisions, allocateProvision, changeAllocation, endAllocation, withdrawAllocation,
// readAllocation, listClientAllocations, listProviderAllocations. Routes: provisionsRoutes.
// Contract facts ("is this provider contracted for this product on that day", a provider by AGB
// code, providers' names) come from @kern/contracting under the use case's grant; provisions names
// no contracting table. Product facts (categories valid on a day) come from @kern/catalogue.
export * from './decisions/variant';
export * from './contract';
export { recordDecision, objectionUntil, type DecisionRecorded } from './decisions/record-decision';
export { decisionsForPerson, decisionsForPeople, decisionsForCase, readDecision, readCaseDecisions, listResidentDecisions } from './decisions/read-decisions';
export { provisionsSectionSource } from './decisions/household-section';
export * from './allocations/reason-codes';
export { nothingInvoiced, type InvoicedCare } from './allocations/invoiced-care';
export { allocateProvision, type ProvisionsServices } from './allocations/allocate-provision';
export { changeAllocation, endAllocation, withdrawAllocation } from './allocations/change-allocation';
export { allocationsForClient, allocationsForClients, allocationsForProvider, allocationByNumber, acknowledgeAllocation, readAllocation, listClientAllocations, listProviderAllocations } from './allocations/read-allocations';
export { allocationFactsByIds, allocationFactsByNumbers, currentAllocationFacts, type AllocationFacts } from './allocations/allocation-facts';
export { provisionsRoutes } from './provisions.routes';
