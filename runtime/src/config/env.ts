import { z } from 'zod';
import { parseCredentialKeys, type CredentialKey } from '../credentials/index.ts';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** An optional setting where an empty value (`FOO=` in a compose file) means unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** Parses COUNTERSIGN_CREDENTIAL_KEYS; a bad entry is an issue of the variable (never quoting the key). */
function credentialKeys(text: string, ctx: z.RefinementCtx): CredentialKey[] {
  try {
    return parseCredentialKeys(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `${(error as Error).message} (expected keyId:base64-32-bytes[,keyId:base64...], the first is current)` });
    return z.NEVER;
  }
}

/** Parses COUNTERSIGN_CORS_ORIGINS: comma-separated origins (scheme, host, optional port; no path). */
function corsOrigins(text: string, ctx: z.RefinementCtx): string[] {
  const origins = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const [i, origin] of origins.entries()) {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) {
      ctx.addIssue({ code: 'custom', message: `entry ${i + 1} (${origin}) must be an origin such as https://portal.example.com, without a path or a trailing slash` });
      return z.NEVER;
    }
  }
  return origins.map((origin) => origin.toLowerCase());
}

/** Every setting the runtime reads from the environment, validated at start. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  COUNTERSIGN_DATA_DIR: z.string().min(1).default('./data'),
  COUNTERSIGN_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  COUNTERSIGN_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  COUNTERSIGN_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  COUNTERSIGN_LEASE_MS: positiveInt(15_000),
  COUNTERSIGN_WORKER_CONCURRENCY: positiveInt(32),
  COUNTERSIGN_POLL_MS: positiveInt(250),
  COUNTERSIGN_DB_POOL: positiveInt(10),
  COUNTERSIGN_EDITOR_DIR: z.string().optional(),
  COUNTERSIGN_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Notifications (approval tasks): email when SMTP_URL is set, a signed webhook when NOTIFY_WEBHOOK_URL is.
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL')),
  MAIL_FROM: optional(z.string().regex(/@/, 'must hold an email address, e.g. "Countersign <no-reply@example.com>"')).transform(
    (from) => from ?? 'Countersign <no-reply@countersign.local>',
  ),
  NOTIFY_WEBHOOK_URL: optional(httpUrl),
  NOTIFY_WEBHOOK_SECRET: optional(z.string().min(24, 'must be at least 24 characters (whsec_<base64> or a random string)')),
  // Keys that seal credentials: keyId:base64-32-bytes, comma-separated, the first current (rotation).
  COUNTERSIGN_CREDENTIAL_KEYS: optional(z.string().transform(credentialKeys)),
  // Origins of partner apps that call the API from the browser on another origin (the script-tag editor).
  COUNTERSIGN_CORS_ORIGINS: optional(z.string().transform(corsOrigins)),
  // Base URL of the app as users reach it, for links in notifications (e.g. https://countersign.example.com).
  PUBLIC_URL: optional(httpUrl.transform((url) => url.replace(/\/+$/, ''))),
}).superRefine((env, ctx) => {
  if (env.NOTIFY_WEBHOOK_URL !== undefined && env.NOTIFY_WEBHOOK_SECRET === undefined) {
    ctx.addIssue({ code: 'custom', path: ['NOTIFY_WEBHOOK_SECRET'], message: 'is required when NOTIFY_WEBHOOK_URL is set (webhooks are always signed)' });
  }
});

/** Validated configuration. */
export type Env = z.output<typeof EnvSchema>;

/** Parses the environment; a bad value throws an error naming each offending variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}
