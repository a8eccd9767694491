export * from './connection';
export * from './tenant';
export * from './migrate';
export * from './domain-events';
export { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
export type { DB } from './schema.generated';
export * from './jobs';
export type { AsText, TableRow } from './table-row';
export { anyOf, type AnyOfType } from './any-of';
