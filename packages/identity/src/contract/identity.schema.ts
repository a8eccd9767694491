import { roleSchema } from '@kern/access/contract';
import { z } from 'zod';

export const usernameSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, '3-64 characters: a-z, 0-9, dot, dash, underscore');

export const loginInputSchema = z.object({
  username: z.string().max(200),
  password: z.string().max(1000),
});

export const sessionSchema = z.object({
  csrfToken: z.string(),
  account: z.object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    teams: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
    municipality: z.object({ code: z.string(), name: z.string() }),
  }),
});
export type Session = z.infer<typeof sessionSchema>;
export const sessionOutputSchema = z.object({ session: sessionSchema });

export const passwordChangeInputSchema = z.object({
  currentPassword: z.string().max(1000),
  newPassword: z.string().max(1000),
});

export const SESSION_COOKIE = 'kern_session';
/** Accounts that saw many failed logins, for the functional administrator. */
export const loginAlertSchema = z.object({
  username: z.string(),
  failures: z.number().int(),
  addresses: z.number().int(),
  windowStart: z.string(),
  raisedAt: z.string(),
  /** What happened and what to do, in Dutch. */
  message: z.string(),
});
export const loginAlertsOutputSchema = z.object({ alerts: z.array(loginAlertSchema) });
