import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem, withTenant } from './tenant';
import { createTestDatabase, type TestDatabase } from './testing';

const engine = process.env.KERN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const ROTTERDAM = '0599';
const DEN_HAAG = '0518';

interface SettingsRow {
  municipality_code: string;
  display_name: string;
}

describe(`row-level security on municipality_settings (${engine})`, () => {
  let database: TestDatabase;

  const displayNameOf = async (code: string): Promise<string | undefined> => {
    const result = await sql<SettingsRow>`
      select municipality_code, display_name from municipality_settings where municipality_code = ${code}`.execute(database.db);
    return result.rows[0]?.display_name;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // As the schema owner, outside any tenant: reference data and one settings row per municipality.
    await sql`insert into municipalities (code, name, province) values
      (${ROTTERDAM}, 'Rotterdam', 'Zuid-Holland'),
      (${DEN_HAAG}, '''s-Gravenhage', 'Zuid-Holland'),
      ('0363', 'Amsterdam', 'Noord-Holland')`.execute(database.db);
    await sql`insert into municipality_settings (municipality_code, display_name) values
      (${ROTTERDAM}, 'Gemeente Rotterdam'),
      (${DEN_HAAG}, 'Gemeente Den Haag')`.execute(database.db);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  it('a tenant sees only its own settings row, even when it selects everything', async () => {
    const rows = await withTenant(database.db, ROTTERDAM, (tx) =>
      sql<SettingsRow>`select municipality_code, display_name from municipality_settings`.execute(tx),
    );
    expect(rows.rows.map((r) => r.municipality_code)).toEqual([ROTTERDAM]);
  });

  it("a tenant cannot read another municipality's row, even by its key", async () => {
    const rows = await withTenant(database.db, ROTTERDAM, (tx) =>
      sql<SettingsRow>`select * from municipality_settings where municipality_code = ${DEN_HAAG}`.execute(tx),
    );
    expect(rows.rows).toEqual([]);
  });

  it('a tenant cannot insert a row for another municipality', async () => {
    await expect(
      withTenant(database.db, ROTTERDAM, (tx) =>
        sql`insert into municipality_settings (municipality_code, display_name) values ('0363', 'Gemeente Amsterdam')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(database.db, ROTTERDAM, (tx) =>
        sql`insert into municipality_settings (municipality_code, display_name) values (${DEN_HAAG}, 'overwritten')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await displayNameOf('0363')).toBeUndefined();
    expect(await displayNameOf(DEN_HAAG)).toBe('Gemeente Den Haag');
  });

  it("a tenant's update of another municipality's row touches nothing", async () => {
    const result = await withTenant(database.db, ROTTERDAM, (tx) =>
      sql`update municipality_settings set display_name = 'overwritten' where municipality_code = ${DEN_HAAG}`.execute(tx),
    );
    expect(Number(result.numAffectedRows ?? 0)).toBe(0);
    expect(await displayNameOf(DEN_HAAG)).toBe('Gemeente Den Haag');
  });

  it('a tenant cannot move its own row into another municipality', async () => {
    await expect(
      withTenant(database.db, ROTTERDAM, (tx) =>
        sql`update municipality_settings set municipality_code = '0363' where municipality_code = ${ROTTERDAM}`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await displayNameOf(ROTTERDAM)).toBe('Gemeente Rotterdam');
  });

  it('a tenant can still update its own row (the wall is not simply closed)', async () => {
    const result = await withTenant(database.db, ROTTERDAM, (tx) =>
      sql`update municipality_settings set display_name = 'Gemeente Rotterdam (test)' where municipality_code = ${ROTTERDAM}`.execute(tx),
    );
    expect(Number(result.numAffectedRows ?? 0)).toBe(1);
    expect(await displayNameOf(ROTTERDAM)).toBe('Gemeente Rotterdam (test)');
  });

  it('withSystem, as the schema owner, sees the rows of both municipalities', async () => {
    const rows = await withSystem(database.db, (tx) =>
      sql<SettingsRow>`select municipality_code, display_name from municipality_settings order by municipality_code`.execute(tx),
    );
    expect(rows.rows.map((r) => r.municipality_code)).toEqual([DEN_HAAG, ROTTERDAM]);
  });

  it('the tenant role and setting do not outlive the withTenant transaction', async () => {
    await withTenant(database.db, ROTTERDAM, async () => undefined);
    const result = await sql<{ role: string; municipality: string | null }>`
      select current_user as role, nullif(current_setting('app.municipality', true), '') as municipality`.execute(database.db);
    expect(result.rows[0]?.role).not.toBe('kern_app');
    expect(result.rows[0]?.municipality).toBeNull();
  });
});
