import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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
