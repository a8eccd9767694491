import type { Actor } from '@kern/access';
import { withSystem, type AnyDb } from '@kern/db';
import { findAccountByUsername, toActor } from '@kern/identity';

/** The actor behind a seeded account, without going through HTTP login. */
export async function identityOf(db: AnyDb, username: string): Promise<Actor> {
  const account = await withSystem(db, (tx) => findAccountByUsername(tx, username));
  if (!account) throw new Error(`no account ${username}`);
  return toActor(account);
}
