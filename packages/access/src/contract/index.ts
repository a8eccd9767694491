// @kern/access/contract: access policy vocabulary, consent and privacy notices. Browser-safe: zod and other contracts only.
export * from './access.schema';
export * from './consent.schema';
