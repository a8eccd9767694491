import { z } from 'zod';

/**
 * Configuration is read once from the environment, validated, and passed in explicitly
 * (buildApp(config)); nothing reads process.env after start-up.
 */
export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().default('127.0.0.1'),
  /** Where the embedded PGlite database keeps its files. Ignored when databaseUrl is set. */
  dataDir: z.string().default('./data'),
  /** A PostgreSQL server; when absent Kern runs on embedded PGlite. */
  databaseUrl: z.string().url().optional(),
  /** Base URL of the Haal Centraal BRP bevragen API (the fake BRP in demo and tests). */
  brpUrl: z.string().url().optional(),
  brpApiKey: z.string().optional(),
  /**
   * The Secure flag on session cookies: `auto` (the default) sets it on every request except one
   * addressed to plain localhost / 127.0.0.1 (the demo over http); `true` and `false` force it.
   */
  secureCookies: z.preprocess(
    (v) => (v === true || v === '1' ? 'true' : v === false || v === '0' ? 'false' : v),
    z.enum(['auto', 'true', 'false']),
  ).default('auto'),
  sessionTtlMinutes: z.coerce.number().int().min(5).max(24 * 60).default(480),
  /**
   * Failed attempts at a secret (password login per account and address, the current password of
   * a password change per account) before each further attempt waits, doubling from 30 seconds.
   */
  loginAttemptLimit: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed logins of one account (from any address) in an hour that raise an alert for the functional administrator. */
  loginAlertThreshold: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Directory of the signed audit checkpoints (an append-only file per municipality); absent: none written or checked. */
  auditCheckpointDir: z.string().optional(),
  /** HMAC key of the audit checkpoints; keep it outside the database (ADR 0003). Required with auditCheckpointDir. */
  auditCheckpointKey: z.string().min(32).optional(),
  /** `kern serve` writes a checkpoint of every chain this often (minutes); 0: only `kern audit checkpoint`. */
  auditCheckpointIntervalMinutes: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  bodyLimitBytes: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Exchange: the largest iWmo/iJw file one HTTP delivery may stream in (the body is never held in memory). */
  exchangeUploadLimitBytes: z.coerce.number().int().min(1024).default(2 * 1024 * 1024 * 1024),
  webDistDir: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Demo mode (`kern serve --demo`): the citizen portal offers a login as a BRP test person and writes mail to the log. */
  demoMode: z.coerce.boolean().default(false),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = configSchema.safeParse({
    port: env.PORT,
    host: env.HOST,
    dataDir: env.KERN_DATA_DIR,
    databaseUrl: env.DATABASE_URL || undefined,
    brpUrl: env.KERN_BRP_URL || undefined,
    brpApiKey: env.KERN_BRP_API_KEY || undefined,
    secureCookies: env.KERN_SECURE_COOKIES,
    sessionTtlMinutes: env.KERN_SESSION_TTL_MINUTES,
    loginAttemptLimit: env.KERN_LOGIN_ATTEMPT_LIMIT,
    loginAlertThreshold: env.KERN_LOGIN_ALERT_THRESHOLD,
    auditCheckpointDir: env.KERN_AUDIT_CHECKPOINT_DIR || undefined,
    auditCheckpointKey: env.KERN_AUDIT_CHECKPOINT_KEY || undefined,
    auditCheckpointIntervalMinutes: env.KERN_AUDIT_CHECKPOINT_INTERVAL_MINUTES,
    bodyLimitBytes: env.KERN_BODY_LIMIT_BYTES,
    exchangeUploadLimitBytes: env.KERN_EXCHANGE_UPLOAD_LIMIT_BYTES,
    webDistDir: env.KERN_WEB_DIST || undefined,
    logLevel: env.KERN_LOG_LEVEL,
    demoMode: env.KERN_DEMO,
    ...stripUndefined(overrides),
  });
  if (parsed.success && parsed.data.auditCheckpointDir && !parsed.data.auditCheckpointKey) {
    throw new Error('Invalid configuration:\n  auditCheckpointKey: KERN_AUDIT_CHECKPOINT_KEY (32 characters or more) is required with KERN_AUDIT_CHECKPOINT_DIR');
  }
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return parsed.data;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const PLAIN_LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Whether a cookie set in answer to a request for `hostname` gets the Secure flag. Only the demo
 * on plain localhost runs over http; anywhere else a session cookie must never travel in clear.
 */
export function secureCookieFor(setting: Config['secureCookies'], hostname: string): boolean {
  if (setting !== 'auto') return setting === 'true';
  return !PLAIN_LOCAL_HOSTS.has(hostname.toLowerCase());
}
