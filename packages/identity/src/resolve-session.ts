import { recordAuditEvent, type Actor } from '@kern/access';
import { withSystem } from '@kern/db';
import { deleteSession, findSessionAccount, touchSession } from './identity.repository';
import { hashSessionId, toActor, toSession, type IdentityServices } from './login';
import type { Session } from './contract';

export interface ResolvedSession {
  actor: Actor;
  session: Session;
  idHash: string;
}

/** Finds the live session behind a cookie value; `undefined` for unknown or expired ones. */
export async function resolveSession(services: IdentityServices, sessionId: string): Promise<ResolvedSession | undefined> {
  if (sessionId.length < 20 || sessionId.length > 100) return undefined;
  const idHash = hashSessionId(sessionId);
  const now = services.clock.now();
  // One statement, so no explicit transaction: begin and commit would be two more round trips on
  // every request (a single statement is atomic on its own).
  const found = await findSessionAccount(services.db, idHash, now);
  if (!found) return undefined;
  // Recording activity once a minute is enough to show idle sessions, and keeps reads cheap.
  if (now.getTime() - found.lastSeenAt.getTime() > 60_000) {
    await touchSession(services.db, idHash, now);
  }
  return { actor: toActor(found.account), session: toSession(found.account, found.csrfToken), idHash };
}

export async function logout(services: IdentityServices, resolved: ResolvedSession): Promise<void> {
  await withSystem(services.db, async (tx) => {
    await deleteSession(tx, resolved.idHash);
    await recordAuditEvent(tx, resolved.actor.municipalityCode, services.clock.now(), { ...resolved.actor, kind: 'staff' }, { action: 'logout', resource: 'session', outcome: 'allowed', reason: 'logout' });
  });
}
