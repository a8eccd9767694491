export * from './contract';
export * from './case-files';
// The bare worklist query, for the worklist bench's reference only (it measures what access and audit add).
export { findWorklist } from './cases.repository';
export * from './start-case';
export * from './advance-case';
export * from './read-case';
export * from './worklist';
export * from './task-assignment';
export * from './migrate-case-version';
export * from './cases.routes';
export * from './suspend-term';
export * from './case-domain-events';
export * from './case-facts';
export { startTerms } from './case-deadlines';
export { casesSectionSource } from './household-section';
