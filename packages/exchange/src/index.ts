// @kern/exchange: iWmo / iJw 3.2 messages: build, parse, validate, return codes, invoice verification.
export * from './messages';
export * from './xsd';
export * from './refusal';
export * from './contract';
export * from './invoice.schema';
export * from './verify-invoice';
export * from './invoice-split';
export * from './invoice-parse';
export * from './build-325';
export * from './process-invoice';
export * from './memory-backend';
export * from './generate-invoice';
export * from './build-323';
export * from './xml-lite';
export * from './build-retour';
export * from './build-319';
export * from './payment-batch';
export { checkMessage, statefulRules, type MessageCheck } from './rules/check-message';
export { openFileSink, type FileSink } from './temp-file';
export * from './db';
// exchange regie messages (301/302, 305-308, 315-320)
export * from './regie/index';
export * from './allocation-messages/build-301';
export * from './inbound/sample-messages';
export { maxMessageBytes } from './inbound/read-message';
export { selfCheckMaxBytes, selfCheckMessage, type SelfCheckFinding, type SelfCheckResult } from './rules/self-check';
export { rateLimiter, selfCheckRoutes, type SelfCheckRouteServices } from './self-check.routes';
