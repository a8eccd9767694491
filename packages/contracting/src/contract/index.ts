// @kern/contracting/contract: browser-safe schemas and routes of care providers, contracts and tariffs.
export * from './contracting.schema';
export * from './contracting.contract';
