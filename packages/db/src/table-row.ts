import type { Selectable } from 'kysely';
import type { DB } from './schema.generated';

/**
 * A row of `table` as a query returns it, limited to `columns`: the row type of an `sql<…>`
 * template that reads those columns. A column that is renamed or dropped in a migration makes
 * this type, and so the query's repository, fail the type check once `npm run db:types` ran.
 */
export type TableRow<T extends keyof DB, K extends keyof Selectable<DB[T]> = keyof Selectable<DB[T]>> = Pick<Selectable<DB[T]>, K>;

/**
 * `row` with `columns` read as `column::text` (a date as YYYY-MM-DD, so both drivers give the
 * same value): each becomes a string, and stays nullable where the table's column is.
 */
export type AsText<R, K extends keyof R> = Omit<R, K> & { [P in K]: null extends R[P] ? string | null : string };
