// @kern/workflows/contract: werkwijzen: versions, library, presets, statutory terms and suspension grounds. Browser-safe: zod and other contracts only.
export * from './werkwijzen.contract';
export * from './werkwijzen.schema';
