import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/** How the Northwind Portal runs, from the environment (every value has a default for trying it out). */
export interface PortalConfig {
  port: number;
  host: string;
  /** Where the portal keeps its data: Countersign's PGlite database (unless DATABASE_URL) and the embed key. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** The Countersign tenant the portal's users work in (the seeded demo client). */
  tenantId: string;
  /** Password of every demo user of the portal. */
  demoPassword: string;
  /** Signs the portal's session cookies; random per process unless set (sessions end on restart). */
  sessionSecret: string;
  /** The built script-tag editor (pnpm --filter @countersign/editor build:embed). */
  editorAssets: string;
  logLevel: string;
}

const REPO = resolve(import.meta.dirname, '../../..');

/** Reads the configuration from `env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  const port = Number(env['PORT'] ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got ${env['PORT']}`);
  return {
    port,
    host: env['HOST'] ?? '127.0.0.1',
    dataDir: resolve(env['PARTNER_DATA_DIR'] ?? resolve(REPO, '.countersign/partner-app')),
    databaseUrl: env['DATABASE_URL'] || undefined,
    tenantId: env['PARTNER_TENANT_ID'] ?? 'demo',
    demoPassword: env['PARTNER_DEMO_PASSWORD'] ?? 'northwind-demo',
    sessionSecret: env['PARTNER_SESSION_SECRET'] ?? randomBytes(32).toString('base64url'),
    editorAssets: resolve(env['PARTNER_EDITOR_ASSETS'] ?? resolve(REPO, 'editor/dist-embed')),
    logLevel: env['LOG_LEVEL'] ?? 'warn',
  };
}
