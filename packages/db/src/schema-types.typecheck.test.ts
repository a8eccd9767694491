import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compileOnlyDb } from './testing';
import type { TableRow } from './table-row';

/**
 * The lines marked `@ts-expect-error` are the point of this file: `npm run typecheck` fails if a
 * wrong column name or a wrong value type is ever accepted by the generated table types. The
 * tests themselves only compile queries (no database), to show the typed builder writes plain SQL.
 */
const db = compileOnlyDb();

describe('typed queries on the generated schema', () => {
  it('a select by key names only real columns and compiles to plain SQL', () => {
    const query = db.selectFrom('municipalities').select(['code', 'name']).where('code', '=', '0363');
    // @ts-expect-error municipalities has no column `gemeente_naam`
    db.selectFrom('municipalities').select(['code', 'gemeente_naam']);
    // @ts-expect-error a where on a column that does not exist
    db.selectFrom('offerings').select('id').where('life_domian', '=', 'werk');
    expect(query.compile().sql).toBe('select "code", "name" from "municipalities" where "code" = $1');
  });

  it('an insert needs the required columns with the right types, and may leave defaults out', () => {
    const insert = db.insertInto('region_members').values({ region_id: 'holland-rijnland', municipality_code: '0546' });
    // @ts-expect-error a misspelt column in an insert
    db.insertInto('region_members').values({ region_id: 'holland-rijnland', municipality: '0546' });
    // @ts-expect-error `active` is a boolean column
    db.updateTable('municipality_settings').set({ active: 'ja' });
    // municipality_settings.active and updated_at have defaults, so they may be left out.
    db.insertInto('municipality_settings').values({ municipality_code: '0546', display_name: 'Leiden', settings: sql`'{}'::jsonb` });
    expect(insert.compile().sql).toBe('insert into "region_members" ("region_id", "municipality_code") values ($1, $2)');
  });

  it('the row type of an sql template comes from the table, so a renamed column breaks it', () => {
    type Offering = TableRow<'offerings', 'id' | 'capacity' | 'starts_on'>;
    // @ts-expect-error offerings has no column `places`
    type _Wrong = TableRow<'offerings', 'id' | 'places'>;
    const row: Offering = { id: 'x', capacity: null, starts_on: '2026-01-01' };
    // @ts-expect-error a nullable column is `T | null`, never undefined-by-omission
    const _missing: Offering = { id: 'x', starts_on: '2026-01-01' };
    expect(row.capacity).toBeNull();
  });
});
