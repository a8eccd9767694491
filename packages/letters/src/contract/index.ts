// @kern/letters/contract: browser-safe schemas and routes of letters (the beschikking as PDF).
export * from './letters.schema';
export * from './letters.contract';
