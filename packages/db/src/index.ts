export * from './connection';
export * from './tenant';
export * from './migrate';
export * from './domain-events';
export { sql } from 'kysely';
export * from './jobs';
