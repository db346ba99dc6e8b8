import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { resolve } from 'node:path';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import { Server as SocketServer } from 'socket.io';
import { registry as defaultRegistry } from '@countersign/nodes';
import type { ClientToServerEvents, NodeRegistry, ServerToClientEvents } from '@countersign/shared';
import { createApiRouter } from './api/create-api-router.ts';
import { createApprovalHandler } from './approvals/approval-handler.ts';
import { startApprovalClock } from './approvals/approval-clock.ts';
import type { ApprovalNotifier } from './approvals/approval-notifier.ts';
import { createNotifier, type NotifierOptions } from './notifications/index.ts';
import { brandedIndexPage, notificationBranding } from './branding/index.ts';
import { createAuth } from './auth/auth.ts';
import { createCredentialStore, type CredentialKey } from './credentials/index.ts';
import { createEmbedKeysService, type EmbedKeysService } from './embed/index.ts';
import { connectDatabase, type Database } from './db/connect.ts';
import { Engine, type EngineOptions } from './engine/engine.ts';
import { createHttpClient } from './engine/http-client.ts';
import { createLogger } from './logging/logger.ts';
import { createIvmSandbox } from './sandbox/ivm-sandbox.ts';
import type { SandboxLimits } from './sandbox/expression-sandbox.ts';
import { seedDemo, type SeedResult } from './seed/seed-demo.ts';
import { attachRunSocket } from './socket/attach-run-socket.ts';

/** How to build a runtime; everything has a default for the embedded single-process setup. */
export interface RuntimeOptions {
  /** PostgreSQL URL; PGlite in `dataDir` when absent. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** An already connected database (tests, partner apps that share one). */
  database?: Database;
  databasePoolMax?: number;
  registry?: NodeRegistry;
  /** `api` serves requests only, `worker` executes runs only, `all` does both. */
  role?: 'all' | 'api' | 'worker';
  jwtSecret?: string | undefined;
  /** Seed the demo tenant, users and sample workflow when the database is empty. */
  seed?: boolean;
  demoPassword?: string | undefined;
  /** Where the demo workflow posts invoices; the built-in demo ERP inbox when absent. */
  demoErpUrl?: string | undefined;
  logger?: Logger;
  engine?: Partial<Pick<EngineOptions, 'concurrency' | 'leaseMs' | 'pollMs' | 'maxStepsPerClaim' | 'defaultTimeoutMs'>>;
  sandbox?: Partial<SandboxLimits>;
  /** How often due reminders and escalations of approvals are checked (ms). */
  approvalClockMs?: number;
  /** Channels of approval notifications (email over SMTP, a signed webhook); none by default. */
  notifications?: Pick<NotifierOptions, 'smtp' | 'webhook' | 'publicUrl' | 'productName' | 'pollMs' | 'schedule'>;
  /** Replaces the notification outbox (tests record what would be sent). */
  notifier?: ApprovalNotifier;
  /** Keys that seal credentials (COUNTERSIGN_CREDENTIAL_KEYS; the first seals): a key kept in the database when absent. */
  credentialKeys?: readonly CredentialKey[] | undefined;
  /** The built editor to serve at `/` (editor/dist when it exists). */
  editorDir?: string | undefined;
  /**
   * Origins allowed to call the API from a browser on another origin (a partner app loading the
   * script-tag editor from its own domain); none by default (same origin only). Credentials are bearer
   * tokens, never cookies.
   */
  corsOrigins?: readonly string[] | undefined;
}

/** A runtime: mount `router` in any Express app and `attach` socket.io to its HTTP server, or `listen`. */
export interface Runtime {
  /** A complete app: the router plus the editor at `/`. */
  app: express.Express;
  /** The API (`/api/...`) and webhooks (`/hooks/...`), mountable under a prefix. */
  router: express.Router;
  /** Attaches socket.io (run events) to an HTTP server. */
  attach(server: HttpServer, options?: { path?: string }): SocketServer<ClientToServerEvents, ServerToClientEvents>;
  engine: Engine;
  /** Embed signing keys of each tenant (a partner app may create its own key at start). */
  embedKeys: EmbedKeysService;
  database: Database;
  seed: SeedResult | undefined;
  log: Logger;
  /** Starts an HTTP server with the app and socket.io; resolves with it once listening. */
  listen(port: number, host?: string): Promise<HttpServer>;
  /** Stops the engine gracefully, closes sockets, servers and the database. */
  close(): Promise<void>;
}

/** Builds a runtime: connects and migrates the database, seeds the demo, starts the engine (unless role is `api`). */
export async function createRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.logger ?? createLogger();
  const registry = options.registry ?? defaultRegistry;
  const database =
    options.database ??
    (await connectDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? './data', ...(options.databasePoolMax ? { poolMax: options.databasePoolMax } : {}) }));
  const ownsDatabase = options.database === undefined;
  const { knex } = database;
  const sandbox = createIvmSandbox(options.sandbox);
  const outbox = options.notifier ? undefined : createNotifier({ knex, log, branding: notificationBranding, ...options.notifications });
  const notifier: ApprovalNotifier = options.notifier ?? (outbox as ApprovalNotifier);
  const suspensions = { approval: createApprovalHandler(knex, notifier) };
  const credentials = await createCredentialStore({ knex, keys: options.credentialKeys, log });
  const engine = new Engine({ knex, registry, sandbox, http: createHttpClient(), log, suspensions, secrets: credentials, ...options.engine });
  const embedKeys = createEmbedKeysService(knex, credentials);
  const auth = await createAuth(knex, options.jwtSecret, { embedKeys });
  const seed = options.seed === false ? undefined : await seedDemo(knex, { registry, demoPassword: options.demoPassword, demoErpUrl: options.demoErpUrl, log });
  const deps = { knex, dialect: database.dialect, engine, registry, auth, log, notifier, credentials };
  const router = express.Router();
  if (options.corsOrigins && options.corsOrigins.length > 0) router.use(corsFor(options.corsOrigins));
  router.use(createApiRouter(deps));

  const app = express();
  app.disable('x-powered-by');
  app.use(router);
  const editorDir = options.editorDir ?? resolve(import.meta.dirname, '../../editor/dist');
  if (existsSync(editorDir)) {
    const page = brandedIndexPage(readFileSync(resolve(editorDir, 'index.html'), 'utf8'), knex);
    app.use(express.static(editorDir, { index: false, maxAge: '1h' }));
    // The index page (and the client-side routes of the editor falling back to it) carries the product
    // name of the host's branding from the first byte: a partner's domain never shows Countersign.
    app.get(/^\/(?!api\/|hooks\/|socket\.io\/).*/, (req, res, next) => {
      page(req.headers.host).then((html) => res.set('Cache-Control', 'no-cache').type('html').send(html), next);
    });
  }

  const sockets: SocketServer[] = [];
  const detachers: (() => void)[] = [];
  const servers: HttpServer[] = [];
  const attach = (server: HttpServer, attachOptions: { path?: string } = {}): SocketServer<ClientToServerEvents, ServerToClientEvents> => {
    const io = new SocketServer<ClientToServerEvents, ServerToClientEvents>(server, { path: attachOptions.path ?? '/socket.io', cors: { origin: true } });
    detachers.push(attachRunSocket(io, deps));
    sockets.push(io);
    return io;
  };

  let stopClock: (() => void) | undefined;
  if (options.role !== 'api') {
    engine.start();
    outbox?.start();
    stopClock = startApprovalClock(knex, notifier, log, options.approvalClockMs ?? 1000, () => engine.notify());
  }

  return {
    app,
    router,
    attach,
    engine,
    embedKeys,
    database,
    seed,
    log,
    listen: (port, host) =>
      new Promise((resolvePromise, reject) => {
        const server = createServer(app);
        attach(server);
        servers.push(server);
        server.once('error', reject);
        server.listen(port, host, () => resolvePromise(server));
      }),
    async close() {
      stopClock?.();
      await engine.stop();
      await outbox?.stop();
      for (const detach of detachers) detach();
      await Promise.all(sockets.map((io) => new Promise<void>((done) => void io.close(() => done()))));
      await Promise.all(servers.map((server) => new Promise<void>((done) => server.close(() => done()))));
      sandbox.dispose();
      if (ownsDatabase) await database.close();
    },
  };
}

/** CORS for the API: the listed origins may send the headers the API reads and read the ones it sets. */
function corsFor(origins: readonly string[]): express.RequestHandler {
  return cors({
    origin: [...origins],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Api-Key', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'],
    maxAge: 600,
  });
}
