// @kern/insight/contract: browser-safe schemas and routes of indicators, benchmark, experiments and leertafel stories.
export * from './insight.schema';
export * from './insight.contract';
