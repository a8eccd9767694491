import { describe, expect, it } from 'vitest';
import { renderSchemaTypes, type ColumnInfo } from './schema-types';

const column = (table: string, name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  table, column: name, type, nullable: false, hasDefault: false, alwaysGenerated: false, ...extra,
});

describe('renderSchemaTypes', () => {
  it('maps nullability, defaults, identity columns and arrays onto Kysely column types', () => {
    const text = renderSchemaTypes([
      column('case_notes', 'id', 'bigint', { hasDefault: true }),
      column('case_notes', 'seq', 'bigint', { hasDefault: true, alwaysGenerated: true }),
      column('case_notes', 'body', 'text', { nullable: true }),
      column('case_notes', 'tags', 'text[]'),
      column('case_notes', 'noted_on', 'date'),
    ]);
    expect(text).toContain(`export interface CaseNotes {
  id: Generated<Int8>;
  seq: GeneratedAlways<Int8>;
  body: string | null;
  tags: string[];
  noted_on: IsoDay;
}`);
    expect(text).toContain('  case_notes: CaseNotes;');
  });

  it('orders tables by name whatever order the catalogue gives them in, so the file is stable', () => {
    const a = renderSchemaTypes([column('zones', 'code', 'text'), column('areas', 'code', 'text')]);
    const b = renderSchemaTypes([column('areas', 'code', 'text'), column('zones', 'code', 'text')]);
    expect(a).toBe(b);
    expect(a.indexOf('interface Areas')).toBeLessThan(a.indexOf('interface Zones'));
  });

  it('refuses a column type without a deliberate mapping, naming the column', () => {
    expect(() => renderSchemaTypes([column('places', 'location', 'point')])).toThrow(/"point" \(places\.location\)/);
  });

  it('refuses two tables that would share one interface name', () => {
    expect(() => renderSchemaTypes([column('json', 'x', 'text')])).toThrow(/taken/);
  });
});
