import type { Actor } from '@kern/access';
import type { AnyDb } from '@kern/db';
import { staffActorOf } from '@kern/identity';

/** The actor behind a seeded login, for tests, benches and the scale generator. */
export async function actorFor(db: AnyDb, username: string): Promise<Actor> {
  const actor = await staffActorOf(db, username);
  if (!actor) throw new Error(`no account ${username}; seed the demo first`);
  return actor;
}
