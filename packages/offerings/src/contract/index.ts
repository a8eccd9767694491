// @kern/offerings/contract: browser-safe schemas and routes of general and group provisions.
export * from './offerings.schema';
export * from './offerings.contract';
