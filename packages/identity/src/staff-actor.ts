import type { Actor } from '@kern/access';
import { withSystem, type AnyDb } from '@kern/db';
import { findAccountByUsername } from './identity.repository';
import { toActor } from './login';

/**
 * The staff actor behind a username, or undefined: for work Kern does in a staff member's name
 * without a login (the seed, the command line, tests and benches). No password is checked, so it
 * never answers a request from outside.
 */
export async function staffActorOf(db: AnyDb, username: string): Promise<Actor | undefined> {
  const account = await withSystem(db, (tx) => findAccountByUsername(tx, username));
  return account ? toActor(account) : undefined;
}
