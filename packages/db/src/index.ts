export * from './connection';
export * from './tenant';
export * from './migrate';
export { sql } from 'kysely';
