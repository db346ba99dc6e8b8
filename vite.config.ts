import { defineConfig } from 'vitest/config';

// One Vitest run over the workspace: fast unit tests beside the code in each package, and the
// cross-package integration tests in test/ (real databases, child processes: run one file at a time).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      { test: { name: 'nodes', root: './nodes', include: ['src/**/*.test.ts'] } },
      // isolated-vm needs V8's startup snapshot off on Node 20+ (its README).
      { test: { name: 'runtime', root: './runtime', include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, execArgv: ['--no-node-snapshot'] } },
      { test: { name: 'editor', root: './editor', include: ['src/**/*.test.{ts,tsx}'], environment: 'jsdom' } },
      {
        test: {
          name: 'integration',
          root: './test',
          include: ['src/**/*.test.ts'],
          fileParallelism: false,
          execArgv: ['--no-node-snapshot'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
