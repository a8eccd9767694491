// @kern/debt: debt help on the Wgs terms (signals, process, inventory, VTLB, solutions). The
// municipal debt fund lives in ./fund and is exported from there by its own engineer.
//
// For the debt fund's take-over:
// - `readDebtInventory(services, tx, ctx, debtFileId)`: the whole inventory (file, debts with creditor,
//   DDAS category, status, evidence, totals) after the `debt-file` access decision, audited;
// - `loadDebtFileFor(services, tx, ctx, debtFileId, action)`: the file plus the access grant.
export * from './contract';
export * from './debt-file-access';
export * from './open-debt-file';
export * from './read-debt-inventory';
export * from './register-debt';
export * from './parse-signal-file';
export * from './receive-signals';
export * from './signal-offers';
export * from './wgs-terms';
export * from './vtlb';
export * from './vtlb-norms';
export * from './pro-rata';
export * from './debt-process';
export * from './vtlb-use-cases';
export * from './solutions';
export * from './offer-letter';
export { type SolutionRow, type OfferRow, type SolutionKind } from './solutions.repository';
export * from './read-debt-file';
export * from './household-section';
export { debtSectionSource } from './debt-household-section';
export * from './debt.routes';
export * from './resident-overview';
export * from './fund';
