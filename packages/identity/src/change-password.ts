import { recordAuditEvent } from '@kern/access';
import { withSystem } from '@kern/db';
import { DomainError, invalidInput } from '@kern/kit';
import type { z } from 'zod';
import { deleteOtherSessions, findAccountById, recordAttempt, updatePasswordHash } from './identity.repository';
import type { passwordChangeInputSchema } from './contract';
import { toActor, type IdentityServices } from './login';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';
import type { ResolvedSession } from './resolve-session';
import { passwordChangeKey, requireNotBackedOff } from './throttle';

/**
 * Changing the password ends every other session of the account (a stolen cookie dies too).
 * The current password is a secret checked like a login's: throttled per account with the same
 * backoff, and every wrong one audited, so a stolen session cannot be used to find it.
 */
export async function changePassword(
  services: IdentityServices,
  resolved: ResolvedSession,
  input: z.infer<typeof passwordChangeInputSchema>,
): Promise<void> {
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
    throw invalidInput(
      { nl: `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`, en: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` },
      [{ name: 'newPassword', reason: `at least ${MIN_PASSWORD_LENGTH} characters` }],
    );
  }
  if (input.newPassword === input.currentPassword) {
    throw invalidInput(
      { nl: 'Het nieuwe wachtwoord moet anders zijn dan het huidige.', en: 'The new password must differ from the current one.' },
      [{ name: 'newPassword', reason: 'same as current' }],
    );
  }
  const key = passwordChangeKey(resolved.actor.id);
  const checkedAt = services.clock.now();
  await withSystem(services.db, (tx) => requireNotBackedOff(tx, key, services.loginAttemptLimit, checkedAt));
  const account = await withSystem(services.db, (tx) => findAccountById(tx, resolved.actor.id));
  if (!account) throw new DomainError('not-authenticated', { nl: 'U bent niet ingelogd.', en: 'You are not logged in.' });
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    // Committed before answering, so the next attempt counts it.
    await withSystem(services.db, async (tx) => {
      await recordAttempt(tx, [key], checkedAt, false);
      await recordAuditEvent(tx, account.municipalityCode, checkedAt, toActor(account), passwordAudit('denied', 'password change refused: current password wrong'));
    });
    throw new DomainError('forbidden', { nl: 'Het huidige wachtwoord klopt niet.', en: 'The current password is incorrect.' });
  }
  const newHash = await hashPassword(input.newPassword);
  await withSystem(services.db, async (tx) => {
    const now = services.clock.now();
    await recordAttempt(tx, [key], now, true);
    await updatePasswordHash(tx, account.id, newHash, now);
    await deleteOtherSessions(tx, account.id, resolved.idHash);
    await recordAuditEvent(tx, account.municipalityCode, now, toActor(account), passwordAudit('allowed', 'password changed; other sessions ended'));
  });
}

function passwordAudit(outcome: 'allowed' | 'denied', reason: string) {
  return {
    action: 'update',
    resource: 'account',
    outcome,
    reason,
  };
}
