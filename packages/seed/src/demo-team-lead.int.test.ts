import { sql, withSystem } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from './demo';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.close());

const leads = () =>
  withSystem(database.db, (tx) => sql<{ username: string; teams: number }>`
    select a.username, (select count(*)::int from team_memberships m where m.account_id = a.id) as teams
    from staff_accounts a where a.username like '%.teamleider' order by a.username`.execute(tx)).then((r) => r.rows);

describe('the demo team lead who decides requests for access (issue 22)', () => {
  it('is in every caseworking team of both cities, and a demo database from before gets one on the next start, once', async () => {
    expect(await leads()).toEqual([{ username: 'denhaag.teamleider', teams: 5 }, { username: 'rotterdam.teamleider', teams: 5 }]);
    await withSystem(database.db, (tx) => sql`delete from staff_accounts where username = 'rotterdam.teamleider'`.execute(tx));
    await seedDemo(database.db);
    await seedDemo(database.db);
    expect(await leads()).toEqual([{ username: 'denhaag.teamleider', teams: 5 }, { username: 'rotterdam.teamleider', teams: 5 }]);
  });
});
