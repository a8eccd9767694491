import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import type { z } from 'zod';
import { findLoginAlerts } from './identity.repository';
import type { loginAlertsOutputSchema } from './contract';

/**
 * The functional administrator's list of accounts that saw many failed logins (throttle.ts):
 * the sign of someone guessing, shown with a line of Dutch text to act on. Staff accounts are
 * the administrator's own domain, so the read falls under the administration of the system.
 */
export async function listLoginAlerts(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<z.infer<typeof loginAlertsOutputSchema>> {
  await authorize(services, tx, ctx, { resource: 'municipality-settings', action: 'read', detail: 'login alerts' });
  const rows = await findLoginAlerts(tx, 100);
  return {
    alerts: rows.map((a) => ({
      username: a.username,
      failures: a.failures,
      addresses: a.addresses,
      windowStart: a.windowStart.toISOString(),
      raisedAt: a.raisedAt.toISOString(),
      message: `Account ${a.username}: ${a.failures} mislukte inlogpogingen binnen een uur vanaf ${a.addresses} ${a.addresses === 1 ? 'adres' : 'adressen'}. Het account is niet geblokkeerd; ga na of de medewerker dit zelf was en laat anders het wachtwoord wijzigen.`,
    })),
  };
}
