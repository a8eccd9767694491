import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { loginAlertsOutputSchema, loginInputSchema, passwordChangeInputSchema, sessionOutputSchema } from './identity.schema';

export const identityContract = defineContract({
  login: defineRoute({
    method: 'POST', path: '/api/v1/sessions', tags: ['identity'], auth: 'public', personalData: 'none',
    summary: 'Log in with username and password',
    body: loginInputSchema,
    responses: { 201: sessionOutputSchema },
  }),
  getSessionsCurrent: defineRoute({
    method: 'GET', path: '/api/v1/sessions/current', tags: ['identity'], auth: 'staff', personalData: 'none',
    summary: 'The current session (account, roles, teams, CSRF token)',
    responses: { 200: sessionOutputSchema },
  }),
  logout: defineRoute({
    method: 'DELETE', path: '/api/v1/sessions/current', tags: ['identity'], auth: 'staff', personalData: 'none',
    summary: 'Log out',
    responses: { 204: z.null() },
  }),
  changePassword: defineRoute({
    method: 'POST', path: '/api/v1/accounts/current/password-change', tags: ['identity'], auth: 'staff', personalData: 'none',
    summary: 'Change your password (ends your other sessions)',
    body: passwordChangeInputSchema,
    responses: { 204: z.null() },
  }),
  listLoginAlerts: defineRoute({
    method: 'GET', path: '/api/v1/login-alerts', tags: ['identity'], auth: 'staff', personalData: 'none',
    summary: 'Accounts with many failed logins (functional administrator)',
    responses: { 200: loginAlertsOutputSchema },
  }),
});
