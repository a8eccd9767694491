import { createHash } from 'node:crypto';
import { recordAuditEvent, type Actor } from '@kern/access';
import { withSystem, type AnyDb } from '@kern/db';
import { DomainError, newSecret, type Clock } from '@kern/kit';
import type { z } from 'zod';
import { findAccountByUsername, insertSession, recordAttempt, type AccountRow } from './identity.repository';
import type { loginInputSchema, Session } from './contract';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { loginKey, raiseAlertIfMany, requireNotBackedOff } from './throttle';

export interface IdentityServices {
  db: AnyDb;
  clock: Clock;
  sessionTtlMinutes: number;
  /** Free failed attempts per secret before the backoff starts (throttle.ts). */
  loginAttemptLimit: number;
  /** Failed logins of one account in an hour, from anywhere, that raise an alert; default 20. */
  loginAlertThreshold?: number | undefined;
}

export const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('hex');

const wrongCredentials = () =>
  new DomainError('not-authenticated', {
    nl: 'Gebruikersnaam of wachtwoord klopt niet.',
    en: 'Username or password is incorrect.',
  });

/**
 * Password login. Throttled per account and client address (throttle.ts): after
 * `loginAttemptLimit` failures of that pair every further attempt waits, doubling from 30
 * seconds to 15 minutes, and is refused without checking the password meanwhile. Nothing is
 * locked for anyone else: the real user logs in from their own address while an attacker's
 * address waits, and many failures of one account raise an alert for the administrator.
 */
export async function login(
  services: IdentityServices,
  input: z.infer<typeof loginInputSchema>,
  clientAddress: string,
): Promise<{ sessionId: string; session: Session }> {
  const username = input.username.trim().toLowerCase();
  const key = loginKey(username, clientAddress);
  const now = services.clock.now();
  await withSystem(services.db, (tx) => requireNotBackedOff(tx, key, services.loginAttemptLimit, now));

  const account = await withSystem(services.db, (tx) => findAccountByUsername(tx, username));
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);

  const result = await withSystem(services.db, async (tx) => {
    await recordAttempt(tx, [key], now, ok && !!account?.active);
    if (!account || !ok || !account.active) {
      if (account) {
        await recordAuditEvent(tx, account.municipalityCode, now, toActor(account), loginAudit('denied', 'wrong password or inactive account'));
        await raiseAlertIfMany(tx, account, services.loginAlertThreshold ?? 20, now);
      }
      return { failed: true as const };
    }
    const sessionId = newSecret();
    const csrfToken = newSecret();
    await insertSession(tx, {
      idHash: hashSessionId(sessionId),
      accountId: account.id,
      municipalityCode: account.municipalityCode,
      csrfToken,
      now,
      expiresAt: new Date(now.getTime() + services.sessionTtlMinutes * 60_000),
    });
    await recordAuditEvent(tx, account.municipalityCode, now, toActor(account), loginAudit('allowed', 'password login'));
    return { failed: false as const, sessionId, session: toSession(account, csrfToken) };
  });
  // The failed attempt is committed before answering, so throttling counts it.
  if (result.failed) throw wrongCredentials();
  return { sessionId: result.sessionId, session: result.session };
}

function loginAudit(outcome: 'allowed' | 'denied', reason: string) {
  return {
    action: 'login',
    resource: 'session',
    outcome,
    reason,
  };
}

export function toSession(account: AccountRow, csrfToken: string): Session {
  return {
    csrfToken,
    account: {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      roles: account.roles,
      teams: account.teams,
      municipality: { code: account.municipalityCode, name: account.municipalityName },
    },
  };
}

export function toActor(account: AccountRow): Actor {
  return {
    kind: 'staff',
    id: account.id,
    name: account.displayName,
    municipalityCode: account.municipalityCode,
    roles: account.roles,
    teamIds: account.teams.map((t) => t.id),
  };
}
