import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLogger, createRuntime } from '@countersign/runtime';
import { loadConfig } from './config.ts';
import { ensureEmbedKey } from './embed-key-file.ts';
import { createPortalApp } from './portal-app.ts';
import { createSessions } from './session.ts';
import { createUserDirectory, PORTAL_USERS } from './users.ts';

// `pnpm partner-app`: the Northwind Portal with Countersign embedded, on one HTTP server.
const config = loadConfig();
const log = createLogger(config.logLevel);

// Listening first: the seeded sample workflow posts to the demo ERP inbox under this server's /countersign.
const server: Server = createServer();
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(config.port, config.host, resolve);
});
const { port } = server.address() as AddressInfo;
const origin = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

const runtime = await createRuntime({
  databaseUrl: config.databaseUrl,
  dataDir: join(config.dataDir, 'db'),
  seed: true,
  demoPassword: process.env['COUNTERSIGN_DEMO_PASSWORD'],
  demoErpUrl: `${origin}/countersign/demo/erp/invoices`,
  logger: log,
});
const key = await ensureEmbedKey(runtime, config.tenantId, config.dataDir);
const app = createPortalApp({ runtime, config, key, users: createUserDirectory(config.demoPassword), sessions: createSessions(config.sessionSecret) });
server.on('request', app);
// socket.io on the portal's own server, under the same prefix as the API.
runtime.attach(server, { path: '/countersign/socket.io' });

const accounts = PORTAL_USERS.map((user) => `  ${user.email.padEnd(22)} ${user.countersign.roles.join(', ')}${user.countersign.readOnly ? ', read-only' : ''}${user.countersign.nodeCategories ? `, nodes: ${user.countersign.nodeCategories.join('/')}` : ''}`);
process.stdout.write(`\nNorthwind Portal is running at ${origin}\nSign in with password "${config.demoPassword}" as:\n${accounts.join('\n')}\n\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  // Closing the runtime closes socket.io, which closes the HTTP server with it.
  runtime.close().then(
    () => process.exit(0),
    (error: unknown) => {
      log.error({ err: error }, 'error while stopping');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
