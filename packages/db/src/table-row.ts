import type { Selectable } from 'kysely';
import type { DB } from './schema.generated';

/**
 * A row of `table` as a query returns it, limited to `columns`: the row type of an `sql<…>`
 * template that reads those columns. A column that is renamed or dropped in a migration makes
 * this type, and so the query's repository, fail the type check once `npm run db:types` ran.
 */
export type TableRow<T extends keyof DB, K extends keyof Selectable<DB[T]> = keyof Selectable<DB[T]>> = Pick<Selectable<DB[T]>, K>;
