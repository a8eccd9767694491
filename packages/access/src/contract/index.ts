// @kern/access/contract: access policy vocabulary, consent and privacy notices, and the routes of
// access, consent and representation. Browser-safe: zod and other contracts only.
export * from './access.schema';
export * from './consent.schema';
export * from './access-routes.schema';
export * from './policy-proposals.schema';
export * from './representation.schema';
export * from './access.contract';
