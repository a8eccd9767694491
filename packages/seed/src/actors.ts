import type { Actor } from '@kern/access';
import { withSystem, type AnyDb } from '@kern/db';
import { findAccountByUsername, toActor } from '@kern/identity';

/** The actor behind a seeded login, for tests, benches and the scale generator. */
export async function actorFor(db: AnyDb, username: string): Promise<Actor> {
  const account = await withSystem(db, (tx) => findAccountByUsername(tx, username));
  if (!account) throw new Error(`no account ${username}; seed the demo first`);
  return toActor(account);
}
