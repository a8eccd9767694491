import type { Role } from '@kern/access';
import { withTenant, type AnyDb } from '@kern/db';
import { invalidInput, newId } from '@kern/kit';
import { findTeamByName, insertAccount, insertMembership, insertTeam } from './identity.repository';
import { usernameSchema } from './contract';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';

/**
 * Provisioning for seeds and the CLI (an administration screen comes with the OIDC seam).
 * Runs as the tenant, so an account can only be created inside its own municipality.
 */
export async function createTeam(db: AnyDb, municipalityCode: string, name: string, area: string | null = null): Promise<string> {
  return withTenant(db, municipalityCode, async (tx) => {
    const existing = await findTeamByName(tx, name);
    if (existing) return existing.id;
    const id = newId();
    await insertTeam(tx, { id, municipalityCode, name, area });
    return id;
  });
}

export async function createAccount(
  db: AnyDb,
  input: { municipalityCode: string; username: string; displayName: string; password: string; roles: Role[]; teamIds: string[] },
): Promise<string> {
  const username = usernameSchema.parse(input.username);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw invalidInput({ nl: 'Wachtwoord te kort.', en: 'Password too short.' }, [{ name: 'password', reason: `at least ${MIN_PASSWORD_LENGTH} characters` }]);
  }
  const passwordHash = await hashPassword(input.password);
  return withTenant(db, input.municipalityCode, async (tx) => {
    const id = newId();
    await insertAccount(tx, { id, municipalityCode: input.municipalityCode, username, displayName: input.displayName, passwordHash, roles: input.roles });
    for (const teamId of input.teamIds) await insertMembership(tx, { accountId: id, teamId, municipalityCode: input.municipalityCode });
    return id;
  });
}
