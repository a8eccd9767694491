import { appendAuditEntries } from '@kern/access';
import { withSystem } from '@kern/db';
import { DomainError, invalidInput } from '@kern/kit';
import type { z } from 'zod';
import { deleteOtherSessions, findAccountById, updatePasswordHash } from './identity.repository';
import type { passwordChangeInputSchema } from './identity.schema';
import type { IdentityServices } from './login';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';
import type { ResolvedSession } from './resolve-session';

/** Changing the password ends every other session of the account (a stolen cookie dies too). */
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
  const account = await withSystem(services.db, (tx) => findAccountById(tx, resolved.actor.id));
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new DomainError('forbidden', { nl: 'Het huidige wachtwoord klopt niet.', en: 'The current password is incorrect.' });
  }
  const newHash = await hashPassword(input.newPassword);
  await withSystem(services.db, async (tx) => {
    const now = services.clock.now();
    await updatePasswordHash(tx, account.id, newHash, now);
    await deleteOtherSessions(tx, account.id, resolved.idHash);
    await appendAuditEntries(tx, account.municipalityCode, now, [
      {
        actorId: account.id,
        actorKind: 'staff',
        actorRoles: account.roles,
        actorTeams: account.teams.map((t) => t.id),
        action: 'update',
        resource: 'account',
        outcome: 'allowed',
        reason: 'password changed; other sessions ended',
      },
    ]);
  });
}
