import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, freePort } from './runtime-process.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The script-tag editor the partner app serves (pnpm --filter @countersign/editor build:embed). */
export const EMBED_DIST = join(ROOT, 'editor/dist-embed/');
/** The password of the partner app's demo users. */
export const PORTAL_PASSWORD = 'northwind-demo-for-tests';

/** examples/partner-app running as its own process, as `pnpm partner-app` starts it. */
export interface PartnerApp {
  baseUrl: string;
  output(): string;
  /** SIGTERM, then removes its data folder (unless it was given). */
  stop(): Promise<void>;
}

/** Whether the script-tag build is there for the partner app to serve. */
export const embedBuilt = (): boolean => existsSync(join(EMBED_DIST, 'countersign-editor.js'));

/**
 * Starts the partner app on a free port and waits for its sign-in page: on a fresh data folder (PGlite,
 * removed by `stop`), or on `dataDir` (kept, for a restart). Countersign's demo users get DEMO_PASSWORD.
 */
export async function startPartnerApp(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<PartnerApp & { dataDir: string }> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'countersign-partner-'));
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'examples/partner-app/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: 'examples/partner-app/tsconfig.json', PORT: String(port), HOST: '127.0.0.1', PARTNER_DATA_DIR: dataDir, PARTNER_DEMO_PASSWORD: PORTAL_PASSWORD, COUNTERSIGN_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the partner app exited with ${child.exitCode}:\n${output}`);
    if (output.includes('Northwind Portal is running') && (await fetch(`${baseUrl}/login`).then((r) => r.ok, () => false))) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the partner app did not start within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    dataDir,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in to the partner app over HTTP and returns its session cookie. */
export async function portalSession(baseUrl: string, email: string, password = PORTAL_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password }).toString() });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 303 || !cookie) throw new Error(`signing in to the partner app as ${email} failed: ${response.status}`);
  return cookie;
}

/** An embed token the partner app signs for its signed-in user. */
export async function portalEmbedToken(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/embed/token`, { headers: { cookie } });
  if (!response.ok) throw new Error(`the partner app refused an embed token: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
