import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './migrate';
import { createTestDatabase, type TestDatabase } from './testing';

const expectedEngine = process.env.KERN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

describe(`migrations (${expectedEngine})`, () => {
  let database: TestDatabase;
  const tempDirs: string[] = [];

  /** A throw-away migrations folder; version numbers far above the shipped ones. */
  function migrationsDir(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'kern-migrations-'));
    tempDirs.push(dir);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  }

  async function appliedVersions(): Promise<number[]> {
    const result = await sql<{ version: number }>`select version from schema_migrations order by version`.execute(database.db);
    return result.rows.map((r) => r.version);
  }

  async function tableExists(name: string): Promise<boolean> {
    const result = await sql<{ oid: string | null }>`select to_regclass(${name})::text as oid`.execute(database.db);
    return result.rows[0]?.oid != null;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('createTestDatabase gives a fresh database on the selected engine', () => {
    expect(database.engine).toBe(expectedEngine);
    if (expectedEngine === 'postgres') expect(database.name).toMatch(/^kern_test_[0-9a-f]{12}$/);
  });

  it('every shipped migration is applied to a fresh database, with its checksum recorded', async () => {
    const shipped = loadMigrations();
    expect(shipped.length).toBeGreaterThan(0);
    const recorded = await sql<{ version: number; name: string; checksum: string }>`
      select version, name, checksum from schema_migrations order by version`.execute(database.db);
    expect(recorded.rows).toEqual(shipped.map(({ version, name, checksum }) => ({ version, name, checksum })));
    expect(await tableExists('municipality_settings')).toBe(true);
    expect(await tableExists('audit_log')).toBe(true);
  });

  it('re-running the shipped migrations applies nothing', async () => {
    const progress: string[] = [];
    const result = await migrate(database.db, (m) => progress.push(m));
    expect(result).toEqual({ applied: [], alreadyApplied: loadMigrations().length });
    expect(progress).toEqual([]);
  });

  it('applies pending migrations in order, reports each, and a second run applies nothing', async () => {
    const dir = migrationsDir({
      '9002_add_probe_column.sql': 'alter table kern_probe add column label text;',
      '9001_create_probe.sql': 'create table kern_probe (id integer primary key);',
    });
    const progress: string[] = [];
    const first = await migrate(database.db, (m) => progress.push(m), loadMigrations(dir));
    expect(first).toEqual({ applied: ['9001_create_probe', '9002_add_probe_column'], alreadyApplied: 0 });
    expect(progress).toEqual(['applied 9001_create_probe', 'applied 9002_add_probe_column']);
    await sql`insert into kern_probe (id, label) values (1, 'ok')`.execute(database.db);

    const second = await migrate(database.db, () => undefined, loadMigrations(dir));
    expect(second).toEqual({ applied: [], alreadyApplied: 2 });
  });

  it('refuses a migration whose file changed after it was applied, and applies nothing after it', async () => {
    const dir = migrationsDir({ '9101_create_refused.sql': 'create table kern_refused (id integer);' });
    await migrate(database.db, () => undefined, loadMigrations(dir));

    writeFileSync(join(dir, '9101_create_refused.sql'), 'create table kern_refused (id bigint);');
    writeFileSync(join(dir, '9102_after_refused.sql'), 'create table kern_after_refused (id integer);');
    await expect(migrate(database.db, () => undefined, loadMigrations(dir))).rejects.toThrow(
      /9101_create_refused was changed after it was applied/,
    );
    expect(await appliedVersions()).not.toContain(9102);
    expect(await tableExists('kern_after_refused')).toBe(false);
  });

  it('a failing migration is rolled back as a whole and not recorded', async () => {
    const dir = migrationsDir({
      '9201_half_broken.sql': 'create table kern_half (id integer);\ninsert into kern_half values (1);\nselect no_such_function();',
    });
    await expect(migrate(database.db, () => undefined, loadMigrations(dir))).rejects.toThrow();
    expect(await appliedVersions()).not.toContain(9201);
    expect(await tableExists('kern_half')).toBe(false);
  });
});
