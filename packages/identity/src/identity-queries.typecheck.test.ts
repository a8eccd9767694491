import { describe, expect, it } from 'vitest';
import { compileOnlyDb } from '@kern/db/testing';
import type { TableRow } from '@kern/db';

/**
 * The `@ts-expect-error` lines are the point: `npm run typecheck` fails if identity's queries ever
 * accept a column its tables do not have, so renaming a column in a migration (and running
 * `npm run db:types`) breaks identity.repository.ts and staff-directory.ts at compile time.
 */
const db = compileOnlyDb();

describe("identity's typed queries", () => {
  it('a misspelt column in a select, where or update of staff_accounts is a type error', () => {
    const query = db.selectFrom('staff_accounts').select(['id', 'display_name as name']).where('id', '=', 'x');
    // @ts-expect-error staff_accounts has no column `full_name`
    db.selectFrom('staff_accounts').select(['id', 'full_name']);
    // @ts-expect-error staff_sessions has no column `session_hash`
    db.deleteFrom('staff_sessions').where('session_hash', '=', 'x');
    // @ts-expect-error login_alerts has no column `failure_count`
    db.updateTable('login_alerts').set({ failure_count: 3 });
    expect(query.compile().sql).toBe('select "id", "display_name" as "name" from "staff_accounts" where "id" = $1');
  });

  it('a defaulted timestamptz can be set from an ISO string and reads as a Date', () => {
    const update = db.updateTable('staff_accounts').set({ password_changed_at: '2026-12-07T12:00:00.000Z' }).where('id', '=', 'x');
    type Account = TableRow<'staff_accounts', 'password_changed_at'>;
    const row: Account = { password_changed_at: new Date('2026-12-07T12:00:00Z') };
    // @ts-expect-error the row type of an sql template names only real columns
    type _Wrong = TableRow<'team_memberships', 'member_id'>;
    expect(update.compile().sql).toBe('update "staff_accounts" set "password_changed_at" = $1 where "id" = $2');
    expect(row.password_changed_at).toBeInstanceOf(Date);
  });
});
