// @kern/identity/contract: staff sessions, password change, login alerts. Browser-safe: zod and other contracts only.
export * from './identity.contract';
export * from './identity.schema';
