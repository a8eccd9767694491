// @kern/exchange/contract: browser-safe schemas and routes of the invoice exchange and the regie messages.
export * from './return-codes';
export * from './invoice-inbox.schema';
export * from './regie.schema';
export * from './exchange.contract';
export * from './regie.contract';
export * from './self-check.contract';
