import { recordAuditEvent } from '@kern/access';
import type { Tx } from '@kern/db';
import { newId, RetryLater } from '@kern/kit';
import { failuresByPrefix, failuresSinceSuccess, upsertLoginAlert, type AccountRow } from './identity.repository';

/** The first wait after the free attempts; it doubles with every further failure. */
export const BACKOFF_BASE_SECONDS = 30;
/** The longest wait: an attacker gets about a hundred guesses a day per account and address. */
export const BACKOFF_MAX_SECONDS = 15 * 60;
/** Failures older than this are forgotten, like a success forgets all before it. */
const FAILURE_MEMORY_MS = 24 * 60 * 60_000;
const ALERT_WINDOW_MS = 60 * 60_000;

/**
 * How long the next attempt must wait, in whole seconds (0: it may go ahead): the first `limit`
 * failures are free, then every failure doubles the wait after it. Pure, so the schedule is
 * tested without a database.
 */
export function secondsToWait(f: { failures: number; lastFailureAt?: Date | undefined }, limit: number, now: Date): number {
  if (f.failures < limit || !f.lastFailureAt) return 0;
  const delay = Math.min(BACKOFF_BASE_SECONDS * 2 ** (f.failures - limit), BACKOFF_MAX_SECONDS);
  const left = f.lastFailureAt.getTime() + delay * 1000 - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** The keys a secret is throttled on. A login is keyed by account and address, so that an
 * attacker elsewhere slows only themself and the real user from their own address still logs in. */
export const loginKey = (username: string, clientAddress: string): string => `login:${username}@${clientAddress}`;
const loginKeyPrefix = (username: string): string => `login:${username}@`;
/** The current password of a password change: per account, since whoever tries holds its session. */
export const passwordChangeKey = (accountId: string): string => `password-change:${accountId}`;

function waitText(seconds: number): { nl: string; en: string } {
  if (seconds < 120) return { nl: `${seconds} seconden`, en: `${seconds} seconds` };
  const minutes = Math.ceil(seconds / 60);
  return { nl: `${minutes} minuten`, en: `${minutes} minutes` };
}

/** Refuses the attempt, without checking the secret, while the key is backed off. */
export async function requireNotBackedOff(tx: Tx, key: string, limit: number, now: Date): Promise<void> {
  const f = await failuresSinceSuccess(tx, key, new Date(now.getTime() - FAILURE_MEMORY_MS));
  const seconds = secondsToWait(f, limit, now);
  if (seconds === 0) return;
  const wait = waitText(seconds);
  throw new RetryLater(seconds, {
    nl: `Te veel mislukte pogingen. Wacht ${wait.nl} en probeer het dan opnieuw. Weet u uw wachtwoord niet meer? Vraag de functioneel beheerder om hulp.`,
    en: `Too many failed attempts. Wait ${wait.en} and try again. Forgot your password? Ask the functional administrator for help.`,
  });
}

/**
 * After a failed login of a known account: once its failures from all addresses together reach
 * `threshold` within an hour, the functional administrator gets an alert (one per account and
 * hour, its counts kept up to date) and the audit log a record of it. No lock: the real user
 * keeps logging in from their own address while someone else guesses.
 */
export async function raiseAlertIfMany(tx: Tx, account: AccountRow, threshold: number, now: Date): Promise<void> {
  const since = new Date(now.getTime() - ALERT_WINDOW_MS);
  const { failures, keys } = await failuresByPrefix(tx, loginKeyPrefix(account.username), since);
  if (failures < threshold) return;
  const windowStart = new Date(Math.floor(now.getTime() / ALERT_WINDOW_MS) * ALERT_WINDOW_MS);
  const isNew = await upsertLoginAlert(tx, {
    id: newId(), municipalityCode: account.municipalityCode, accountId: account.id, username: account.username,
    failures, addresses: keys, windowStart, raisedAt: now,
  });
  if (!isNew) return;
  await recordAuditEvent(tx, account.municipalityCode, now, { kind: 'system', id: 'kern-login-throttle', roles: [], teamIds: [] }, {
    action: 'alert',
    resource: 'account',
    outcome: 'denied',
    reason: `many failed logins for account ${account.username} (${account.id}): ${failures} in the last hour from ${keys} address(es)`,
  });
}
