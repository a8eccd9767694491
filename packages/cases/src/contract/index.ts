// @kern/cases/contract: cases, tasks, worklists and terms. Browser-safe: zod and other contracts only.
export * from './cases.contract';
export * from './cases.schema';
