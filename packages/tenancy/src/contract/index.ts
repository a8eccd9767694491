// @kern/tenancy/contract: municipalities, regions and settings. Browser-safe: zod and other contracts only.
export * from './tenancy.contract';
export * from './tenancy.schema';
