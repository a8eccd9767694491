// @kern/registry/contract: residents and households from the BRP. Browser-safe: zod and other contracts only.
export * from './registry.contract';
export * from './registry.schema';
