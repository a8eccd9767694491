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
  /** Set behind TLS termination so session cookies get the Secure flag. */
  secureCookies: z.coerce.boolean().default(false),
  sessionTtlMinutes: z.coerce.number().int().min(5).max(24 * 60).default(480),
  /** Login attempts per account+address in a 15-minute window before further attempts are refused. */
  loginAttemptLimit: z.coerce.number().int().min(1).max(100).default(5),
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
    bodyLimitBytes: env.KERN_BODY_LIMIT_BYTES,
    exchangeUploadLimitBytes: env.KERN_EXCHANGE_UPLOAD_LIMIT_BYTES,
    webDistDir: env.KERN_WEB_DIST || undefined,
    logLevel: env.KERN_LOG_LEVEL,
    demoMode: env.KERN_DEMO,
    ...stripUndefined(overrides),
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return parsed.data;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
