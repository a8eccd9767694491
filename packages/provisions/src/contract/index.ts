// @kern/provisions/contract: browser-safe schemas and routes of decisions and allocations.
export * from './decisions.schema';
export * from './allocations.schema';
export * from './provisions.contract';
