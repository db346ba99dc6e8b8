import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The password of the seeded demo users in tests. */
export const DEMO_PASSWORD = 'demo-password-for-tests';

/** A runtime started as its own process, as `pnpm start` does. */
export interface RuntimeProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process wrote (JSON log lines and the banner). */
  output(): string;
  /** SIGKILL: the process dies mid-work with no chance to clean up. */
  kill(): Promise<void>;
  /** SIGTERM: graceful stop; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** A port free right now on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `runtime/src/main.ts` with the given environment and waits until /api/health answers. */
export async function startRuntime(env: Record<string, string>, port?: number): Promise<RuntimeProcess> {
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'runtime/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      COUNTERSIGN_DEMO_PASSWORD: DEMO_PASSWORD,
      COUNTERSIGN_EDITOR_DIR: '/nonexistent',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`runtime exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`runtime did not start within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    child,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
