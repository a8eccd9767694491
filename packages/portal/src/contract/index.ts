// @kern/portal/contract: browser-safe schemas and routes of the citizen portal.
export * from './portal.schema';
export * from './portal-decisions.schema';
export * from './portal.contract';
export * from './access-log';
