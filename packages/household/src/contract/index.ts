// @kern/household/contract: the integral household view. Browser-safe: zod and other contracts only.
export * from './household.contract';
export * from './household.schema';
export * from './section-source';
