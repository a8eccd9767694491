// @kern/workflows/contract: werkwijzen: versions, library, presets, statutory terms and suspension grounds, and the werkwijze format itself. Browser-safe: zod and other contracts only.
export * from './werkwijzen.contract';
export * from './werkwijzen.schema';
export * from './werkwijze-format.schema';
export * from './termijnen.schema';
export * from './termijnen.contract';
