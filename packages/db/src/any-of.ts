import { sql, type RawBuilder } from 'kysely';

/** The element types `anyOf` casts an array parameter to. */
export type AnyOfType = 'uuid' | 'text' | 'char(9)';

/**
 * `= any($1::uuid[])` for a typed `.where(column, '=', anyOf(ids, 'uuid'))`: one array parameter
 * however many values (an `in (...)` list would send one parameter per value), and the same
 * plan as the hand-written SQL it replaces.
 */
export function anyOf<T extends string>(values: readonly T[], type: AnyOfType): RawBuilder<T> {
  return sql<T>`any(${[...values]}::${sql.raw(type)}[])`;
}
