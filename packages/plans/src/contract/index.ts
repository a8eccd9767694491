// @kern/plans/contract: browser-safe schemas and routes of the household plan.
export * from './plans.schema';
export * from './plans.contract';
