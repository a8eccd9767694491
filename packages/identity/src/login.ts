import { createHash } from 'node:crypto';
import { appendAuditEntries, type Actor } from '@kern/access';
import { withSystem, type AnyDb } from '@kern/db';
import { DomainError, newSecret, type Clock } from '@kern/kit';
import type { z } from 'zod';
import { findAccountByUsername, insertSession, recentFailures, recordAttempt, type AccountRow } from './identity.repository';
import type { loginInputSchema, Session } from './identity.schema';
import { dummyPasswordHash, verifyPassword } from './passwords';

export interface IdentityServices {
  db: AnyDb;
  clock: Clock;
  sessionTtlMinutes: number;
  loginAttemptLimit: number;
}

export const LOGIN_WINDOW_MINUTES = 15;

export const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('hex');

const wrongCredentials = () =>
  new DomainError('not-authenticated', {
    nl: 'Gebruikersnaam of wachtwoord klopt niet.',
    en: 'Username or password is incorrect.',
  });

/**
 * Password login. Throttled per account and per client address: after `loginAttemptLimit`
 * failures for an account (ten times that for an address) in 15 minutes further attempts are
 * refused without checking the password, so guessing is slow while a forgotten password costs
 * a colleague a quarter of an hour at most.
 */
export async function login(
  services: IdentityServices,
  input: z.infer<typeof loginInputSchema>,
  clientAddress: string,
): Promise<{ sessionId: string; session: Session }> {
  const username = input.username.trim().toLowerCase();
  const keys = [`account:${username}`, `address:${clientAddress}`];
  const now = services.clock.now();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);

  // An office behind one NAT address shares the address counter, so it allows ten accounts' worth.
  const [accountFailures, addressFailures] = await withSystem(services.db, async (tx) => [
    await recentFailures(tx, [keys[0] ?? ''], since),
    await recentFailures(tx, [keys[1] ?? ''], since),
  ]);
  if (accountFailures >= services.loginAttemptLimit || addressFailures >= services.loginAttemptLimit * 10) {
    throw new DomainError('too-many-requests', {
      nl: `Te veel mislukte pogingen. Probeer het over ${LOGIN_WINDOW_MINUTES} minuten opnieuw of vraag de functioneel beheerder om hulp.`,
      en: `Too many failed attempts. Try again in ${LOGIN_WINDOW_MINUTES} minutes or ask the functional administrator for help.`,
    });
  }

  const account = await withSystem(services.db, (tx) => findAccountByUsername(tx, username));
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);

  const result = await withSystem(services.db, async (tx) => {
    await recordAttempt(tx, keys, now, ok && !!account?.active);
    if (!account || !ok || !account.active) {
      if (account) {
        await appendAuditEntries(tx, account.municipalityCode, now, [loginAudit(account, 'denied', 'wrong password or inactive account')]);
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
    await appendAuditEntries(tx, account.municipalityCode, now, [loginAudit(account, 'allowed', 'password login')]);
    return { failed: false as const, sessionId, session: toSession(account, csrfToken) };
  });
  // The failed attempt is committed before answering, so throttling counts it.
  if (result.failed) throw wrongCredentials();
  return { sessionId: result.sessionId, session: result.session };
}

function loginAudit(account: AccountRow, outcome: 'allowed' | 'denied', reason: string) {
  return {
    actorId: account.id,
    actorKind: 'staff' as const,
    actorRoles: account.roles,
    actorTeams: account.teams.map((t) => t.id),
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
