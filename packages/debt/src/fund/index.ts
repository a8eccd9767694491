// The municipal debt fund: take-over, repayment, forgiveness, the double-entry ledger, monthly
// runs, statements and the dashboard. For the integrator: call `recordMilestoneReached` when a
// plan goal marked as a milestone is reached.
export * from './ledger';
export { fundTermsOn, loadFileForFund } from './fund-access';
export * from './fund-terms';
export * from './take-over-debts';
export * from './record-milestone';
export * from './run-month';
export * from './pay-creditors';
export * from './read-statement';
export * from './read-fund-dashboard';
export * from './fund.routes';
