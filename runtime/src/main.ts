import { loadEnv } from './config/env.ts';
import { createRuntime } from './create-runtime.ts';
import { createLogger } from './logging/logger.ts';

// `pnpm start`: configuration from the environment, a runtime on one port, graceful stop on SIGTERM/SIGINT.
let env;
try {
  env = loadEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const log = createLogger(env.LOG_LEVEL);
const runtime = await createRuntime({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.COUNTERSIGN_DATA_DIR,
  databasePoolMax: env.COUNTERSIGN_DB_POOL,
  role: env.COUNTERSIGN_ROLE,
  jwtSecret: env.COUNTERSIGN_JWT_SECRET,
  seed: env.COUNTERSIGN_SEED,
  demoPassword: env.COUNTERSIGN_DEMO_PASSWORD,
  demoErpUrl: process.env['COUNTERSIGN_DEMO_ERP_URL'],
  editorDir: env.COUNTERSIGN_EDITOR_DIR,
  corsOrigins: env.COUNTERSIGN_CORS_ORIGINS,
  logger: log,
  credentialKeys: env.COUNTERSIGN_CREDENTIAL_KEYS,
  notifications: {
    ...(env.SMTP_URL ? { smtp: { url: env.SMTP_URL, from: env.MAIL_FROM } } : {}),
    ...(env.NOTIFY_WEBHOOK_URL && env.NOTIFY_WEBHOOK_SECRET ? { webhook: { url: env.NOTIFY_WEBHOOK_URL, secret: env.NOTIFY_WEBHOOK_SECRET } } : {}),
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
  },
  engine: { concurrency: env.COUNTERSIGN_WORKER_CONCURRENCY, leaseMs: env.COUNTERSIGN_LEASE_MS, pollMs: env.COUNTERSIGN_POLL_MS },
});
const server = env.COUNTERSIGN_ROLE === 'worker' ? undefined : await runtime.listen(env.PORT, env.HOST);
const address = server?.address();
const port = typeof address === 'object' && address ? address.port : env.PORT;
log.info({ port: server ? port : null, database: runtime.database.dialect, role: env.COUNTERSIGN_ROLE, workerId: runtime.engine.workerId }, 'Countersign runtime started');
if (runtime.seed?.created) {
  const lines = runtime.seed.users.map((user) => `  ${user.email.padEnd(24)} ${user.password ?? '(password from COUNTERSIGN_DEMO_PASSWORD)'}`);
  process.stdout.write(
    `\nCountersign is running at http://localhost:${port}\nDemo tenant "${runtime.seed.tenantName}" seeded. Sign in with:\n${lines.join('\n')}\n` +
      `These passwords are shown once; set COUNTERSIGN_DEMO_PASSWORD to choose them.\n\n`,
  );
} else if (server) {
  process.stdout.write(`\nCountersign is running at http://localhost:${port}\n\n`);
}

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  log.info({ signal, inFlight: runtime.engine.inFlight }, 'stopping: no new work is claimed; in-flight steps finish and runs are released');
  const force = setTimeout(() => {
    log.error('graceful stop took too long; exiting');
    process.exit(1);
  }, 30_000);
  force.unref();
  runtime.close().then(
    () => process.exit(0),
    (error: unknown) => {
      log.error({ err: error }, 'error while stopping');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
