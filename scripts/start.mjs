// `pnpm start`: builds the editor when its build is missing or older than its sources, then runs
// the runtime (`tsx runtime/src/main.ts`) in the foreground, forwarding signals and its exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => process.stderr.write(`[countersign] ${message}\n`);

/** Newest modification time (ms) of a file or of any file under a folder; 0 when absent. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function editorIsStale() {
  const built = join(root, 'editor/dist/index.html');
  if (!existsSync(built)) return true;
  // The editor bundles code from shared/, so a change there needs a rebuild too.
  const sources = [
    'editor/src', 'editor/index.html', 'editor/vite.config.ts', 'editor/package.json', 'shared/src',
    'README.md', // the placeholder page shows its API quickstart
  ];
  const newestSource = Math.max(...sources.map((source) => newestMtime(join(root, source))));
  return newestSource > statSync(built).mtimeMs;
}

function buildEditor() {
  log('building the editor (editor/dist is missing or older than its sources)');
  const result = spawnSync('pnpm', ['--filter', '@countersign/editor', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    // The API works without the editor: start anyway, and say so.
    log(`warning: the editor build failed (${result.error?.message ?? `exit code ${result.status}`}); ` +
      'the runtime starts without a fresh editor');
  }
}

if (process.env.COUNTERSIGN_SKIP_EDITOR_BUILD !== '1' && editorIsStale()) buildEditor();

// isolated-vm asks for --no-node-snapshot on Node 20+; NODE_OPTIONS reaches the process tsx spawns.
const nodeOptions = [process.env.NODE_OPTIONS, '--no-node-snapshot'].filter(Boolean).join(' ');
const tsxCli = createRequire(join(root, 'runtime/package.json')).resolve('tsx/cli');

// The child gets its own process group, so a Ctrl-C in the terminal reaches it once, through us,
// rather than twice (once from the terminal and once forwarded).
const child = spawn(process.execPath, [tsxCli, 'runtime/src/main.ts'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
  detached: true,
});

const forwarded = new Map();
function forward(signal) {
  // A package manager may send the same signal again right after the terminal did: send one.
  const last = forwarded.get(signal) ?? 0;
  if (Date.now() - last < 300) return;
  forwarded.set(signal, Date.now());
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']) process.on(signal, () => forward(signal));

// `pnpm start` runs us under `sh -c`, and a SIGTERM sent to pnpm stops pnpm and that shell but not
// us: when started by a package manager, its going away (we are re-parented) stops the runtime.
if (process.env.npm_lifecycle_event !== undefined) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) forward('SIGTERM');
  }, 1000).unref();
}

// Never leave the runtime behind when this process ends for another reason.
process.on('exit', () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});

child.on('error', (error) => {
  log(`could not start the runtime: ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (signal !== null) {
    // Exit the way a shell reports a process killed by a signal.
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
});
