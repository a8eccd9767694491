// @kern/catalogue/contract: browser-safe schemas and routes of the product catalogue.
export * from './catalogue.schema';
export * from './catalogue.contract';
