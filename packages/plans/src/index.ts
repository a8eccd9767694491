// @kern/plans: One household, one plan, one coordinator: goals, actions, agreements, versions, the citizen's agreement.
export * from './contract';
export * from './open-plan';
export * from './draft-plan-version';
export * from './agree-to-plan-version';
export * from './request-plan-change';
export * from './read-household-plan';
export * from './plan-pdf';
export * from './plan-section';
export { planSectionSource } from './plan-household-section';
export { loadPlanFor } from './load-plan';
export * from './plans.routes';
