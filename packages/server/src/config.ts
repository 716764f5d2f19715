import path from 'node:path';
import { checkPassword, isRealDate, type WorkCalendar } from '@huican/core';
import { z } from 'zod';

// One validated configuration object, read once from the environment. A bad value stops the
// start with a message naming the variable (see docs/deployment.md for the full table).

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();

/** A comma-separated list of YYYY-MM-DD dates. */
const dateList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((dates) => dates.every(isRealDate), 'must be a comma-separated list of YYYY-MM-DD dates');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  HUICAN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  HUICAN_SEED: z.enum(['demo', 'none']).default('demo'),
  HUICAN_ADMIN_PASSWORD: z
    .string()
    .superRefine((password, ctx) => {
      const problem = checkPassword(password, 'admin');
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          message: `does not meet the password policy (${problem}): at least 10 characters from 3 of upper case, lower case, digits, symbols`,
        });
      }
    })
    .optional(),
  HUICAN_SESSION_IDLE_MINUTES: positiveInt.default(30),
  HUICAN_SESSION_ABSOLUTE_HOURS: positiveInt.default(12),
  HUICAN_LOGIN_RATE_LIMIT_PER_MINUTE: positiveInt.min(30).default(60),
  HUICAN_LOCKOUT_THRESHOLD: positiveInt.default(5),
  HUICAN_LOCKOUT_MINUTES: positiveInt.default(15),
  HUICAN_COOKIE_SECURE: bool.default(false),
  HUICAN_TRUST_PROXY: bool.default(false),
  HUICAN_ALLOWED_ORIGINS: z.string().default(''),
  HUICAN_WEB_DIST: z.string().optional(),
  HUICAN_UPLOAD_LIMIT_MB: positiveInt.max(500).default(50),
  HUICAN_STEP_WORKING_DAYS: positiveInt.max(60).default(10),
  HUICAN_HOLIDAYS: dateList.default([]),
  HUICAN_EXTRA_WORKDAYS: dateList.default([]),
  HUICAN_SETTLEMENT_ADVANCE_PERCENT: z.coerce.number().int().min(0).max(100).default(50),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seed: 'demo' | 'none';
  adminPassword: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginRateLimitPerMinute: number;
  lockoutThreshold: number;
  lockoutMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  allowedOrigins: string[];
  webDist: string;
  uploadLimitBytes: number;
  /** Time limit of each application step (township review, county approval), in working days. */
  stepWorkingDays: number;
  workCalendar: WorkCalendar;
  /** Institution settlements: the share of a placement's amount paid in advance (percent, 0–100). */
  settlementAdvancePercent: number;
  logLevel: string;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most deployment tools' env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HUICAN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    seed: e.HUICAN_SEED,
    adminPassword: e.HUICAN_ADMIN_PASSWORD,
    sessionIdleMs: e.HUICAN_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.HUICAN_SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginRateLimitPerMinute: e.HUICAN_LOGIN_RATE_LIMIT_PER_MINUTE,
    lockoutThreshold: e.HUICAN_LOCKOUT_THRESHOLD,
    lockoutMs: e.HUICAN_LOCKOUT_MINUTES * 60_000,
    cookieSecure: e.HUICAN_COOKIE_SECURE,
    trustProxy: e.HUICAN_TRUST_PROXY,
    allowedOrigins: e.HUICAN_ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    webDist: path.resolve(e.HUICAN_WEB_DIST ?? DEFAULT_WEB_DIST),
    uploadLimitBytes: e.HUICAN_UPLOAD_LIMIT_MB * 1024 * 1024,
    stepWorkingDays: e.HUICAN_STEP_WORKING_DAYS,
    workCalendar: { holidays: e.HUICAN_HOLIDAYS, extraWorkdays: e.HUICAN_EXTRA_WORKDAYS },
    settlementAdvancePercent: e.HUICAN_SETTLEMENT_ADVANCE_PERCENT,
    logLevel: e.LOG_LEVEL,
  };
}
